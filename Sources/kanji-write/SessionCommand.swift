import ArgumentParser
import Foundation

/// The app: today's session in the terminal. It runs when `kanji-write` is given no command.
struct SessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "Write today's kanji from memory with the mouse (the default command).",
    discussion: """
      Due reviews come first, then new kanji up to the daily limit; a new kanji is shown stroke \
      by stroke before it is asked. On the first run, with an empty deck, the app asks what to \
      study. Needs a terminal with mouse reporting and a UTF-8 locale.
      """)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try SessionLauncher.run(global, dailySession: true) { host, now in
      (try host.dueCards(now: now), try host.deckIsEmpty)
    }
  }
}

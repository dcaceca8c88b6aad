import App
import ArgumentParser
import Foundation

/// The app: today's session in the terminal. It runs when `kanji-write` is given no command.
struct AppCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "Write today's kanji from memory with the mouse (the default command).",
    discussion: """
      Due reviews come first, then new kanji up to the daily limit; a new kanji is shown stroke \
      by stroke before it is asked. On the first run, with an empty deck, the app asks what to \
      study. With nothing due, it opens on the home screen: today's figures and keys for a \
      session, the self-test, the weak list, progress and help. The end of a session and every \
      other screen come back to it; q there quits. Needs a terminal with mouse reporting and a \
      UTF-8 locale.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  func run() throws {
    let context = try CLI.openApp(data: data, home: home)
    try App.run(try App.start(store: context.store), context: context, hasHome: true)
  }
}

import Foundation
import KanjiData
import Practice
import Progress
import TerminalUI

/// Opens the data, checks the terminal, and runs a practice session in it: the plumbing the
/// app's default command and `practice` share.
enum SessionLauncher {
  /// Returns how the session ended (quit, home, or a screen chosen from its summary).
  /// - Parameter returnsHome: the app's home screen comes next (the summary says so).
  @discardableResult
  static func run(
    _ context: AppContext, dailySession: Bool, returnsHome: Bool = false,
    cards: (StoreHost, Date) throws -> (cards: [SessionCard], deckIsEmpty: Bool)
  ) throws -> SessionExit {
    let now = Date()
    let host = StoreHost(store: context.store, reference: context.reference)
    let (settings, leniency, session) = try ProgressCLI.run {
      let (settings, leniency) = try host.settings(dailySession: dailySession)
      return (settings, leniency, try cards(host, now))
    }
    let terminal: Terminal
    do {
      terminal = try Terminal()
    } catch {
      ProgressCLI.fail(error.description)
    }
    var practice = Session(
      cards: session.cards, settings: settings,
      judge: StrokeMatchJudge(
        leniency: leniency, namer: CharacterNamer { try host.reference.allStrokes(strokeCount: $0) }
      ),
      columns: terminal.columns, rows: terminal.rows, now: now, deckIsEmpty: session.deckIsEmpty)
    practice.returnsHome = returnsHome
    do {
      return try TerminalApp(terminal: terminal, session: practice, host: host).run()
    } catch {
      // The terminal is restored by now; the answered reviews before this one are stored.
      StandardStreams.error("kanji-write: could not save the last review: \(error)\n")
      Foundation.exit(1)
    }
  }
}

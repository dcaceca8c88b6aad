import Foundation
import Practice
import Progress
import TerminalUI

/// The app's screens beyond the session: the self-test, the weak list and progress, opened
/// from the home screen, the end of a session, or by their commands.
enum AppScreens {
  /// Opens a screen and returns what comes next: home when it was closed, or how the weak
  /// list's session ended (its summary offers the other screens; q in it quits).
  /// - Parameter returnsHome: the app's home screen comes after (a session's summary says so).
  static func open(
    _ destination: AppDestination, context: AppContext, returnsHome: Bool = false
  ) throws -> SessionExit {
    switch destination {
    case .selfTest:
      let picked = try ProgressCLI.run {
        try SelfTestLauncher.pick(store: context.store, seed: nil)
      }
      guard picked.count == SelfTest.size else {
        let reason = SelfTestLauncher.tooFew(picked.count)
        let message = reason.prefix(1).uppercased() + reason.dropFirst() + "."
        _ = try page(TextPage(title: "Self-test", lines: [message]))
        return .home
      }
      try SelfTestLauncher.run(context, kanji: picked, seed: nil)
      return .home
    case .weakList:
      return try showWeakList(context, returnsHome: returnsHome)
    case .progress:
      let report = try ProgressCLI.run { try StatsReport.load(store: context.store, now: Date()) }
      _ = try page(TextPage(title: "Progress", lines: report.lines))
      return .home
    }
  }

  /// Opens each screen chosen from the one before, until none is (or the learner stopped the
  /// app): for the commands that run without the home screen.
  static func follow(_ exit: SessionExit, context: AppContext) throws {
    var next = exit
    while case .open(let destination) = next, !Terminal.stopRequested {
      next = try open(destination, context: context)
    }
  }

  /// The weak list on a page; `s` practises the weak kanji at once.
  static func showWeakList(_ context: AppContext, returnsHome: Bool) throws -> SessionExit {
    let list = try WeakCommand.load(store: context.store, reference: context.reference)
    let lines = WeakListReport(list: list, practiseHint: false).lines
    let actions = list.kanji.isEmpty ? [] : [TextPage.Action(key: "s", label: "practise them")]
    let chosen = try page(TextPage(title: "Weak kanji", lines: lines, actions: actions))
    guard chosen == "s" else { return .home }
    return try WeakSession.run(
      context, kanji: list.kanji.map(\.kanji), returnsHome: returnsHome)
  }

  /// Shows a page in the terminal and gives it back; the key of the action chosen, if any.
  static func page(_ page: TextPage) throws -> Character? {
    let terminal = try openTerminal()
    defer { terminal.restore() }
    return terminal.show(page)
  }

  static func openTerminal() throws -> Terminal {
    do {
      try Terminal.checkEnvironment(environment: ProcessInfo.processInfo.environment)
      return try Terminal()
    } catch {
      ProgressCLI.fail(error.description)
    }
  }
}

import Foundation
import Practice
import Progress
import TerminalUI

/// The app's screens beyond the session: the self-test, the weak list and progress, opened
/// from the end of a session or by their commands.
enum AppScreens {
  static func open(_ destination: AppDestination, global: GlobalOptions) throws {
    switch destination {
    case .selfTest:
      let store = try ProgressCLI.openStore(global)
      let picked = try ProgressCLI.run { try SelfTestLauncher.pick(store: store, seed: nil) }
      guard picked.count == SelfTest.size else {
        let reason = SelfTestLauncher.tooFew(picked.count)
        let message = reason.prefix(1).uppercased() + reason.dropFirst() + "."
        _ = try page(TextPage(title: "Self-test", lines: [message]))
        return
      }
      try SelfTestLauncher.run(global, kanji: picked, seed: nil)
    case .weakList:
      try showWeakList(global)
    case .progress:
      let store = try ProgressCLI.openStore(global)
      let report = try ProgressCLI.run { try StatsReport.load(store: store, now: Date()) }
      _ = try page(TextPage(title: "Progress", lines: report.lines))
    }
  }

  /// The weak list on a page; `s` practises the weak kanji at once.
  static func showWeakList(_ global: GlobalOptions) throws {
    let list = try WeakCommand.load(global)
    let lines = WeakListReport(list: list, practiseHint: false).lines
    let actions = list.kanji.isEmpty ? [] : [TextPage.Action(key: "s", label: "practise them")]
    let chosen = try page(TextPage(title: "Weak kanji", lines: lines, actions: actions))
    if chosen == "s" { try WeakSession.run(global, kanji: list.kanji.map(\.kanji)) }
  }

  /// Shows a page in the terminal and gives it back; the key of the action chosen, if any.
  private static func page(_ page: TextPage) throws -> Character? {
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

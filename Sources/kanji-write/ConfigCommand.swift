import ArgumentParser
import Foundation
import Progress

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "List the settings, show one (KEY) or change one (KEY VALUE).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The setting.")
  var key: String?

  @Argument(help: "Its new value.")
  var value: String?

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try ProgressCLI.openStore(global)
    if let key, let value {
      let stored = try ProgressCLI.run { try store.setSetting(key, value) }
      print(json ? try ProgressCLI.json([key: stored]) : "\(key) = \(stored)")
      return
    }
    if let key {
      let current = try ProgressCLI.run { try store.setting(key) }
      print(json ? try ProgressCLI.json([key: current]) : current)
      return
    }
    let settings = try ProgressCLI.run { try store.settings() }
    if json {
      print(
        try ProgressCLI.json(
          Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0.value) })))
      return
    }
    let width = settings.map(\.key.count).max() ?? 0
    for setting in settings {
      let help = SettingsCatalog.definition(setting.key)?.help ?? ""
      let key = setting.key.padding(toLength: width, withPad: " ", startingAt: 0)
      print("\(key)  \(setting.value)\(setting.isDefault ? "" : " (changed)")  - \(help)")
    }
  }
}

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the progress database: SQLite integrity, and a replay of the log.",
    discussion: "Exit status 1 when a problem is found.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try ProgressCLI.openStore(global, access: .readOnly)
    let report = try ProgressCLI.run { try store.check() }
    if json {
      print(try ProgressCLI.json(report))
    } else {
      print("\(store.path)")
      print("Integrity: \(report.integrity.joined(separator: "; "))")
      print("Replayed \(report.reviewsReplayed) log entries over \(report.cardsChecked) cards")
      for mismatch in report.mismatches { print("  \(mismatch)") }
      print(report.isHealthy ? "No problems found." : "Problems found.")
    }
    if !report.isHealthy { throw ExitCode(1) }
  }
}

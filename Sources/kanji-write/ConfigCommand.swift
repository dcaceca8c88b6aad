import ArgumentParser
import Foundation
import Progress
import ProgressRecords

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "List the settings, show one (KEY) or change one (KEY VALUE).")

  @OptionGroup var home: HomeOption

  @Argument(help: "The setting.")
  var key: String?

  // Collected from what the parser does not recognise, so that a negative number such as -1
  // reaches the setting's validation instead of being refused as an unknown option; several
  // words are one value ("config learning_steps 1m 10m").
  @Argument(parsing: .allUnrecognized, help: "Its new value.")
  var value: [String] = []

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    if let key, !value.isEmpty {
      // "--", the end of options, is how some write a negative value; it is not part of it.
      let value = value.filter { $0 != "--" }.joined(separator: " ")
      // Checked before the store is opened, so a refused value writes nothing, and the message
      // says what is wrong rather than only what is expected.
      guard let definition = SettingsCatalog.definition(key) else {
        throw CLIError("\(ProgressError.unknownSetting(key))")
      }
      do { _ = try definition.validated(value) } catch {
        throw CLIError("invalid value for \(key): \(error)")
      }
      let store = try CLI.openStore(home)
      let stored = try store.setSetting(key, value)
      print(json ? try CLI.json([key: stored]) : "\(key) = \(stored)")
      return
    }
    let store = try CLI.openStore(home)
    if let key {
      let current = try store.setting(key)
      print(json ? try CLI.json([key: current]) : current)
      return
    }
    let settings = try store.settings()
    if json {
      print(
        try CLI.json(
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

  @OptionGroup var home: HomeOption

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try CLI.openStore(home, access: .readOnly)
    let report = try store.check()
    if json {
      print(try CLI.json(report))
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

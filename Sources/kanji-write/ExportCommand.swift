import ArgumentParser
import Foundation
import Progress

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the review log: csv for the FSRS optimiser, json as a full backup.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "csv (card_id, review_time, review_rating, review_state, review_duration) or json.")
  var format = "json"

  @Option(help: "Write to FILE instead of standard output.")
  var out: String?

  func run() throws {
    guard ["csv", "json"].contains(format) else {
      ProgressCLI.fail("unknown export format \"\(format)\": use csv or json")
    }
    let store = try ProgressCLI.openStore(global, access: .readOnly)
    let text: String = try ProgressCLI.run {
      switch format {
      case "csv": return try store.revlogCSV()
      default:
        let data = try ProgressBackup.encoder().encode(try store.backup(now: Date()))
        return String(decoding: data, as: UTF8.self) + "\n"
      }
    }
    guard let out else {
      guard StandardStreams.output(text) else {
        ProgressCLI.fail("could not write the export: \(String(cString: strerror(errno)))")
      }
      return
    }
    // Written beside the target, then renamed: an interrupted export never leaves half a file.
    try ProgressCLI.run {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      // The learner's record: theirs alone to read, like the store it comes from.
      chmod(out, 0o600)
    }
  }
}

struct ImportProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-progress",
    abstract: "Restore a JSON backup made by `export --format json`.",
    discussion: "Into an empty home only, unless --merge, which skips what is already there.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The backup file.")
  var file: String

  @Flag(help: "Add the backup to existing progress, skipping duplicates.")
  var merge = false

  @Flag(help: "Print the summary as JSON.")
  var json = false

  func run() throws {
    guard let data = FileManager.default.contents(atPath: file) else {
      ProgressCLI.fail("cannot read \(file)")
    }
    let backup: ProgressBackup
    do {
      backup = try ProgressBackup.decoder().decode(ProgressBackup.self, from: data)
    } catch {
      ProgressCLI.fail("\(file) is not a kanji-write backup (\(error.localizedDescription))")
    }
    let store = try ProgressCLI.openStore(global)
    let summary = try ProgressCLI.run { try store.restore(backup, merge: merge, source: file) }
    if json {
      print(try ProgressCLI.json(summary))
      return
    }
    print(
      "Imported \(summary.cardsAdded) cards (\(summary.cardsSkipped) already there), "
        + "\(summary.reviewsAdded) reviews (\(summary.reviewsSkipped) duplicates skipped), "
        + "\(summary.selfTestsAdded) self-tests; \(summary.cardsRebuilt) cards rebuilt from their log"
    )
  }
}

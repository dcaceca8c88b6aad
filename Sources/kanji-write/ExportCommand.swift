import ArgumentParser
import Foundation
import KanjiData
import Progress
import ProgressRecords

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the review log: csv for the FSRS optimiser, json as a full backup.")

  @OptionGroup var home: HomeOption

  @Option(help: "csv (card_id, review_time, review_rating, review_state, review_duration) or json.")
  var format = "json"

  @Option(help: "Write to FILE instead of standard output.")
  var out: String?

  func run() throws {
    guard ["csv", "json"].contains(format) else {
      throw CLIError("unknown export format \"\(format)\": use csv or json")
    }
    // Checked first, so a mistyped --out is reported before any work is done.
    if let out { try CLI.checkWritableFile(out) }
    let store = try CLI.openStore(home, access: .readOnly)
    let text: String
    if format == "csv" {
      text = try store.revlogCSV()
    } else {
      let data = try ProgressBackup.encoder().encode(try store.backup(now: Date()))
      text = String(decoding: data, as: UTF8.self) + "\n"
    }
    guard let out else {
      guard StandardStreams.output(text) else {
        throw CLIError("could not write the export: \(String(cString: strerror(errno)))")
      }
      return
    }
    // Written beside the target, then renamed: an interrupted export never leaves half a file.
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
      // What the check above cannot foresee, such as a full disk.
      throw CLIError("cannot write \(out): \(error.localizedDescription)")
    }
    // The learner's record: theirs alone to read, like the store it comes from.
    chmod(out, 0o600)
  }
}

struct ImportProgressCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-progress",
    abstract: "Restore a JSON backup made by `export --format json`.",
    discussion: "Into an empty home only, unless --merge, which skips what is already there.")

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Argument(help: "The backup file.")
  var file: String

  @Flag(help: "Add the backup to existing progress, skipping duplicates.")
  var merge = false

  @Flag(help: "Print the summary as JSON.")
  var json = false

  func run() throws {
    let bytes = try read()
    let backup: ProgressBackup
    do {
      backup = try ProgressBackup.decode(bytes)
    } catch {
      throw refused("\(error)")
    }
    // Every kanji must be one the app can show and grade, as `add` requires.
    let reference: ReferenceDatabase
    do {
      reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
    } catch {
      throw refused("cannot check its kanji: \(error)")
    }
    // Validated before the store is opened, so a refused file leaves no trace.
    let validated: ValidatedBackup
    do {
      validated = try backup.validated(now: Date()) { try reference.strokes($0) != nil }
    } catch {
      throw refused("\(error)")
    }
    let store = try CLI.openStore(home)
    let summary = try store.restore(validated, merge: merge)
    if json {
      print(try CLI.json(summary))
      return
    }
    print(
      "Imported \(summary.cardsAdded) cards (\(summary.cardsSkipped) already there), "
        + "\(summary.reviewsAdded) reviews (\(summary.reviewsSkipped) duplicates skipped), "
        + "\(summary.selfTestsAdded) self-tests; \(summary.cardsRebuilt) cards rebuilt from their log"
    )
  }

  /// The file's bytes, refusing one larger than a backup could sensibly be before reading it.
  func read() throws -> Data {
    let limit = ProgressBackup.maximumFileSize
    let tooLarge = "it is larger than \(limit >> 20) MB, the most a backup may be"
    if let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber,
      size.intValue > limit
    {
      throw refused(tooLarge)
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
      throw refused("no such file")
    }
    if isFolder.boolValue { throw refused("it is a folder") }
    guard let handle = FileHandle(forReadingAtPath: file) else {
      throw refused("cannot read it (check its permissions)")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // One byte past the limit tells a file that grew, or a pipe, from one within it.
      data = try handle.read(upToCount: limit + 1) ?? Data()
    } catch {
      throw refused("cannot read it: \(error.localizedDescription)")
    }
    guard data.count <= limit else { throw refused(tooLarge) }
    return data
  }

  func refused(_ reason: String) -> CLIError {
    CLIError("import-progress: nothing imported from \(file): \(reason)")
  }
}

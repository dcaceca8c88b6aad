import App
import ArgumentParser
import Foundation
import Progress
import ProgressRecords
import Scheduler

/// Bad input a command cannot take, in words for the learner. Commands throw it (and let the
/// libraries' own errors through); `KanjiWrite.main` prints any of them once, as
/// "kanji-write: MESSAGE", and exits with status 2.
struct CLIError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// What the commands share: opening the store and the app, dates and JSON.
enum CLI {
  /// The learner's store; `.readOnly` for commands that only read, so that a read-only copy
  /// can still be read.
  static func openStore(_ home: HomeOption, access: ProgressStore.Access = .readWrite)
    throws -> ProgressStore
  {
    try ProgressStore.open(home: home.path, access: access)
  }

  /// The app's store and reference data, opened once for the run.
  static func openApp(data: DataOption, home: HomeOption) throws -> AppContext {
    let context = try AppContext(data: data.path, home: home.path)
    // Before the first screen, so that it shows what the other machines did.
    if let problem = context.syncWithFolder() { StandardStreams.error("kanji-write: \(problem)\n") }
    return context
  }

  /// Fails, naming the folder, unless `path` can be written as a new or replaced file.
  static func checkWritableFile(_ path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw CLIError("cannot write \(path): it is a folder")
    }
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw CLIError("cannot write \(path): the folder \(folder) does not exist")
    }
    guard isFolder.boolValue else {
      throw CLIError("cannot write \(path): \(folder) is not a folder")
    }
    // The file is written beside the target and renamed, so the folder must be writable.
    guard access(folder, W_OK) == 0 else {
      throw CLIError("cannot write \(path): the folder \(folder) cannot be written")
    }
  }

  static func parseDate(_ text: String) -> Date? {
    let plain = ISO8601DateFormatter()
    if let date = plain.date(from: text) { return date }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return fractional.date(from: text)
  }

  /// ISO 8601 in UTC, with milliseconds only when there are some.
  static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
    if ms % 1000 != 0 {
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    }
    return formatter.string(from: date)
  }

  /// Local time for people reading the terminal.
  static func local(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// A card's state as `review --json` and `due --json` print it.
struct CardJSON: Encodable {
  var kanji: String
  var state: String
  var stability: Double?
  var difficulty: Double?
  var due: String?
  var intervalDays: Int
  var lapses: Int
  var leech: Bool

  enum CodingKeys: String, CodingKey {
    case kanji, state, stability, difficulty, due, lapses, leech
    case intervalDays = "interval_days"
  }

  init(_ snapshot: CardSnapshot) {
    kanji = snapshot.kanji
    state = snapshot.state.rawValue
    stability = snapshot.card.memory?.stability
    difficulty = snapshot.card.memory?.difficulty
    due = snapshot.due.map(CLI.format)
    intervalDays = snapshot.card.intervalDays
    lapses = snapshot.card.lapses
    leech = snapshot.card.isLeech
  }
}

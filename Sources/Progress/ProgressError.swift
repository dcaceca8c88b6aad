import Foundation
import Scheduler

/// Errors of the progress store; each names the file or value at fault.
public enum ProgressError: Error, CustomStringConvertible, Equatable {
  case notADatabase(path: String)
  case readOnly(path: String)
  case locked(path: String)
  case cannotOpen(path: String, reason: String)
  case newerSchema(path: String, found: Int, supported: Int)
  /// A schema version no kanji-write ever wrote.
  case unknownSchema(path: String, found: Int)
  /// An older schema, opened where it cannot be brought up to date.
  case needsUpgrade(path: String, found: Int, supported: Int)
  /// SQLite's quick check found damage; nothing is written to such a file.
  case damaged(path: String, details: [String])
  case diskFull(path: String)
  case unknownCard(String)
  case reviewNotAfterLast(kanji: String, last: Date, attempted: Date)
  case unknownSetting(String)
  case invalidSetting(key: String, value: String, expected: String)
  case homeNotEmpty(path: String)
  /// A command that only reads was pointed at a home that holds no store.
  case noProgress(home: String)
  /// `optimize --revert` with only the first weights stored.
  case nothingToRevert
  case database(String)
  /// The sync folder is missing, unreadable or cannot be written.
  case syncFolder(String)

  public var description: String {
    let iso = ISO8601DateFormatter()
    switch self {
    case .notADatabase(let path):
      return "\(path) is not a kanji-write progress database or is damaged; it was left untouched"
    case .readOnly(let path): return "\(path) is read-only; make it writable to record progress"
    case .locked(let path):
      return "\(path) is locked by another program; try again when it is done"
    case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
    case .newerSchema(let path, let found, let supported):
      return
        "\(path) was written by a newer kanji-write (schema \(found), this one knows up to \(supported)); it was left untouched: update kanji-write to use it"
    case .unknownSchema(let path, let found):
      return
        "\(path) has schema version \(found), which no kanji-write writes; it was left untouched"
    case .needsUpgrade(let path, let found, let supported):
      return
        "\(path) has the older schema \(found) (this kanji-write uses \(supported)) and cannot be upgraded here because it cannot be written"
    case .damaged(let path, let details):
      let shown = details.prefix(3).joined(separator: "; ")
      return
        "\(path) is damaged (\(shown)\(details.count > 3 ? "; ..." : "")); it was left untouched. Restore a backup (kanji-write import-progress), or read what is left with kanji-write export"
    case .diskFull(let path):
      return
        "the disk holding \(path) is full; nothing more was saved. Free some space and try again"
    case .unknownCard(let kanji):
      return "\(kanji) is not in your deck; add it with `kanji-write add`"
    case .reviewNotAfterLast(let kanji, let last, let attempted):
      return
        "review time \(iso.string(from: attempted)) is not after the last review of \(kanji) at \(iso.string(from: last))"
    case .unknownSetting(let key):
      return
        "unknown setting \(key); known: \(SettingsCatalog.all.map(\.key).joined(separator: ", "))"
    case .invalidSetting(let key, let value, let expected):
      return "invalid value \(MessageText.quoted(value)) for \(key): expected \(expected)"
    case .homeNotEmpty(let path):
      return "\(path) already holds progress; use --merge to add the backup to it"
    case .noProgress(let home):
      return
        "no progress in \(home) yet: nothing has been studied there; check --home (or $KANJI_WRITE_HOME), or start with kanji-write add jlpt:N5"
    case .nothingToRevert:
      return "no earlier scheduler weights to go back to: the ones in use are the first stored"
    case .database(let message): return message
    case .syncFolder(let message): return message
    }
  }
}

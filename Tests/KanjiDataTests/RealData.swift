import Foundation
import Testing

@testable import KanjiData

/// The upstream data and the database `make data` builds; `make test` builds them first.
enum RealData {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let database = root.appendingPathComponent("Data/kanji.sqlite").path
  static let wheel = root.appendingPathComponent(
    "Data/cache/kanjivg-20260714-py3-none-any.whl"
  ).path

  static func require(_ path: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("\(path) is missing: run `make data` first (make test does)")
      throw CancellationError()
    }
    return path
  }

  static func openDatabase() throws -> ReferenceDatabase {
    try ReferenceDatabase(path: require(database))
  }
}

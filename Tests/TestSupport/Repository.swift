import Foundation
import Testing

/// Paths in this package's checkout, found from this file's place in it
/// (Tests/TestSupport/Repository.swift), so that tests run from any working directory.
public enum Repository {
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The path of `relative` below the root.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The reference database `make data` builds.
  public static let referenceDatabase = path("Data/kanji.sqlite")

  /// Records that `path`, which `make data` makes, is missing, and returns the error that stops
  /// the test: a test of the real data fails with the fix instead of passing unchecked.
  public static func missing(_ path: String) -> some Error {
    Issue.record("\(path) is missing: run `make data` first (make test does)")
    return CancellationError()
  }

  /// `path`, once it is known to exist; otherwise the test fails as `missing` says.
  @discardableResult
  public static func require(_ path: String) throws -> String {
    guard FileManager.default.fileExists(atPath: path) else { throw missing(path) }
    return path
  }

  @discardableResult
  public static func requireReferenceDatabase() throws -> String {
    try require(referenceDatabase)
  }
}

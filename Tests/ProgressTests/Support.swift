import Foundation
import ProgressRecords

@testable import Progress

let utc = TimeZone(identifier: "UTC")!

/// A fresh temporary folder, removed when the value is released.
final class TempHome {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-progress-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    chmod(path, 0o755)
    try? FileManager.default.removeItem(atPath: path)
  }

  var database: String { path + "/progress.sqlite" }

  func open(busyTimeoutMs: Int32 = 5000) throws -> ProgressStore {
    try ProgressStore(path: database, timeZone: utc, busyTimeoutMs: busyTimeoutMs)
  }
}

func date(_ text: String) -> Date {
  let formatter = ISO8601DateFormatter()
  return formatter.date(from: text)!
}

func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

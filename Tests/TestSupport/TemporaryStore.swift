import Foundation
import ProgressRecords
import Progress

/// A progress store in a fresh temporary folder, in UTC; the folder goes when the value does.
public final class TemporaryStore {
  public let path = FileManager.default.temporaryDirectory
    .appendingPathComponent("kanji-write-practice-\(UUID().uuidString)").path
  public let store: ProgressStore

  /// - Parameter busyTimeoutMs: how long a write waits for another connection's lock.
  public init(busyTimeoutMs: Int32 = ProgressStore.busyTimeoutMs) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    store = try ProgressStore(
      path: path + "/progress.sqlite", timeZone: TimeZone(identifier: "UTC")!,
      busyTimeoutMs: busyTimeoutMs)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}

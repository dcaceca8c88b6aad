import Foundation
import Progress
import ProgressRecords

/// A progress store opened in this process, in a fresh temporary folder, counting days in UTC;
/// the folder goes when the value does.
public final class TemporaryStore {
  public let folder: TemporaryFolder
  public let store: ProgressStore

  public var path: String { folder.path }

  /// - Parameter busyTimeoutMs: how long a write waits for another connection's lock.
  public init(busyTimeoutMs: Int32 = ProgressStore.busyTimeoutMs) throws {
    folder = try TemporaryFolder()
    store = try folder.openStore(busyTimeoutMs: busyTimeoutMs)
  }
}

extension TemporaryFolder {
  /// Where a progress home in this folder keeps its store.
  public var database: String { file("progress.sqlite") }

  /// Opens the store at `database` (creating it if need be), counting days in UTC.
  public func openStore(busyTimeoutMs: Int32 = ProgressStore.busyTimeoutMs) throws
    -> ProgressStore
  {
    try ProgressStore(path: database, timeZone: .utc, busyTimeoutMs: busyTimeoutMs)
  }
}

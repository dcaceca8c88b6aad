import Foundation
import KanjiData
import Progress
import ProgressRecords
import TerminalUI

/// What one run of the app opens once and every screen shares: the learner's store (one
/// connection for the whole run: SQLite's locks belong to the process) and the reference
/// database. The terminal is checked before anything is opened, so a terminal the app cannot use
/// leaves no file behind.
public final class AppContext {
  public let store: ProgressStore
  public let reference: ReferenceDatabase

  /// - Parameters:
  ///   - data: the reference database given on the command line, if any.
  ///   - home: the progress folder given on the command line, if any.
  public init(
    data: String?, home: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    try Terminal.checkEnvironment(environment: environment)
    store = try ProgressStore.open(home: home, environment: environment)
    reference = try ReferenceDatabase(path: try ReferenceDatabase.locate(explicit: data))
  }

  /// A context over an open store and reference database, for tests.
  public init(store: ProgressStore, reference: ReferenceDatabase) {
    self.store = store
    self.reference = reference
  }

  /// Syncs with the folder of the `sync_dir` setting, when one is set: silent when it works,
  /// one line to show when it cannot (the folder missing or unreadable, a line not imported).
  public func syncWithFolder() -> String? {
    guard let folder = try? store.setting("sync_dir"), folder != "off" else { return nil }
    do {
      let report = try store.sync(folder: folder)
      guard report.problems.isEmpty else {
        return
          "sync with \(folder): \(report.problems.count) line(s) not imported; kanji-write sync shows them"
      }
      return nil
    } catch {
      return "could not sync with \(folder): \(error)"
    }
  }

  /// The host the scenes' effects are performed against.
  var host: StoreHost { StoreHost(store: store, reference: reference) }
}

import Foundation
import SQLite

/// Builds a SQLite file beside its destination and renames it into place only when it is
/// complete, so a failed import never leaves a half-built database where a good one was.
struct AtomicDatabaseWriter {
  let path: String
  /// Told of each stale temporary file removed.
  var log: (String) -> Void = { _ in }

  func write(_ body: (Database) throws -> Void) throws {
    let folder = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    guard
      FileManager.default.fileExists(
        atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw ImportError(description: "\(path): the folder \(folder) does not exist")
    }
    removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
    let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.removeItem(atPath: temporary)
    do {
      try build(temporary, body)
      guard rename(temporary, path) == 0 else {
        throw ImportError(
          description:
            "\(path): cannot move the new database into place (\(String(cString: strerror(errno))))"
        )
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      if error is ImportError { throw error }
      throw ImportError(description: "\(path): \(error)")
    }
  }

  /// Removes the `<name>.tmp-<PID>` files beside the database that an import killed midway left
  /// behind: those whose process is gone. One whose process runs may be another import's.
  private func removeStaleTemporaries(in folder: String) {
    let prefix = (path as NSString).lastPathComponent + ".tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count)
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
        let pid = pid_t(digits), pid > 0, kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let stale = (folder as NSString).appendingPathComponent(name)
      if (try? FileManager.default.removeItem(atPath: stale)) != nil {
        log("removed \(stale), left by an import that did not finish (process \(pid) is gone)")
      }
    }
  }

  /// Scoped so the connection is closed before the rename.
  private func build(_ temporary: String, _ body: (Database) throws -> Void) throws {
    let db = try Database(path: temporary)
    // A fresh file nobody else reads: no journal, no syncing until the end.
    try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
    try db.transaction { try body(db) }
    try db.execute("PRAGMA synchronous = FULL; VACUUM;")
  }
}

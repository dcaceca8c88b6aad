import Foundation

/// Checks made before SQLite touches an existing file, so a file that is not ours or cannot be
/// written is reported by name and left exactly as it was.
enum FileGuard {
  static let header = Array("SQLite format 3\0".utf8)

  static func checkBeforeOpening(_ path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      try checkFolderWritable((path as NSString).deletingLastPathComponent)
      return
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw ProgressError.cannotOpen(path: path, reason: "it is not a regular file")
    }
    // Permission bits rather than access(2) alone: root could write anyway, but a learner who
    // made the file read-only wants it left alone.
    guard info.st_mode & 0o222 != 0, access(path, W_OK) == 0 else {
      throw ProgressError.readOnly(path: path)
    }
    try checkFolderWritable((path as NSString).deletingLastPathComponent)
    guard info.st_size > 0 else { return }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ProgressError.cannotOpen(path: path, reason: "it cannot be read")
    }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: header.count)) ?? Data()
    guard Array(start) == header else { throw ProgressError.notADatabase(path: path) }
  }

  /// WAL mode keeps `-wal` and `-shm` files beside the database.
  static func checkFolderWritable(_ folder: String) throws {
    let folder = folder.isEmpty ? "." : folder
    var info = stat()
    guard stat(folder, &info) == 0 else {
      throw ProgressError.cannotOpen(path: folder, reason: "the folder does not exist")
    }
    guard info.st_mode & 0o222 != 0, access(folder, W_OK) == 0 else {
      throw ProgressError.readOnly(path: folder)
    }
  }
}

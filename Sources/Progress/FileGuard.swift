import Foundation

/// Checks made before SQLite opens the learner's file, by path only. The file itself is never
/// opened here: closing any descriptor on a database drops every POSIX lock the process holds
/// on it, and with them the lock that tells other processes a connection still uses the WAL.
enum FileGuard {
  /// The file's size, or nil when there is no file; fails for what is not a regular file.
  static func existingSize(_ path: String) throws -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw ProgressError.cannotOpen(path: path, reason: "it is not a regular file")
    }
    return Int64(info.st_size)
  }

  /// Fails unless the file (if it exists) and its folder can be written.
  static func checkWritable(_ path: String, exists: Bool) throws {
    if exists {
      var info = stat()
      // Permission bits rather than access(2) alone: root could write anyway, but a learner
      // who made the file read-only wants it left alone.
      guard stat(path, &info) == 0, info.st_mode & 0o222 != 0, access(path, W_OK) == 0 else {
        throw ProgressError.readOnly(path: path)
      }
    }
    try checkFolderWritable((path as NSString).deletingLastPathComponent)
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

  /// Whether the folder holding `path` can be written (for a reader that needs `-shm`).
  static func folderIsWritable(_ path: String) -> Bool {
    (try? checkFolderWritable((path as NSString).deletingLastPathComponent)) != nil
  }

  /// Creates the empty database file readable by its owner only; SQLite gives `-wal` and
  /// `-shm` the database's permissions. Safe before any connection exists: the file is new.
  static func createPrivate(_ path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      // Another process created it first: it is a database now, or about to be.
      if errno == EEXIST { return }
      throw ProgressError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
  }

  /// Takes group and other permissions off the database and its companion files, when the
  /// learner owns them (a store made by an older version was 0644).
  static func makePrivate(_ path: String) {
    for file in [path, path + "-wal", path + "-shm"] {
      var info = stat()
      guard stat(file, &info) == 0, info.st_uid == getuid(), info.st_mode & 0o077 != 0 else {
        continue
      }
      chmod(file, info.st_mode & 0o700)
    }
  }

  /// Creates the progress folder for the owner only.
  static func createFolder(_ directory: String) throws {
    var info = stat()
    if stat(directory, &info) == 0 { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw ProgressError.cannotOpen(path: directory, reason: "cannot create the folder")
    }
  }
}

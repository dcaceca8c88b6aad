import Foundation

/// The shared folder: one append-only `DEVICE.kwlog` per device. Each device writes only its
/// own file and reads everyone else's.
struct SyncFolder {
  static let fileExtension = "kwlog"

  /// The folder as an absolute, standardised path.
  let path: String

  init(_ path: String) throws {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) else {
      throw ProgressError.syncFolder("the sync folder \(absolute) does not exist")
    }
    guard isFolder.boolValue else {
      throw ProgressError.syncFolder("\(absolute) is not a folder")
    }
    guard access(absolute, R_OK | W_OK | X_OK) == 0 else {
      throw ProgressError.syncFolder("the sync folder \(absolute) cannot be read and written")
    }
    self.path = absolute
  }

  func fileName(device: String) -> String { "\(device).\(Self.fileExtension)" }

  /// The other devices' files, by name.
  func otherFiles(except device: String) throws -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw ProgressError.syncFolder("cannot list the sync folder \(path)")
    }
    return names.filter {
      $0.hasSuffix("." + Self.fileExtension) && $0 != fileName(device: device)
        && !$0.hasPrefix(".")
    }.sorted()
  }

  /// The file's size, or nil when it does not exist.
  func size(_ name: String) -> Int64? {
    var info = stat()
    guard stat(path + "/" + name, &info) == 0 else { return nil }
    return Int64(info.st_size)
  }

  /// The bytes of `name` from `offset` to its end (as far as it reached when read).
  func read(_ name: String, from offset: Int64) throws -> [UInt8] {
    let file = path + "/" + name
    let fd = open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ProgressError.syncFolder("cannot read \(file)") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw ProgressError.syncFolder("cannot read \(file)") }
    let capacity = max(0, Int(Int64(info.st_size) - offset))
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      while count < capacity {
        let result = pread(
          fd, buffer.baseAddress! + count, capacity - count, off_t(offset) + off_t(count))
        if result < 0 && errno == EINTR { continue }
        if result < 0 { failed = true }
        guard result > 0 else { return }
        count += result
      }
    }
    if failed {
      throw ProgressError.syncFolder("cannot read \(file): \(String(cString: strerror(errno)))")
    }
    return bytes
  }

  /// Appends `bytes` to `name` (created when missing) and waits until they are on disk. The
  /// file is first cut back to `length` when longer: that tail is a line this device was
  /// writing when it was stopped, and is written again whole.
  func append(_ bytes: [UInt8], to name: String, truncatingTo length: Int64? = nil) throws {
    let file = path + "/" + name
    let fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ProgressError.syncFolder("cannot write \(file)") }
    defer { close(fd) }
    if let length, ftruncate(fd, off_t(length)) != 0 {
      throw ProgressError.syncFolder("cannot write \(file)")
    }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes {
        write(fd, $0.baseAddress! + written, $0.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        throw ProgressError.syncFolder(
          "cannot write \(file): \(String(cString: strerror(errno)))")
      }
      written += result
    }
    guard fsync(fd) == 0 else { throw ProgressError.syncFolder("cannot write \(file) to disk") }
  }
}

/// Complete lines of a `.kwlog` file's bytes: each line's content and the offset just past
/// its newline. A last line without its newline is torn (still being written or copied) and
/// left out.
struct SyncLines: Sequence, IteratorProtocol {
  let bytes: [UInt8]
  private var start = 0

  /// The lines of `bytes` from `start`, which follows a newline (or is 0).
  init(_ bytes: [UInt8], from start: Int = 0) {
    self.bytes = bytes
    self.start = start
  }

  mutating func next() -> (line: ArraySlice<UInt8>, end: Int)? {
    guard start < bytes.count else { return nil }
    let found = bytes.withUnsafeBufferPointer { buffer in
      memchr(buffer.baseAddress! + start, 0x0A, buffer.count - start)
    }
    guard let found else { return nil }
    let newline = bytes.withUnsafeBufferPointer {
      UnsafeRawPointer(found) - UnsafeRawPointer($0.baseAddress!)
    }
    defer { start = newline + 1 }
    return (bytes[start..<newline], newline + 1)
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to standard output and error that never trap: Foundation's `FileHandle.write` stops
/// the process when the write fails, as it does when the output is a file on a full disk.
enum StandardStreams {
  /// Writes all of `text` to standard output; false when the system refused part of it.
  @discardableResult
  static func output(_ text: String) -> Bool {
    write(Array(text.utf8), to: STDOUT_FILENO)
  }

  /// Writes a message to standard error, as well as it can.
  static func error(_ text: String) {
    write(Array(text.utf8), to: STDERR_FILENO)
  }

  @discardableResult
  private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}

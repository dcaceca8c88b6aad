import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whether process `pid` holds a POSIX lock on the file at `path`, as the kernel lists it. A WAL
/// connection keeps a shared lock on its database for its whole life; closing any descriptor on
/// the file anywhere in its process drops it, and then another process may delete the WAL under
/// it.
public func holdsPOSIXLock(_ pid: pid_t, on path: String) throws -> Bool {
  var info = stat()
  guard stat(path, &info) == 0 else { return false }
  let locks = try String(contentsOfFile: "/proc/locks", encoding: .utf8)
  return locks.split(separator: "\n").contains { line in
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    guard fields.count > 5, fields[1] == "POSIX" else { return false }
    return fields[4] == "\(pid)" && fields[5].hasSuffix(":\(info.st_ino)")
  }
}

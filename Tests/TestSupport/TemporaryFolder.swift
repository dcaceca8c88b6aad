import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh folder in the system's temporary directory, removed with all it holds when the value
/// is released.
public final class TemporaryFolder: Sendable {
  public let path: String

  public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

  public init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    // Tests make the folder read-only to see what a store does there; nothing inside could be
    // removed then.
    chmod(path, 0o755)
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` in the folder.
  public func file(_ name: String) -> String { path + "/" + name }
}

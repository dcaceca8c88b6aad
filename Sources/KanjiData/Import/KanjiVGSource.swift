import Foundation

/// Where the KanjiVG SVG files come from: the PyPI wheel (a zip with `kanji/*.svg`) or a
/// folder of SVG files (the folder itself or its `kanji/` subfolder).
struct KanjiVGSource: Sendable {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  enum Storage: Sendable {
    case wheel(ZipArchive, [ZipArchive.Entry])
    case folder(String, [String])
  }

  /// The most the wheel may take (the real one is 23 MB); it is read whole.
  static let maxWheelBytes = 256 << 20

  let path: String
  let storage: Storage
  /// SHA-256 of the wheel; nil for a folder.
  let sha256: String?

  init(path: String) throws {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Failure(description: "\(path): no such file or folder")
    }
    if isDirectory.boolValue {
      let kanji = (path as NSString).appendingPathComponent("kanji")
      var sub: ObjCBool = false
      let folder =
        FileManager.default.fileExists(atPath: kanji, isDirectory: &sub) && sub.boolValue
        ? kanji : path
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
          .filter { $0.hasSuffix(".svg") }.sorted()
      } catch {
        throw Failure(
          description: "\(folder): cannot list the folder (\(error.localizedDescription))")
      }
      storage = .folder(folder, names)
      sha256 = nil
    } else {
      let bytes = try readFile(path, limit: Self.maxWheelBytes)
      let archive: ZipArchive
      do {
        archive = try ZipArchive(bytes: bytes)
      } catch {
        throw Failure(description: "\(path): \(error)")
      }
      let entries = archive.entries.filter {
        $0.name.hasPrefix("kanji/") && $0.name.hasSuffix(".svg")
      }
      storage = .wheel(archive, entries)
      sha256 = SHA256.hex(bytes)
    }
    guard fileCount > 0 else { throw Failure(description: "\(path): no KanjiVG SVG files in it") }
  }

  var fileCount: Int {
    switch storage {
    case .wheel(_, let entries): return entries.count
    case .folder(_, let names): return names.count
    }
  }

  /// The file name (without folder) of file `index`.
  func name(_ index: Int) -> String {
    switch storage {
    case .wheel(_, let entries): return String(entries[index].name.dropFirst("kanji/".count))
    case .folder(_, let names): return names[index]
    }
  }

  /// How the file is named in messages: the wheel's entry, or the path in the folder.
  func displayName(_ index: Int) -> String {
    switch storage {
    case .wheel(_, let entries):
      return "\((path as NSString).lastPathComponent):\(entries[index].name)"
    case .folder(let folder, let names):
      return (folder as NSString).appendingPathComponent(names[index])
    }
  }

  func contents(_ index: Int) throws -> [UInt8] {
    switch storage {
    case .wheel(let archive, let entries): return try archive.contents(of: entries[index])
    case .folder(let folder, let names):
      return try readFile(
        (folder as NSString).appendingPathComponent(names[index]), limit: ZipArchive.maxEntryBytes)
    }
  }
}

/// A whole file's bytes, or an error that names it; a file over `limit` bytes is refused once
/// that much is read, not read to its end.
func readFile(_ path: String, limit: Int) throws -> [UInt8] {
  let tooLarge = KanjiVGSource.Failure(
    description: "\(path): larger than \(Inflate.megabytes(limit)), the most accepted")
  // A file's size is known before reading; a device's (/dev/zero) shows when `limit` is passed.
  let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
  guard (size?.intValue ?? 0) <= limit else { throw tooLarge }
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw KanjiVGSource.Failure(description: "\(path): cannot be read")
  }
  defer { try? handle.close() }
  let data: Data?
  do {
    data = try handle.read(upToCount: limit + 1)
  } catch {
    throw KanjiVGSource.Failure(
      description: "\(path): cannot be read (\(error.localizedDescription))")
  }
  guard (data?.count ?? 0) <= limit else { throw tooLarge }
  return [UInt8](data ?? Data())
}

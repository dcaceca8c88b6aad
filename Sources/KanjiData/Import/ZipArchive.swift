/// A zip file (a Python wheel) read whole into memory; entries are found through the central
/// directory, so the local headers' sizes (absent with streamed zips) are never trusted.
struct ZipArchive: Sendable {
  struct Entry: Sendable {
    let name: String
    let method: UInt16
    let compressedSize: Int
    let uncompressedSize: Int
    let crc32: UInt32
    let localHeaderOffset: Int
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// The most an entry may hold uncompressed: a KanjiVG file is a few kilobytes, and a zip bomb's
  /// entry may declare (or inflate to) gigabytes.
  static let maxEntryBytes = 16 << 20

  let bytes: [UInt8]
  let entries: [Entry]

  init(bytes: [UInt8]) throws {
    self.bytes = bytes
    entries = try Self.readCentralDirectory(bytes)
  }

  /// The uncompressed content of one entry, checked against its CRC-32. The messages do not
  /// name the entry: the caller does.
  func contents(of entry: Entry) throws -> [UInt8] {
    let declared = entry.method == 0 ? entry.compressedSize : entry.uncompressedSize
    guard declared <= Self.maxEntryBytes else {
      throw Failure(
        description: "declares \(declared) bytes uncompressed, more than the "
          + "\(Inflate.megabytes(Self.maxEntryBytes)) accepted")
    }
    let header = entry.localHeaderOffset
    guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4b50 else {
      throw Failure(description: "bad local header")
    }
    let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
    guard start + entry.compressedSize <= bytes.count else {
      throw Failure(description: "data runs past the end of the archive")
    }
    let data: [UInt8]
    switch entry.method {
    case 0:
      data = Array(bytes[start..<start + entry.compressedSize])
    case 8:
      data = try bytes.withUnsafeBytes {
        try Inflate.decompress(
          UnsafeRawBufferPointer(rebasing: $0[start..<start + entry.compressedSize]),
          format: .raw, sizeHint: entry.uncompressedSize + 1, limit: Self.maxEntryBytes)
      }
    default:
      throw Failure(description: "unsupported compression method \(entry.method)")
    }
    guard Inflate.crc32(data) == entry.crc32 else {
      throw Failure(description: "CRC-32 mismatch (damaged archive)")
    }
    return data
  }

  private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
    UInt16(b[i]) | UInt16(b[i + 1]) << 8
  }

  private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
    UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16
  }

  private static func readCentralDirectory(_ b: [UInt8]) throws -> [Entry] {
    // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
    guard b.count >= 22 else { throw Failure(description: "too short to be a zip file") }
    var end = b.count - 22
    let lowest = max(0, b.count - 22 - 65_535)
    while end >= lowest, u32(b, end) != 0x0605_4b50 { end -= 1 }
    guard end >= lowest else { throw Failure(description: "not a zip file (no end record)") }
    let count = Int(u16(b, end + 10))
    let offset = Int(u32(b, end + 16))
    guard count != 0xFFFF, offset != 0xFFFF_FFFF else {
      throw Failure(description: "zip64 archives are not supported")
    }
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    var p = offset
    for _ in 0..<count {
      guard p + 46 <= b.count, u32(b, p) == 0x0201_4b50 else {
        throw Failure(description: "damaged central directory")
      }
      let nameLength = Int(u16(b, p + 28))
      let extraLength = Int(u16(b, p + 30))
      let commentLength = Int(u16(b, p + 32))
      guard p + 46 + nameLength <= b.count else {
        throw Failure(description: "damaged central directory")
      }
      entries.append(
        Entry(
          name: String(decoding: b[p + 46..<p + 46 + nameLength], as: UTF8.self),
          method: u16(b, p + 10),
          compressedSize: Int(u32(b, p + 20)),
          uncompressedSize: Int(u32(b, p + 24)),
          crc32: u32(b, p + 16),
          localHeaderOffset: Int(u32(b, p + 42))))
      p += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }
}

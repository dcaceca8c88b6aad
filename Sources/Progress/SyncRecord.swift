import Foundation

/// One event as a line of a `.kwlog` file: `CRC32 JSON\n`, the CRC-32 (8 hex digits) of the
/// JSON's bytes, so a damaged line is recognised and a torn one (no newline yet) left alone.
///
/// The JSON holds the format version, the event's device, sequence number, time, type and
/// subject, and its body: for a review, the `review_log` row's columns by name, so columns a
/// later version adds travel without changing the format; fields a reader does not know are
/// ignored.
struct SyncRecord: Equatable {
  static let formatVersion = 1

  var device: String
  var seq: Int64
  var timeMs: Int64
  var type: String
  var subject: String
  var body: [String: SyncValue]

  static let reviewType = "review"

  /// The line, with its newline.
  func line() -> [UInt8] {
    var json: [UInt8] = []
    json.reserveCapacity(512)
    json += #"{"body":"#.utf8
    SyncJSON.write(body, into: &json)
    let header: [(String, SyncValue)] = [
      ("device", .text(device)), ("seq", .integer(seq)), ("subject", .text(subject)),
      ("time", .integer(timeMs)), ("type", .text(type)),
      ("v", .integer(Int64(Self.formatVersion))),
    ]
    for (key, value) in header {
      json.append(UInt8(ascii: ","))
      SyncJSON.write(string: key, into: &json)
      json.append(UInt8(ascii: ":"))
      SyncJSON.write(value, into: &json)
    }
    json.append(UInt8(ascii: "}"))
    var line = Array(String(format: "%08x ", CRC32.checksum(json)).utf8)
    line += json
    line.append(UInt8(ascii: "\n"))
    return line
  }

  enum Decoded: Equatable {
    case record(SyncRecord)
    case damaged(String)
    /// Written by a newer version of the format.
    case newer(Int)
  }

  /// A line's content, without its newline.
  static func decode(_ line: ArraySlice<UInt8>) -> Decoded {
    guard line.count > 9, line[line.startIndex + 8] == UInt8(ascii: " "),
      let expected = UInt32(String(decoding: line.prefix(8), as: UTF8.self), radix: 16)
    else { return .damaged("not a sync record") }
    let json = line.dropFirst(9)
    guard CRC32.checksum(json) == expected else { return .damaged("checksum does not match") }
    guard let object = try? SyncJSON.read(json) else {
      return .damaged("checksum matches but the JSON cannot be read")
    }
    func scalar(_ key: String) -> SyncValue? {
      if case .scalar(let value) = object[key] { return value }
      return nil
    }
    guard case .integer(let version) = scalar("v") else { return .damaged("a field is missing") }
    guard version <= formatVersion else { return .newer(Int(version)) }
    guard version >= 1, case .text(let device) = scalar("device"), !device.isEmpty,
      case .integer(let seq) = scalar("seq"), case .integer(let time) = scalar("time"),
      case .text(let type) = scalar("type"), case .text(let subject) = scalar("subject"),
      case .object(let body) = object["body"]
    else { return .damaged("a field is missing") }
    return .record(
      SyncRecord(
        device: device, seq: seq, timeMs: time, type: type, subject: subject, body: body))
  }

  /// A body's JSON as stored in `sync_events`.
  static func bodyJSON(_ body: [String: SyncValue]) -> String {
    var json: [UInt8] = []
    SyncJSON.write(body, into: &json)
    return String(decoding: json, as: UTF8.self)
  }

  static func body(json: String) -> [String: SyncValue] {
    guard let object = try? SyncJSON.read(ArraySlice(Array(json.utf8))) else { return [:] }
    return object.compactMapValues {
      if case .scalar(let value) = $0 { return value }
      return nil
    }
  }
}

/// A column's value in a sync record.
enum SyncValue: Equatable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null
}

/// CRC-32 (IEEE 802.3), as zlib computes it; four bytes a step ("slicing by 4").
enum CRC32 {
  private static let tables: [[UInt32]] = {
    var tables = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 4)
    for n in 0..<256 {
      var c = UInt32(n)
      for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
      tables[0][n] = c
    }
    for n in 0..<256 {
      for k in 1..<4 {
        let previous = tables[k - 1][n]
        tables[k][n] = tables[0][Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return tables
  }()
  private static let flat: [UInt32] = tables.flatMap { $0 }

  static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
    let result = bytes.withContiguousStorageIfAvailable { checksum(buffer: $0) }
    return result ?? Array(bytes).withUnsafeBufferPointer { checksum(buffer: $0) }
  }

  private static func checksum(buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    flat.withUnsafeBufferPointer { t in
      var index = 0
      while index + 4 <= buffer.count {
        crc ^=
          UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
          | UInt32(buffer[index + 3]) << 24
        crc =
          t[768 + Int(crc & 0xFF)] ^ t[512 + Int((crc >> 8) & 0xFF)]
          ^ t[256 + Int((crc >> 16) & 0xFF)] ^ t[Int(crc >> 24)]
        index += 4
      }
      while index < buffer.count {
        crc = t[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    return crc ^ 0xFFFF_FFFF
  }
}

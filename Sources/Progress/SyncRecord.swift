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
  func line() throws -> [UInt8] {
    let object: [String: Any] = [
      "v": Self.formatVersion, "device": device, "seq": seq, "time": timeMs, "type": type,
      "subject": subject, "body": body.mapValues(\.json),
    ]
    let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    var line = Array(String(format: "%08x ", CRC32.checksum(json)).utf8)
    line.append(contentsOf: json)
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
      let expected = UInt32(
        String(decoding: line.prefix(8), as: UTF8.self), radix: 16)
    else { return .damaged("not a sync record") }
    let json = line.dropFirst(9)
    guard CRC32.checksum(json) == expected else { return .damaged("checksum does not match") }
    guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
    else { return .damaged("checksum matches but the JSON cannot be read") }
    let version = (object["v"] as? NSNumber)?.intValue ?? 0
    guard version <= formatVersion else { return .newer(version) }
    guard version >= 1, let device = object["device"] as? String, !device.isEmpty,
      let seq = (object["seq"] as? NSNumber)?.int64Value,
      let time = (object["time"] as? NSNumber)?.int64Value,
      let type = object["type"] as? String, let subject = object["subject"] as? String,
      let body = object["body"] as? [String: Any]
    else { return .damaged("a field is missing") }
    return .record(
      SyncRecord(
        device: device, seq: seq, timeMs: time, type: type, subject: subject,
        body: body.compactMapValues(SyncValue.init(json:))))
  }
}

/// A column's value in a sync record.
enum SyncValue: Equatable {
  case integer(Int64)
  case real(Double)
  case text(String)
  case null

  var json: Any {
    switch self {
    case .integer(let value): value
    case .real(let value): value
    case .text(let value): value
    case .null: NSNull()
    }
  }

  init?(json: Any) {
    switch json {
    case is NSNull: self = .null
    case let text as String: self = .text(text)
    case let number as NSNumber:
      // Whole numbers come back as integers; SQLite's column affinity turns them back into
      // reals where the column holds reals.
      let double = number.doubleValue
      if double == double.rounded(), abs(double) < 9e15 {
        self = .integer(number.int64Value)
      } else {
        self = .real(double)
      }
    default: return nil
    }
  }
}

/// CRC-32 (IEEE 802.3), as zlib computes it.
enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    table.withUnsafeBufferPointer { table in
      for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
    return crc ^ 0xFFFF_FFFF
  }
}

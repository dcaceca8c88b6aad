import Foundation
import JSONScan

/// JSON for sync records, written and read directly over bytes: JSONDecoder took most of the
/// time of a large first sync. Objects of scalars (strings, numbers, null, booleans) are read
/// into values; any other value (an array, a deeper object a later version may add) is read
/// past and left out.
enum SyncJSON {
  /// An object with its keys sorted, as one line.
  static func write(_ object: [String: SyncValue], into out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (index, key) in object.keys.sorted().enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      write(string: key, into: &out)
      out.append(UInt8(ascii: ":"))
      write(object[key]!, into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func write(_ value: SyncValue, into out: inout [UInt8]) {
    switch value {
    case .integer(let number): out += String(number).utf8
    // Swift's description is the shortest text that reads back as the same double.
    case .real(let number) where number.isFinite: out += number.description.utf8
    case .text(let text): write(string: text, into: &out)
    case .real, .null: out += "null".utf8
    }
  }

  static func write(string: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += #"\""#.utf8
      case UInt8(ascii: "\\"): out += #"\\"#.utf8
      case UInt8(ascii: "\n"): out += #"\n"#.utf8
      case UInt8(ascii: "\r"): out += #"\r"#.utf8
      case UInt8(ascii: "\t"): out += #"\t"#.utf8
      case 0..<0x20:
        let hex = Array(String(byte, radix: 16).utf8)
        out += #"\u00"#.utf8
        if hex.count == 1 { out.append(UInt8(ascii: "0")) }
        out += hex
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// A value read: a scalar, or an object of scalars.
  enum Value {
    case scalar(SyncValue)
    case object([String: SyncValue])
  }

  struct Malformed: Error {}

  /// Reads one JSON object whose values are scalars or objects of scalars.
  static func read(_ bytes: ArraySlice<UInt8>) throws -> [String: Value] {
    try bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer)
      let object = try reader.object(depth: 0)
      reader.skipSpace()
      guard reader.position == buffer.count else { throw Malformed() }
      return object
    }
  }

  private struct Reader {
    var scanner: JSONScanner
    var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }
    var position: Int {
      get { scanner.index }
      set { scanner.index = newValue }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
      scanner = JSONScanner(bytes: bytes)
    }

    mutating func skipSpace() { scanner.skipSpace() }

    mutating func expect(_ byte: UInt8) throws {
      skipSpace()
      guard position < bytes.count, bytes[position] == byte else { throw Malformed() }
      position += 1
    }

    mutating func object(depth: Int) throws -> [String: Value] {
      try expect(UInt8(ascii: "{"))
      var result: [String: Value] = [:]
      skipSpace()
      if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
        position += 1
        return result
      }
      while true {
        skipSpace()
        let key = try string()
        try expect(UInt8(ascii: ":"))
        if let value = try value(depth: depth + 1) { result[key] = value }
        skipSpace()
        guard position < bytes.count else { throw Malformed() }
        let separator = bytes[position]
        position += 1
        if separator == UInt8(ascii: "}") { return result }
        guard separator == UInt8(ascii: ",") else { throw Malformed() }
      }
    }

    /// A value, or nil for one read past (an array, an object too deep).
    mutating func value(depth: Int) throws -> Value? {
      skipSpace()
      guard position < bytes.count else { throw Malformed() }
      switch bytes[position] {
      case UInt8(ascii: "\""): return .scalar(.text(try string()))
      case UInt8(ascii: "{"):
        guard depth < 2 else {
          try skip()
          return nil
        }
        let object = try object(depth: depth)
        return .object(
          object.compactMapValues {
            if case .scalar(let value) = $0 { return value }
            return nil
          })
      case UInt8(ascii: "["):
        try skip()
        return nil
      case UInt8(ascii: "n"):
        try word("null")
        return .scalar(.null)
      case UInt8(ascii: "t"):
        try word("true")
        return .scalar(.integer(1))
      case UInt8(ascii: "f"):
        try word("false")
        return .scalar(.integer(0))
      default: return .scalar(try number())
      }
    }

    mutating func word(_ text: String) throws {
      do { try scanner.literal(text) } catch { throw Malformed() }
    }

    mutating func number() throws -> SyncValue {
      let start = position
      var isInteger = true
      while position < bytes.count {
        let byte = bytes[position]
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-") {
          position += 1
        } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
        {
          isInteger = false
          position += 1
        } else {
          break
        }
      }
      if isInteger, position - start <= 18, let integer = integer(from: start) {
        return .integer(integer)
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      if isInteger, let integer = Int64(text) { return .integer(integer) }
      guard let real = Double(text), real.isFinite else { throw Malformed() }
      return .real(real)
    }

    /// The digits from `start` to `position`, with an optional minus, as an integer.
    func integer(from start: Int) -> Int64? {
      var index = start
      let negative = bytes[index] == UInt8(ascii: "-")
      if negative { index += 1 }
      guard index < position else { return nil }
      var value: Int64 = 0
      while index < position {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value * 10 + Int64(digit)
        index += 1
      }
      return negative ? -value : value
    }

    mutating func string() throws -> String {
      do { return try scanner.string() } catch { throw Malformed() }
    }

    /// Reads past any value: an array or object, nested.
    mutating func skip() throws {
      var depth = 0
      var inString = false
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if inString {
          if byte == UInt8(ascii: "\\") {
            position += 1
          } else if byte == UInt8(ascii: "\"") {
            inString = false
          }
          continue
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          depth -= 1
          if depth == 0 { return }
        default: break
        }
      }
      throw Malformed()
    }
  }
}

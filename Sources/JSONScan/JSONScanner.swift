/// The lexical half of reading JSON over bytes, shared by the readers that build values from it
/// (drawings and batch lines; sync records): white space, literals, strings with their escapes.
/// Strict: a control character in a string, a bad escape, a lone surrogate or bytes that are not
/// UTF-8 are refused, each with a message.
public struct JSONScanner {
  public let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  public var index: Int

  /// What is malformed, and at which byte (zero-based).
  public struct Failure: Error, Equatable {
    public var message: String
    public var offset: Int
  }

  public init(bytes: UnsafeBufferPointer<UInt8>, index: Int = 0) {
    self.bytes = bytes
    self.index = index
  }

  public func failure(_ message: String) -> Failure {
    Failure(message: message, offset: index)
  }

  public mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  /// `true`, `false` or `null`, spelled out.
  public mutating func literal(_ word: String) throws {
    for byte in word.utf8 {
      guard index < bytes.count, bytes[index] == byte else { throw failure("expected \(word)") }
      index += 1
    }
  }

  /// The string whose opening quote is at `index`.
  public mutating func string() throws -> String {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      throw failure("expected a string")
    }
    index += 1
    // A string without escapes (every key, every kanji) is made straight from the input.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let start = index
      index = end + 1
      guard
        let text = String(
          validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      else { throw failure("a string is not valid UTF-8") }
      return text
    }
    var scalars = Array(UnsafeBufferPointer(rebasing: bytes[index..<end]))
    index = end
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: scalars, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "u"):
          scalars.append(contentsOf: try unicodeEscape())
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
        default: throw failure("invalid escape in a string")
        }
      case 0..<0x20:
        throw failure("a control character inside a string")
      default:
        scalars.append(byte)
      }
    }
    throw failure("a string is not closed")
  }

  /// `\uXXXX`, or a surrogate pair of them, as UTF-8 bytes. A surrogate without its other half
  /// encodes no character: refused, as a strict JSON reader does.
  mutating func unicodeEscape() throws -> [UInt8] {
    var code = try hex()
    if (0xD800..<0xDC00).contains(code) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw failure("invalid \\u escape: lone surrogate") }
      index += 2
      let low = try hex()
      guard (0xDC00..<0xE000).contains(low) else {
        throw failure("invalid \\u escape: lone surrogate")
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw failure("invalid \\u escape: lone surrogate")
    }
    return Array(String(Character(scalar)).utf8)
  }

  mutating func hex() throws -> UInt32 {
    guard index + 4 <= bytes.count else {
      throw failure("invalid \\u escape: expected four hex digits")
    }
    var value: UInt32 = 0
    for byte in bytes[index..<(index + 4)] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("invalid \\u escape: expected four hex digits")
      }
      value = value << 4 | UInt32(digit)
    }
    index += 4
    return value
  }
}

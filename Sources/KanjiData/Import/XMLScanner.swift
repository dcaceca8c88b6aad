/// A small, non-validating XML tokenizer for KanjiVG's and KANJIDIC2's regular files.
///
/// It checks that tags nest and close, decodes the predefined and numeric entities, skips
/// comments, processing instructions and the DOCTYPE with its internal subset (so no DTD is
/// ever fetched), and reads attributes by literal name (so `kvg:` needs no namespace binding).
struct XMLScanner {
  struct Attribute {
    let name: String
    let value: String
  }

  enum Token {
    case start(name: String, attributes: [Attribute], selfClosing: Bool)
    case end(name: String)
    /// Character data that is not only whitespace, entities decoded.
    case text(String)
  }

  struct Failure: Error, CustomStringConvertible {
    let message: String
    let line: Int
    var description: String { "line \(line): \(message)" }
  }

  private let bytes: [UInt8]
  private var position = 0
  private var open: [String] = []
  private var sawRoot = false

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next token, or nil at the end of a well-formed document.
  mutating func next() throws -> Token? {
    while position < bytes.count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        if isWhitespace(start, position) { continue }
        guard !open.isEmpty else { throw failure("text outside the root element", at: start) }
        return .text(try decode(start, position))
      }
      if matches("<!--") {
        try skip(past: "-->", what: "comment")
      } else if matches("<?") {
        try skip(past: "?>", what: "processing instruction")
      } else if matches("<![CDATA[") {
        let start = position + 9
        try skip(past: "]]>", what: "CDATA section")
        return .text(String(decoding: bytes[start..<position - 3], as: UTF8.self))
      } else if matches("<!DOCTYPE") {
        try skipDoctype()
      } else if matches("</") {
        return try endTag()
      } else {
        return try startTag()
      }
    }
    if let last = open.last {
      throw failure("the document ends before </\(last)> (truncated?)", at: bytes.count)
    }
    guard sawRoot else { throw failure("no root element", at: bytes.count) }
    return nil
  }

  /// The text content of the element whose start tag was just read, up to its end tag.
  mutating func textContent(of name: String) throws -> String {
    var text = ""
    while let token = try next() {
      switch token {
      case .text(let t): text += t
      case .end(let n) where n == name: return text
      case .start(let n, _, _):
        throw failure("unexpected <\(n)> inside <\(name)>", at: position)
      case .end: break
      }
    }
    return text
  }

  func failure(_ message: String, at offset: Int) -> Failure {
    var line = 1
    for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { line += 1 }
    return Failure(message: message, line: line)
  }

  // MARK: - Tags

  private mutating func startTag() throws -> Token {
    let tagStart = position
    position += 1
    let name = readName()
    guard !name.isEmpty else { throw failure("a '<' that starts no tag", at: tagStart) }
    if open.isEmpty, sawRoot { throw failure("a second root element <\(name)>", at: tagStart) }
    var attributes: [Attribute] = []
    while true {
      skipWhitespace()
      guard position < bytes.count else {
        throw failure("the file ends inside <\(name)> (truncated?)", at: tagStart)
      }
      switch bytes[position] {
      case UInt8(ascii: ">"):
        position += 1
        open.append(name)
        sawRoot = true
        return .start(name: name, attributes: attributes, selfClosing: false)
      case UInt8(ascii: "/"):
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
          throw failure("a '/' not followed by '>' in <\(name)>", at: position)
        }
        position += 2
        sawRoot = true
        return .start(name: name, attributes: attributes, selfClosing: true)
      default:
        let attributeName = readName()
        guard !attributeName.isEmpty else {
          throw failure("an unexpected character in <\(name)>", at: position)
        }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
          throw failure("attribute \(attributeName) of <\(name)> has no value", at: position)
        }
        position += 1
        skipWhitespace()
        guard position < bytes.count,
          bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
        else {
          throw failure("attribute \(attributeName) of <\(name)> is not quoted", at: position)
        }
        let quote = bytes[position]
        let valueStart = position + 1
        position = valueStart
        while position < bytes.count, bytes[position] != quote { position += 1 }
        guard position < bytes.count else {
          throw failure(
            "the file ends inside attribute \(attributeName) (truncated?)", at: tagStart)
        }
        attributes.append(Attribute(name: attributeName, value: try decode(valueStart, position)))
        position += 1
      }
    }
  }

  private mutating func endTag() throws -> Token {
    let tagStart = position
    position += 2
    let name = readName()
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
      throw failure("the end tag </\(name)> is not closed", at: tagStart)
    }
    position += 1
    guard let last = open.last else { throw failure("</\(name)> closes nothing", at: tagStart) }
    guard last == name else {
      throw failure("</\(name)> where </\(last)> was expected", at: tagStart)
    }
    open.removeLast()
    return .end(name: name)
  }

  private mutating func skipDoctype() throws {
    let start = position
    position += 9
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: ">"):
        position += 1
        return
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        try skipQuoted()
      case UInt8(ascii: "["):
        // The internal subset: declarations, comments and quoted strings until "]".
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "]") {
          if matches("<!--") {
            try skip(past: "-->", what: "comment")
          } else if bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
            try skipQuoted()
          } else {
            position += 1
          }
        }
        position += 1
      default:
        position += 1
      }
    }
    throw failure("the DOCTYPE is not closed (truncated?)", at: start)
  }

  // MARK: - Bytes

  private mutating func skipQuoted() throws {
    let start = position
    let quote = bytes[position]
    position += 1
    while position < bytes.count, bytes[position] != quote { position += 1 }
    guard position < bytes.count else { throw failure("an unclosed quoted string", at: start) }
    position += 1
  }

  private func matches(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let p = literal.utf8Start
    for i in 0..<count where bytes[position + i] != p[i] { return false }
    return true
  }

  private mutating func skip(past terminator: StaticString, what: String) throws {
    let start = position
    position += 2
    while position < bytes.count {
      if matches(terminator) {
        position += terminator.utf8CodeUnitCount
        return
      }
      position += 1
    }
    throw failure("the \(what) is not closed (truncated?)", at: start)
  }

  private mutating func skipWhitespace() {
    while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
  }

  private mutating func readName() -> String {
    let start = position
    while position < bytes.count {
      let b = bytes[position]
      if Self.isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
        || b == UInt8(ascii: "=") || b == UInt8(ascii: "<")
      {
        break
      }
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
  }

  private func isWhitespace(_ start: Int, _ end: Int) -> Bool {
    for i in start..<end where !Self.isSpace(bytes[i]) { return false }
    return true
  }

  /// The bytes as a string with entities replaced.
  private func decode(_ start: Int, _ end: Int) throws -> String {
    guard bytes[start..<end].contains(UInt8(ascii: "&")) else {
      return String(decoding: bytes[start..<end], as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var i = start
    while i < end {
      guard bytes[i] == UInt8(ascii: "&") else {
        out.append(bytes[i])
        i += 1
        continue
      }
      guard let semicolon = bytes[i..<end].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 10
      else {
        throw failure("an '&' that starts no entity", at: i)
      }
      let entity = String(decoding: bytes[i + 1..<semicolon], as: UTF8.self)
      let scalar: Unicode.Scalar?
      switch entity {
      case "amp": scalar = "&"
      case "lt": scalar = "<"
      case "gt": scalar = ">"
      case "quot": scalar = "\""
      case "apos": scalar = "'"
      default:
        if entity.hasPrefix("#x") {
          scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if entity.hasPrefix("#") {
          scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
        } else {
          scalar = nil
        }
      }
      guard let scalar else { throw failure("unknown entity &\(entity);", at: i) }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      i = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}

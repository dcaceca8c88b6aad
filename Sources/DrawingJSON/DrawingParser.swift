import JSONScan
import StrokeMatch

/// A fast reader for the drawing JSON the terminal records (and the CLI's batch lines), about ten
/// times quicker than `JSONDecoder` on point-heavy input. It accepts any JSON, then reads the
/// fields it needs; unknown fields are skipped.
public enum DrawingParser {
  /// A parsed JSON value.
  // Not `indirect`: the arrays already box the nesting, and an indirect case would put every
  // number of a drawing on the heap.
  public enum Value: Equatable, Sendable {
    case object([(String, Value)])
    case array([Value])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (a: Value, b: Value) -> Bool {
      switch (a, b) {
      case (.object(let x), .object(let y)):
        x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
      case (.array(let x), .array(let y)): x == y
      case (.string(let x), .string(let y)): x == y
      case (.number(let x), .number(let y)): x == y
      case (.bool(let x), .bool(let y)): x == y
      case (.null, .null): true
      default: false
      }
    }

    /// What the value is, for a message: "a number", "null".
    public var kind: String {
      switch self {
      case .object: "an object"
      case .array: "an array"
      case .string: "a string"
      case .number: "a number"
      case .bool: "a boolean"
      case .null: "null"
      }
    }

    public subscript(key: String) -> Value? {
      guard case .object(let members) = self else { return nil }
      return members.first { $0.0 == key }?.1
    }
  }

  /// Parses one JSON document; throws `DrawingError` saying where it is malformed.
  public static func parse(_ bytes: some Collection<UInt8>) throws -> Value {
    func read(_ buffer: UnsafeBufferPointer<UInt8>) throws -> Value {
      var reader = Reader(bytes: buffer)
      let value = try reader.value(depth: 0)
      reader.skipSpace()
      guard reader.index == buffer.count else {
        throw reader.error("unexpected text after the JSON")
      }
      return value
    }
    // A line of a batch is read where it lies, not copied (it may be megabytes).
    if let value = try bytes.withContiguousStorageIfAvailable(read) { return value }
    return try Array(bytes).withUnsafeBufferPointer(read)
  }

  /// The drawing in a parsed value: `{"canvas": {...}, "strokes": [[[x, y], ...], ...]}`.
  public static func drawing(_ value: Value) throws -> Drawing {
    guard case .object = value else { throw DrawingError("malformed drawing: not a JSON object") }
    guard let canvas = value["canvas"] else {
      throw DrawingError("malformed drawing: \"canvas\" is missing")
    }
    func number(_ key: String) throws -> Double {
      guard case .number(let n)? = canvas[key] else {
        throw DrawingError("malformed drawing: canvas.\(key) must be a number")
      }
      return n
    }
    let cellAspect: Double
    if canvas["cellAspect"] == nil { cellAspect = 2 } else { cellAspect = try number("cellAspect") }
    let frame = Drawing.Canvas(
      columns: try number("columns"), rows: try number("rows"), cellAspect: cellAspect)
    guard case .array(let strokes)? = value["strokes"] else {
      throw DrawingError("malformed drawing: \"strokes\" must be an array of strokes")
    }
    guard strokes.count <= Drawing.maxStrokes else {
      throw DrawingError(
        "the drawing has \(strokes.count) strokes; at most \(Drawing.maxStrokes) are accepted")
    }
    let points = strokes.reduce(0) { total, stroke in
      guard case .array(let points) = stroke else { return total }
      return total + points.count
    }
    guard points <= Drawing.maxPoints else {
      throw DrawingError(
        "the drawing has \(points) points; at most \(Drawing.maxPoints) are accepted")
    }
    var result: [[Drawing.CellPoint]] = []
    result.reserveCapacity(strokes.count)
    for (index, stroke) in strokes.enumerated() {
      guard case .array(let points) = stroke else {
        throw DrawingError("malformed drawing: stroke \(index + 1) must be an array of points")
      }
      var cells: [Drawing.CellPoint] = []
      cells.reserveCapacity(points.count)
      for point in points {
        guard case .array(let pair) = point, pair.count == 2, case .number(let column) = pair[0],
          case .number(let row) = pair[1]
        else {
          throw DrawingError(
            "malformed drawing: stroke \(index + 1) has a point that is not [column, row]")
        }
        cells.append(.init(column: column, row: row))
      }
      result.append(cells)
    }
    return Drawing(canvas: frame, strokes: result)
  }

  struct Reader {
    var scanner: JSONScanner
    var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }
    var index: Int {
      get { scanner.index }
      set { scanner.index = newValue }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
      scanner = JSONScanner(bytes: bytes)
    }

    /// Deeper nesting than any drawing has is refused rather than recursed into.
    static let maxDepth = 32
    /// Room for a drawing of the most points (three values a point: the pair and its numbers)
    /// and whatever else a line carries; more would only grow the tree of values, an allocation
    /// or two each, before the drawing is refused anyway.
    static let maxValues = 4 * Drawing.maxPoints
    var values = 0

    func error(_ message: String) -> DrawingError {
      DrawingError("malformed JSON at byte \(index + 1): \(message)")
    }

    mutating func skipSpace() { scanner.skipSpace() }

    /// The scanner's work, its failure told as a drawing error.
    mutating func scanned<T>(_ body: (inout JSONScanner) throws -> T) throws -> T {
      do {
        return try body(&scanner)
      } catch let failure as JSONScanner.Failure {
        throw DrawingError("malformed JSON at byte \(failure.offset + 1): \(failure.message)")
      }
    }

    mutating func value(depth: Int) throws -> Value {
      guard depth < Self.maxDepth else { throw error("nested too deeply") }
      values += 1
      guard values <= Self.maxValues else {
        throw DrawingError(
          "the JSON has more than \(Self.maxValues) values; a drawing has at most "
            + "\(Drawing.maxPoints) points")
      }
      skipSpace()
      guard index < bytes.count else { throw error("the input ends too soon") }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      default: return .number(try number())
      }
    }

    mutating func literal(_ word: String, _ value: Value) throws -> Value {
      try scanned { try $0.literal(word) }
      return value
    }

    mutating func object(depth: Int) throws -> Value {
      index += 1
      var members: [(String, Value)] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a quoted key")
        }
        let key = try string()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw error("expected ':'")
        }
        index += 1
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard index < bytes.count else { throw error("the input ends inside an object") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(members)
        } else {
          throw error("expected ',' or '}'")
        }
      }
    }

    mutating func array(depth: Int) throws -> Value {
      index += 1
      var elements: [Value] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      while true {
        elements.append(try value(depth: depth + 1))
        skipSpace()
        guard index < bytes.count else { throw error("the input ends inside an array") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(elements)
        } else {
          throw error("expected ',' or ']'")
        }
      }
    }

    mutating func string() throws -> String {
      try scanned { try $0.string() }
    }

    /// Whether a number's digits stop at `position`: the input's end, or what may follow a value.
    func numberEnds(at position: Int) -> Bool {
      guard position < bytes.count else { return true }
      switch bytes[position] {
      case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09:
        return true
      default:
        return false
      }
    }

    mutating func number() throws -> Double {
      let start = index
      // Whole numbers, what a terminal reports, are read directly.
      var whole = 0.0
      var digits = 0
      var negative = false
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
        negative = true
        index += 1
      }
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
        bytes[index] <= UInt8(ascii: "9"),
        digits < 15
      {
        whole = whole * 10 + Double(bytes[index] - UInt8(ascii: "0"))
        digits += 1
        index += 1
      }
      if digits > 0, numberEnds(at: index) { return negative ? -whole : whole }
      // A short decimal fraction (a pixel position, 12.25) is its digits over a power of ten: both
      // exact in a Double, so the one division rounds as the full conversion would.
      if digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        var end = index + 1
        var scale = 1.0
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"),
          digits < 15
        {
          whole = whole * 10 + Double(bytes[end] - UInt8(ascii: "0"))
          scale *= 10
          digits += 1
          end += 1
        }
        if scale > 1, numberEnds(at: end) {
          index = end
          let value = whole / scale
          return negative ? -value : value
        }
      }
      index = start
      while index < bytes.count {
        let byte = bytes[index]
        let numeric =
          (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E")
        guard numeric else { break }
        index += 1
      }
      guard index > start,
        let value = Double(String(decoding: bytes[start..<index], as: UTF8.self))
      else { throw error("expected a value") }
      // JSON has no NaN or infinity; an overflowing literal (1e999) is refused here.
      guard value.isFinite else { throw error("a number out of range") }
      return value
    }
  }
}

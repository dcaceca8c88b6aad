import StrokeMatch

extension DrawingParser {
  /// A batch line, `{"kanji": "学", "drawing": {...}}`, read straight into its kanji (nil when the
  /// line names none) and drawing, without the general reader's tree of values, which costs an
  /// allocation a point. Nil for anything out of the ordinary (a field of another type, a key
  /// repeated, malformed JSON): the general reader then reads the line and words any error, so
  /// both readers agree on every line this one accepts.
  public static func batchLine(_ bytes: some Collection<UInt8>) -> (
    kanji: String?, drawing: Drawing
  )? {
    let found = bytes.withContiguousStorageIfAvailable { buffer in
      var reader = BatchLineReader(reader: Reader(bytes: buffer))
      return try? reader.line()
    }
    return found
      ?? Array(bytes).withUnsafeBufferPointer { buffer in
        var reader = BatchLineReader(reader: Reader(bytes: buffer))
        return try? reader.line()
      }
  }
}

/// Reads the expected shape of a batch line and throws at the first thing it does not expect.
private struct BatchLineReader {
  struct Unexpected: Error {}

  var reader: DrawingParser.Reader

  var bytes: UnsafeBufferPointer<UInt8> { reader.bytes }

  mutating func line() throws -> (kanji: String?, drawing: Drawing) {
    var kanji: String?
    var drawing: Drawing?
    try members { reader, key in
      switch key {
      case "kanji":
        guard kanji == nil, try reader.next() == UInt8(ascii: "\"") else { throw Unexpected() }
        kanji = try reader.reader.string()
      case "drawing":
        guard drawing == nil else { throw Unexpected() }
        drawing = try reader.drawing()
      default:
        _ = try reader.reader.value(depth: 1)
      }
    }
    reader.skipSpace()
    guard reader.index == bytes.count, let drawing else { throw Unexpected() }
    return (kanji, drawing)
  }

  /// The next byte after any white space, not consumed.
  mutating func next() throws -> UInt8 {
    reader.skipSpace()
    guard reader.index < bytes.count else { throw Unexpected() }
    return bytes[reader.index]
  }

  mutating func expect(_ byte: UInt8) throws {
    guard try next() == byte else { throw Unexpected() }
    reader.index += 1
  }

  /// Consumes a `,` (true) or the closing byte (false).
  mutating func more(closing: UInt8) throws -> Bool {
    let byte = try next()
    reader.index += 1
    if byte == UInt8(ascii: ",") { return true }
    guard byte == closing else { throw Unexpected() }
    return false
  }

  /// An object's members, each key handed to `member` with the reader before its value.
  mutating func members(_ member: (inout BatchLineReader, String) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    if try next() == UInt8(ascii: "}") {
      reader.index += 1
      return
    }
    repeat {
      guard try next() == UInt8(ascii: "\"") else { throw Unexpected() }
      let key = try reader.string()
      try expect(UInt8(ascii: ":"))
      try member(&self, key)
    } while try more(closing: UInt8(ascii: "}"))
  }

  /// A number where the general reader would read one (not a string, object, array or literal).
  mutating func number() throws -> Double {
    switch try next() {
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"),
      UInt8(ascii: "f"), UInt8(ascii: "n"):
      throw Unexpected()
    default:
      return try reader.number()
    }
  }

  mutating func drawing() throws -> Drawing {
    var columns: Double?
    var rows: Double?
    var cellAspect: Double?
    var canvasSeen = false
    var strokes: [[Drawing.CellPoint]]?
    try members { reader, key in
      switch key {
      case "canvas":
        guard !canvasSeen else { throw Unexpected() }
        canvasSeen = true
        try reader.members { reader, key in
          switch key {
          case "columns":
            guard columns == nil else { throw Unexpected() }
            columns = try reader.number()
          case "rows":
            guard rows == nil else { throw Unexpected() }
            rows = try reader.number()
          case "cellAspect":
            guard cellAspect == nil else { throw Unexpected() }
            cellAspect = try reader.number()
          default:
            _ = try reader.reader.value(depth: 3)
          }
        }
      case "strokes":
        guard strokes == nil else { throw Unexpected() }
        strokes = try reader.strokes()
      default:
        _ = try reader.reader.value(depth: 2)
      }
    }
    guard let columns, let rows, let strokes else { throw Unexpected() }
    return Drawing(
      canvas: Drawing.Canvas(columns: columns, rows: rows, cellAspect: cellAspect ?? 2),
      strokes: strokes)
  }

  mutating func strokes() throws -> [[Drawing.CellPoint]] {
    try expect(UInt8(ascii: "["))
    var strokes: [[Drawing.CellPoint]] = []
    if try next() == UInt8(ascii: "]") {
      reader.index += 1
      return strokes
    }
    // Beyond the most points, the general reader words the refusal.
    var total = 0
    repeat {
      guard strokes.count < Drawing.maxStrokes else { throw Unexpected() }
      try expect(UInt8(ascii: "["))
      var points: [Drawing.CellPoint] = []
      if try next() == UInt8(ascii: "]") {
        reader.index += 1
      } else {
        repeat {
          total += 1
          guard total <= Drawing.maxPoints else { throw Unexpected() }
          try expect(UInt8(ascii: "["))
          let column = try number()
          try expect(UInt8(ascii: ","))
          let row = try number()
          try expect(UInt8(ascii: "]"))
          points.append(Drawing.CellPoint(column: column, row: row))
        } while try more(closing: UInt8(ascii: "]"))
      }
      strokes.append(points)
    } while try more(closing: UInt8(ascii: "]"))
    return strokes
  }
}

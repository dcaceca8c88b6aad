import DrawingJSON
import Foundation
import StrokeMatch
import Testing

@Suite struct DrawingParserTests {
  @Test func readsWhatJSONDecoderReads() throws {
    let text = """
      {"id": "x", "canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0},
       "strokes": [[[13, 5], [14.5, -5.25], [1e1, 6E-1]], [[0, 0]]], "extra": [true, null, "\\u5b66\\n"]}
      """
    let fast = try DrawingParser.drawing(DrawingParser.parse(Array(text.utf8)))
    let slow = try JSONDecoder().decode(Drawing.self, from: Data(text.utf8))
    #expect(fast == slow)
    #expect(
      try DrawingParser.parse(Array(#"{"k": "\u5b66\ud83d\ude00"}"#.utf8))["k"] == .string("学😀"))
  }

  @Test(arguments: [
    "", "{", #"{"canvas": }"#, "[1, 2", #"{"a" 1}"#, "nan", "1e999", #"{"a": "x"#, "{} {}",
    String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
  ])
  func refusesMalformedJSON(_ text: String) {
    #expect(throws: DrawingError.self) { try DrawingParser.parse(Array(text.utf8)) }
  }

  /// A surrogate without its other half (the reader once overflowed on `\uD800\u0041`) is refused:
  /// the batch reader leaves the line to the general one, which names the fault.
  @Test(arguments: [
    #"\uD800\u0041"#, #"\uD800"#, #"\uD800x"#, #"\uDC00"#, #"\ud83d\ud83d"#, #"\uDFFF\uD800"#,
  ])
  func refusesALoneSurrogate(_ escape: String) {
    let text =
      #"{"kanji": ""# + escape
      + #"", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": []}}"#
    #expect(DrawingParser.batchLine(Array(text.utf8)) == nil)
    #expect {
      try DrawingParser.parse(Array(text.utf8))
    } throws: { error in
      "\(error)".contains("invalid \\u escape: lone surrogate")
    }
  }

  @Test(arguments: [#"\u12G4"#, #"\u+041"#, #"\u00"#, #"\q"#, #"\u-001"#])
  func refusesABadEscape(_ escape: String) {
    let text = #"{"k": ""# + escape + #""}"#
    #expect {
      try DrawingParser.parse(Array(text.utf8))
    } throws: { error in
      "\(error)".contains("invalid \\u escape: expected four hex digits")
        || "\(error)".contains("invalid escape in a string")
    }
  }

  @Test(arguments: [
    #"[]"#, #"{"strokes": []}"#, #"{"canvas": {"columns": "48", "rows": 24}, "strokes": []}"#,
    #"{"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1, 2, 3]]]}"#,
    #"{"canvas": {"columns": 48, "rows": 24}, "strokes": [[1, 2]]}"#,
  ])
  func refusesWhatIsNotADrawing(_ text: String) throws {
    let value = try DrawingParser.parse(Array(text.utf8))
    #expect(throws: DrawingError.self) { try DrawingParser.drawing(value) }
  }

  /// A drawing of `count` points, in strokes of `Drawing.maxPointsPerStroke`.
  static func drawingText(points count: Int) -> String {
    let strokes = stride(from: 0, to: count, by: Drawing.maxPointsPerStroke).map { start in
      let points = min(Drawing.maxPointsPerStroke, count - start)
      return "[" + Array(repeating: "[1,2]", count: points).joined(separator: ",") + "]"
    }
    return #"{"canvas": {"columns": 48, "rows": 24}, "strokes": ["#
      + strokes.joined(separator: ",") + "]}"
  }

  @Test func aDrawingHasAtMostAHundredThousandPoints() throws {
    let most = Self.drawingText(points: Drawing.maxPoints)
    let read = try DrawingParser.drawing(DrawingParser.parse(Array(most.utf8)))
    #expect(read.strokes.joined().count == 100_000)
    #expect(try read.validated() == read)
    let line = #"{"kanji": "学", "drawing": \#(most)}"#
    #expect(DrawingParser.batchLine(Array(line.utf8))?.drawing == read)

    let over = Self.drawingText(points: Drawing.maxPoints + 1)
    let refusal = DrawingError("the drawing has 100001 points; at most 100000 are accepted")
    #expect(throws: refusal) { try DrawingParser.drawing(DrawingParser.parse(Array(over.utf8))) }
    // The batch reader leaves it to the general reader, which words the refusal.
    #expect(DrawingParser.batchLine(Array(#"{"kanji": "学", "drawing": \#(over)}"#.utf8)) == nil)
    var drawn = read
    drawn.strokes[0].append(.init(column: 3, row: 4))
    #expect(throws: refusal) { try drawn.validated() }
  }

  /// The general reader stops at a count of values, before a tree of millions is built.
  @Test func aDocumentHasAtMostFourHundredThousandValues() throws {
    let most = "[" + Array(repeating: "0", count: 399_999).joined(separator: ",") + "]"
    guard case .array(let values) = try DrawingParser.parse(Array(most.utf8)) else {
      Issue.record("not an array")
      return
    }
    #expect(values.count == 399_999)
    let over = "[" + Array(repeating: "0", count: 400_000).joined(separator: ",") + "]"
    #expect(
      throws: DrawingError(
        "the JSON has more than 400000 values; a drawing has at most 100000 points")
    ) { try DrawingParser.parse(Array(over.utf8)) }
  }

  /// What the general reader makes of a batch line: its kanji (when a string) and drawing.
  static func generalRead(_ text: String) -> (String?, Drawing)? {
    guard let value = try? DrawingParser.parse(Array(text.utf8)),
      let drawingValue = value["drawing"], let drawing = try? DrawingParser.drawing(drawingValue)
    else { return nil }
    if case .string(let kanji)? = value["kanji"] { return (kanji, drawing) }
    return value["kanji"] == nil ? (nil, drawing) : nil
  }

  static let batchLines = [
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": [[[13, 5], [14.5, -5.25]], [[0.125, 3]]]}}"#,
    #"{"drawing":{"strokes":[[[1,2]]],"canvas":{"rows":24,"columns":48,"extra":[1,{"a":null}]}},"id":"x"}"#,
    #" { "kanji" : "学" , "drawing" : { "canvas" : { "columns" : 32 , "rows" : 16 } , "strokes" : [ ] } } "#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1e1, 2.50]]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[0.1, 0.7]]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[-0.0, 123456789.123456]]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1.2345678901234567, 3.]]]}}"#,
    #"{"kanji": 5, "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": []}}"#,
    #"{"kanji": "学", "kanji": "字", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": []}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24, "rows": 3}, "strokes": []}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": "48", "rows": 24}, "strokes": []}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24, "cellAspect": null}, "strokes": []}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1, 2, 3]]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[1, 2]]}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}}}"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": []}} x"#,
    #"{"kanji": "学", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1e999, 2]]]}}"#,
    #"{"kanji": "学"}"#, #"[]"#, "", #"{"kanji": "学", "drawing": [1]}"#,
    #"{"kanji": "\ud83d\ude00\u5b66", "drawing": {"canvas": {"columns": 48, "rows": 24}, "strokes": []}}"#,
  ]

  /// The batch reader accepts only lines the general reader reads the same way (and leaves the
  /// rest to it), on hand-made lines and on every cut and byte change of them.
  @Test func batchLinesReadAsTheGeneralReaderReadsThem() {
    var lines = Self.batchLines
    let replacements = Array(#"{}[],:"-.e05 x"#.utf8)
    for line in Self.batchLines {
      let bytes = Array(line.utf8)
      for cut in stride(from: 0, to: bytes.count, by: 3) {
        lines.append(String(decoding: bytes.prefix(cut), as: UTF8.self))
        var changed = bytes
        changed[cut] = replacements[cut % replacements.count]
        lines.append(String(decoding: changed, as: UTF8.self))
      }
    }
    func bits(_ drawing: Drawing) -> [UInt64] {
      drawing.strokes.joined().flatMap { [$0.column.bitPattern, $0.row.bitPattern] }
    }
    var accepted = 0
    for line in lines {
      guard let fast = DrawingParser.batchLine(Array(line.utf8)) else { continue }
      accepted += 1
      guard let general = Self.generalRead(line) else {
        Issue.record("only the batch reader reads \(line)")
        continue
      }
      #expect(general.0 == fast.kanji && general.1 == fast.drawing, "\(line)")
      #expect(bits(general.1) == bits(fast.drawing), "\(line)")
    }
    #expect(accepted >= 8)
  }
}

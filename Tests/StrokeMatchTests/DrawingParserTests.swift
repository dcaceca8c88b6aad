import Foundation
import KanjiData
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

  @Test(arguments: [
    #"[]"#, #"{"strokes": []}"#, #"{"canvas": {"columns": "48", "rows": 24}, "strokes": []}"#,
    #"{"canvas": {"columns": 48, "rows": 24}, "strokes": [[[1, 2, 3]]]}"#,
    #"{"canvas": {"columns": 48, "rows": 24}, "strokes": [[1, 2]]}"#,
  ])
  func refusesWhatIsNotADrawing(_ text: String) throws {
    let value = try DrawingParser.parse(Array(text.utf8))
    #expect(throws: DrawingError.self) { try DrawingParser.drawing(value) }
  }

  @Test func gradeLinesDecodeBackToTheGrade() throws {
    let kanji = try Reference.kanji("学")
    var drawing = draw(kanji, seed: 3)
    drawing.strokes.remove(at: 2)
    drawing.strokes[0].reverse()
    var grade = Grader(kanji: kanji).grade(drawing)
    grade.errors.append(.init(type: .character, stroke: 0, message: "a \"quoted\"\n字", drawn: "字"))
    let decoded = try JSONDecoder().decode(Grade.self, from: Data(grade.jsonLine.utf8))
    #expect(decoded == grade)
    #expect(grade.jsonLine.hasPrefix(#"{"kanji":"学","pass":false,"score":"#))
  }
}

import Foundation
import KanjiData
import Testing

@testable import StrokeMatch

@Suite struct DrawingTests {
  let example = """
    {"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0},
     "strokes": [[[13, 5], [14, 5], [15, 6]], [[20, 4], [21.5, 5.25], [21, 6]]]}
    """

  @Test func decodesTheTerminalsJSON() throws {
    let drawing = try JSONDecoder().decode(Drawing.self, from: Data(example.utf8))
    #expect(drawing.canvas == .init(columns: 48, rows: 24, cellAspect: 2))
    #expect(drawing.strokes.count == 2)
    #expect(drawing.strokes[1][1] == .init(column: 21.5, row: 5.25))
    let again = try JSONDecoder().decode(
      Drawing.self, from: JSONEncoder().encode(drawing))
    #expect(again == drawing)
  }

  @Test func rejectsMalformedPoints() {
    let bad = #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2}, "strokes": [[[1, 2, 3]]]}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Drawing.self, from: Data(bad.utf8))
    }
  }

  @Test func acceptsEmptyDrawingsAndClicks() throws {
    let canvas = Drawing.Canvas(columns: 48, rows: 24)
    _ = try Drawing(canvas: canvas, strokes: []).validated()
    _ = try Drawing(canvas: canvas, strokes: [[.init(column: 3, row: 4)]]).validated()
  }

  @Test(arguments: [
    ("zero canvas", Drawing(canvas: .init(columns: 0, rows: 24), strokes: [])),
    ("NaN canvas", Drawing(canvas: .init(columns: .nan, rows: 24), strokes: [])),
    (
      "empty stroke",
      Drawing(canvas: .init(columns: 48, rows: 24), strokes: [[.init(column: 1, row: 1)], []])
    ),
    (
      "NaN point",
      Drawing(canvas: .init(columns: 48, rows: 24), strokes: [[.init(column: .nan, row: 1)]])
    ),
    (
      "infinite point",
      Drawing(canvas: .init(columns: 48, rows: 24), strokes: [[.init(column: 1, row: .infinity)]])
    ),
    (
      "huge point",
      Drawing(canvas: .init(columns: 48, rows: 24), strokes: [[.init(column: 1e300, row: 1)]])
    ),
    (
      "too many strokes",
      Drawing(
        canvas: .init(columns: 48, rows: 24),
        strokes: Array(repeating: [.init(column: 1, row: 1)], count: 20_000))
    ),
  ])
  func rejectsWhatCannotBeJudged(_ name: String, _ drawing: Drawing) {
    #expect(throws: DrawingError.self, "\(name)") { try drawing.validated() }
  }

  @Test func smoothingStraightensTheStaircase() {
    // A 45° diagonal as a terminal reports it: alternate column and row steps.
    var cells: [Drawing.CellPoint] = []
    for k in 0..<20 {
      cells.append(.init(column: Double(10 + k), row: Double(2 + k / 2)))
    }
    let prepared = PreparedDrawing(
      Drawing(canvas: .init(columns: 48, rows: 24), strokes: [cells]))
    let line = prepared.strokes[0].polyline
    let chord = Polyline.length([line[0], line[line.count - 1]])
    #expect(prepared.strokes[0].length < chord * 1.05)
  }
}

@Suite struct GradeCodingTests {
  @Test func theReviewsQuestionIsNotStoredButItsNotesAre() throws {
    var grade = Grade(kanji: "探", pass: true, score: 0.8, errors: [], strokes: [])
    grade.looseHandOnly = true
    grade.notes = [.init(type: .position, stroke: 3, message: "stroke 3 is in the wrong place")]
    let json = String(decoding: try JSONEncoder().encode(grade), as: UTF8.self)
    #expect(!json.contains("looseHandOnly"))
    let again = try JSONDecoder().decode(Grade.self, from: Data(json.utf8))
    #expect(again.looseHandOnly == nil)
    #expect(again.notes == grade.notes)
  }

  @Test func decodesAGradeWithErrorsAndStrokeVerdicts() throws {
    let json = """
      {"kanji": "学", "pass": false, "score": 0.71,
       "errors": [{"type": "reversed", "stroke": 3, "message": "stroke 3 drawn backwards"},
                  {"type": "character", "stroke": 0, "message": "looks like 字", "drawn": "字"}],
       "strokes": [{"stroke": 1, "drawn": 1, "verdict": "ok"}, {"stroke": 2, "verdict": "missing"}]}
      """
    let grade = try JSONDecoder().decode(Grade.self, from: Data(json.utf8))
    #expect(grade.errors.map(\.type) == [.reversed, .character])
    #expect(grade.errors[1].drawn == "字")
    #expect(grade.strokes[1] == .init(stroke: 2, drawn: nil, verdict: .missing))
    let again = try JSONDecoder().decode(Grade.self, from: JSONEncoder().encode(grade))
    #expect(again == grade)
  }

  @Test func verdictsAreTheStringsTheTerminalColoursBy() {
    #expect(
      Grade.StrokeResult.Verdict.allCases.map(\.rawValue)
        == ["ok", "reversed", "order", "shape", "position", "missing"])
  }
}

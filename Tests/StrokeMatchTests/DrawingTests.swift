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

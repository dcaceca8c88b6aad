import Practice
import Testing

@testable import TerminalUI

@Suite struct BrailleCanvasTests {
  @Test func dotBitsFollowUnicodeLayout() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    canvas.set(x: 0, y: 0)
    #expect(canvas.character(column: 0, row: 0) == "⠁")
    canvas.set(x: 1, y: 3)
    #expect(canvas.character(column: 0, row: 0) == "⢁")
  }

  @Test func horizontalLineFillsEveryDotOfItsRow() {
    var canvas = BrailleCanvas(columns: 4, rows: 1)
    canvas.line(from: (0, 1), to: (7, 1))
    #expect(canvas.lines == ["⠒⠒⠒⠒"])
  }

  @Test func diagonalLineHasNoGaps() {
    var canvas = BrailleCanvas(columns: 2, rows: 2)
    canvas.line(from: (0, 0), to: (3, 7))
    for row in 0..<2 {
      #expect(
        canvas.character(column: 0, row: row) != nil || canvas.character(column: 1, row: row) != nil
      )
    }
    #expect(canvas.character(column: 0, row: 0) != nil)
    #expect(canvas.character(column: 1, row: 1) != nil)
  }

  @Test func outsideDotsAreIgnoredAndLayersKeepTheHighest() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    canvas.set(x: -1, y: 0)
    canvas.set(x: 2, y: 0)
    #expect(canvas.character(column: 0, row: 0) == nil)
    canvas.set(x: 0, y: 0, layer: 2)
    canvas.set(x: 1, y: 0, layer: 1)
    #expect(canvas.layer(column: 0, row: 0) == 2)
  }

  @Test func unitPolylineSpansTheCanvas() {
    var canvas = BrailleCanvas(columns: 4, rows: 2)
    canvas.polyline(unit: [(0, 0.5), (1, 0.5)])
    #expect(canvas.lines[1].allSatisfy { $0 != " " })
    #expect(canvas.lines[0] == "    ")
  }
}

@Suite struct RendererTests {
  @Test func frameCornersSurroundExactlyTheInnerArea() {
    let inner = CellRect(column: 2, row: 1, columns: 6, rows: 3)
    let screen = Screen(
      columns: 12, rows: 6,
      canvases: [
        CanvasView(
          inner: inner, frame: .box,
          strokes: [
            StrokeView(points: [UnitPoint(x: 0, y: 0.5), UnitPoint(x: 1, y: 0.5)], style: .ink)
          ])
      ])
    let grid = Renderer.grid(for: screen)
    #expect(grid[1, 0].text == "┌")
    #expect(grid[8, 0].text == "┐")
    #expect(grid[1, 4].text == "└")
    #expect(grid[8, 4].text == "┘")
    #expect(grid[1, 2].text == "│")
    #expect(grid[8, 2].text == "│")
    #expect((2...7).allSatisfy { grid[$0, 2].text != " " })
    #expect((2...7).allSatisfy { grid[$0, 1].text == " " && grid[$0, 3].text == " " })
    #expect(grid[4, 2].style == .ink)
  }

  @Test func asciiFrame() {
    let screen = Screen(
      columns: 6, rows: 4,
      canvases: [CanvasView(inner: CellRect(column: 1, row: 1, columns: 4, rows: 2), frame: .ascii)]
    )
    let grid = Renderer.grid(for: screen)
    #expect(grid.line(0) == "+----+")
    #expect(grid.line(1) == "|    |")
    #expect(grid.line(3) == "+----+")
  }

  @Test func wideTextTakesTwoCellsAndIsClipped() {
    var grid = CellGrid(columns: 5, rows: 1)
    grid.put("学a校", column: 0, row: 0, style: .plain)
    #expect(grid[0, 0].text == "学")
    #expect(grid[1, 0].text == "")
    #expect(grid[2, 0].text == "a")
    #expect(grid.line(0) == "学a校")
    grid.put("漢字", column: 4, row: 0, style: .plain)
    #expect(grid[4, 0].text == "")
  }

  /// A label keeps off the ink when it can; on a canvas inked all over it goes on top.
  @Test func marksAndTextGoOverStrokes() {
    let screen = Screen(
      columns: 10, rows: 4, texts: [TextItem(row: 3, column: 0, text: "hello")],
      canvases: [
        CanvasView(
          inner: CellRect(column: 1, row: 1, columns: 4, rows: 2), frame: .box,
          strokes: [0.1, 0.4, 0.6, 0.9].map { y in
            StrokeView(points: [UnitPoint(x: 0, y: y), UnitPoint(x: 1, y: y)], style: .ink)
          },
          marks: [Mark(at: UnitPoint(x: 0, y: 0), text: "1", style: .key)])
      ])
    let grid = Renderer.grid(for: screen)
    #expect(grid[1, 1].text == "1")
    #expect(grid[1, 1].style == .key)
    #expect(grid.line(3).hasPrefix("hello"))
  }
}

import Practice
import Testing

@testable import TerminalUI

@Suite struct MarkPlacementTests {
  typealias Cell = MarkPlacement.Cell

  /// The cells each placed label covers, and the cells beside it.
  func spans(_ starts: [Cell?], widths: [Int]) -> [(row: Int, columns: ClosedRange<Int>)] {
    zip(starts, widths).compactMap { start, width in
      start.map { ($0.row, $0.column...$0.column + width - 1) }
    }
  }

  func noneTouch(_ spans: [(row: Int, columns: ClosedRange<Int>)]) -> Bool {
    for (i, a) in spans.enumerated() {
      for b in spans[(i + 1)...] where a.row == b.row {
        // A gap of at least one cell between two labels on a row.
        if a.columns.upperBound + 1 >= b.columns.lowerBound
          && b.columns.upperBound + 1 >= a.columns.lowerBound
        {
          return false
        }
      }
    }
    return true
  }

  /// 日 and 国: strokes 1 and 2 start at the same point, which printed "12".
  @Test func twoLabelsAtOnePointDoNotReadAsOneNumber() {
    let placement = MarkPlacement(columns: 32, rows: 16, ink: [])
    let point = Cell(column: 5, row: 3)
    let starts = placement.place([(point, 1), (point, 1)])
    #expect(starts.allSatisfy { $0 != nil })
    #expect(starts[0] == point)
    #expect(noneTouch(spans(starts, widths: [1, 1])))
  }

  /// 曜: labels 10 to 12 crowd together over ink; each finds a free place near its point.
  @Test func crowdedLabelsKeepApartAndOffTheInk() {
    var ink: Set<Cell> = []
    for column in 0..<32 { ink.insert(Cell(column: column, row: 8)) }
    let placement = MarkPlacement(columns: 32, rows: 16, ink: ink)
    let wanted = [10, 11, 12].map { (cell: Cell(column: 14 + $0 % 2, row: 8), width: 2) }
    let starts = placement.place(wanted)
    #expect(starts.allSatisfy { $0 != nil })
    #expect(noneTouch(spans(starts, widths: [2, 2, 2])))
    for start in starts.compactMap({ $0 }) {
      #expect(start.row != 8, "a label over the ink at \(start)")
      #expect(abs(start.row - 8) <= MarkPlacement.reach)
    }
  }

  @Test func aLabelWithNoRoomIsLeftOutRatherThanDrawnOverAnother() {
    let placement = MarkPlacement(columns: 3, rows: 1, ink: [])
    let starts = placement.place([
      (Cell(column: 0, row: 0), 1), (Cell(column: 0, row: 0), 1), (Cell(column: 0, row: 0), 1),
    ])
    #expect(starts[0] != nil && starts[1] != nil)
    #expect(starts[2] == nil)
  }

  /// Through the renderer: the two labels of a shared start point both show, apart.
  @Test func theRendererDrawsPlacedLabels() {
    var screen = Screen(columns: 40, rows: 20)
    var canvas = CanvasView(
      inner: CellRect(column: 1, row: 1, columns: 32, rows: 16), frame: .box, title: nil)
    canvas.marks = [
      Mark(at: UnitPoint(x: 0.2, y: 0.2), text: "1", style: .key),
      Mark(at: UnitPoint(x: 0.2, y: 0.2), text: "2", style: .key),
    ]
    screen.canvases = [canvas]
    let grid = Renderer.grid(for: screen)
    var found: [(column: Int, row: Int, text: String)] = []
    for row in 0..<20 {
      for column in 0..<40 where ["1", "2"].contains(grid[column, row].text) {
        found.append((column, row, grid[column, row].text))
      }
    }
    #expect(found.map(\.text).sorted() == ["1", "2"])
    if found.count == 2, found[0].row == found[1].row {
      #expect(abs(found[0].column - found[1].column) >= 2)
    }
  }
}

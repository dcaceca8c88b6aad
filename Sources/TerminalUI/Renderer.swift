import Practice

/// Lays a `Screen` out into cells: frames, braille strokes, marks, then text on top. Pure, so
/// tests and the benchmark can look at exactly what the terminal will show.
public enum Renderer {
  public static func grid(for screen: Screen) -> CellGrid {
    var grid = CellGrid(columns: screen.columns, rows: screen.rows)
    for canvas in screen.canvases { draw(canvas, on: &grid) }
    for text in screen.texts {
      grid.put(text.text, column: text.column, row: text.row, style: text.style)
    }
    return grid
  }

  private struct FrameGlyphs {
    let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
  }

  private static func glyphs(_ kind: FrameKind) -> FrameGlyphs {
    switch kind {
    case .box:
      FrameGlyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─",
        vertical: "│")
    case .ascii:
      FrameGlyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-",
        vertical: "|")
    }
  }

  static func draw(_ canvas: CanvasView, on grid: inout CellGrid) {
    let inner = canvas.inner
    let glyph = glyphs(canvas.frame)
    let left = inner.column - 1
    let right = inner.column + inner.columns
    let top = inner.row - 1
    let bottom = inner.row + inner.rows
    let horizontal = String(repeating: glyph.horizontal, count: max(0, inner.columns))
    grid.put(glyph.topLeft + horizontal + glyph.topRight, column: left, row: top, style: .dim)
    grid.put(
      glyph.bottomLeft + horizontal + glyph.bottomRight, column: left, row: bottom, style: .dim)
    for row in inner.row..<bottom {
      grid.put(glyph.vertical, column: left, row: row, style: .dim)
      grid.put(glyph.vertical, column: right, row: row, style: .dim)
    }
    if let title = canvas.title, inner.columns > 4 {
      let clipped = String(title.prefix(inner.columns - 2))
      grid.put(" \(clipped) ", column: inner.column, row: top, style: .dim)
    }

    var dots = BrailleCanvas(columns: inner.columns, rows: inner.rows)
    for (layer, stroke) in canvas.strokes.enumerated() {
      dots.polyline(unit: stroke.points.map { (x: $0.x, y: $0.y) }, layer: layer)
    }
    for row in 0..<inner.rows {
      for column in 0..<inner.columns {
        guard let character = dots.character(column: column, row: row),
          let layer = dots.layer(column: column, row: row)
        else { continue }
        grid.put(
          String(character), column: inner.column + column, row: inner.row + row,
          style: canvas.strokes[layer].style)
      }
    }
    guard !canvas.marks.isEmpty else { return }
    var ink: Set<MarkPlacement.Cell> = []
    for row in 0..<inner.rows {
      for column in 0..<inner.columns where dots.character(column: column, row: row) != nil {
        ink.insert(MarkPlacement.Cell(column: column, row: row))
      }
    }
    let placement = MarkPlacement(columns: inner.columns, rows: inner.rows, ink: ink)
    let wanted = canvas.marks.map { mark in
      (
        cell: MarkPlacement.Cell(
          column: min(inner.columns - 1, max(0, Int(mark.at.x * Double(inner.columns)))),
          row: min(inner.rows - 1, max(0, Int(mark.at.y * Double(inner.rows))))),
        width: CellGrid.width(of: mark.text)
      )
    }
    for (mark, start) in zip(canvas.marks, placement.place(wanted)) {
      guard let start else { continue }
      grid.put(
        mark.text, column: inner.column + start.column, row: inner.row + start.row,
        style: mark.style)
    }
  }
}

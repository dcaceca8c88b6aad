/// What a screen shows, decided by the Practice layer and drawn as is by the terminal layer.
public struct Screen: Equatable, Sendable {
  public var columns: Int
  public var rows: Int
  public var texts: [TextItem]
  public var canvases: [CanvasView]

  public init(columns: Int, rows: Int, texts: [TextItem] = [], canvases: [CanvasView] = []) {
    self.columns = columns
    self.rows = rows
    self.texts = texts
    self.canvases = canvases
  }
}

/// The meaning of a piece of the screen; the terminal layer picks colours or attributes for it.
public enum Style: Int, Sendable, CaseIterable {
  case plain, title, dim, key, accent, error
  case ink, hint
  /// Stroke verdicts on the feedback screen.
  case ok, order, reversed, wrong, missing
}

public struct CellRect: Equatable, Sendable {
  public var column: Int
  public var row: Int
  public var columns: Int
  public var rows: Int

  public init(column: Int, row: Int, columns: Int, rows: Int) {
    self.column = column
    self.row = row
    self.columns = columns
    self.rows = rows
  }

  public func contains(column c: Int, row r: Int) -> Bool {
    c >= column && c < column + columns && r >= row && r < row + rows
  }
}

/// A point on a canvas in unit coordinates: 0...1 across and down the drawing area.
public struct UnitPoint: Equatable, Codable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

public struct TextItem: Equatable, Sendable {
  public var row: Int
  public var column: Int
  public var text: String
  public var style: Style

  public init(row: Int, column: Int, text: String, style: Style = .plain) {
    self.row = row
    self.column = column
    self.text = text
    self.style = style
  }
}

public struct StrokeView: Equatable, Sendable {
  public var points: [UnitPoint]
  public var style: Style

  public init(points: [UnitPoint], style: Style) {
    self.points = points
    self.style = style
  }
}

/// A label drawn over the strokes, in the cell holding `at` (a stroke number at its start).
public struct Mark: Equatable, Sendable {
  public var at: UnitPoint
  public var text: String
  public var style: Style

  public init(at: UnitPoint, text: String, style: Style) {
    self.at = at
    self.text = text
    self.style = style
  }
}

public enum FrameKind: Equatable, Sendable {
  /// ┌ ┐ └ ┘ and lines.
  case box
  /// + - | for terminals that draw box characters double-width.
  case ascii
}

/// A framed drawing area. `inner` is exactly the area inside the one-cell frame; strokes are
/// drawn in order, later ones over earlier ones.
public struct CanvasView: Equatable, Sendable {
  public var inner: CellRect
  public var frame: FrameKind
  public var title: String?
  public var strokes: [StrokeView]
  public var marks: [Mark]

  public init(
    inner: CellRect, frame: FrameKind, title: String? = nil, strokes: [StrokeView] = [],
    marks: [Mark] = []
  ) {
    self.inner = inner
    self.frame = frame
    self.title = title
    self.strokes = strokes
    self.marks = marks
  }
}

import Foundation

/// What the terminal records: a canvas of cells and the strokes dragged on it.
///
/// Points are `[column, row]`, origin top left; a cell is `cellAspect` times as tall as it is
/// wide. Points may be fractional when the terminal reports pixels.
public struct Drawing: Codable, Sendable, Equatable {
  public struct Canvas: Codable, Sendable, Equatable {
    public var columns: Double
    public var rows: Double
    public var cellAspect: Double

    public init(columns: Double, rows: Double, cellAspect: Double = 2.0) {
      self.columns = columns
      self.rows = rows
      self.cellAspect = cellAspect
    }
  }

  /// One reported mouse position; encoded as a two-element array `[column, row]`.
  public struct CellPoint: Codable, Sendable, Equatable {
    public var column: Double
    public var row: Double

    public init(column: Double, row: Double) {
      self.column = column
      self.row = row
    }

    public init(from decoder: any Decoder) throws {
      var container = try decoder.unkeyedContainer()
      column = try container.decode(Double.self)
      row = try container.decode(Double.self)
      if !container.isAtEnd {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "a point is [column, row]: two numbers")
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.unkeyedContainer()
      try container.encode(column)
      try container.encode(row)
    }
  }

  public var canvas: Canvas
  public var strokes: [[CellPoint]]

  public init(canvas: Canvas, strokes: [[CellPoint]]) {
    self.canvas = canvas
    self.strokes = strokes
  }
}

/// Why a drawing cannot be judged.
public struct DrawingError: Error, Equatable, CustomStringConvertible, Sendable {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

extension Drawing {
  /// Limits far beyond any hand-made drawing, so that a hostile input cannot exhaust memory or time.
  public static let maxStrokes = 200
  public static let maxPointsPerStroke = 20_000
  /// Across all strokes; a minute of dragging at a terminal's report rate is a few thousand.
  public static let maxPoints = 100_000
  public static let maxCanvasSide = 10_000.0

  /// The drawing itself when it can be judged; otherwise a `DrawingError` saying what is wrong.
  public func validated() throws -> Drawing {
    for (name, value) in [("columns", canvas.columns), ("rows", canvas.rows)] {
      guard value.isFinite, value >= 1, value <= Self.maxCanvasSide else {
        throw DrawingError(
          "the canvas \(name) must be a number from 1 to \(Int(Self.maxCanvasSide)), not \(value)")
      }
    }
    guard canvas.cellAspect.isFinite, canvas.cellAspect >= 0.1, canvas.cellAspect <= 10 else {
      throw DrawingError(
        "the canvas cellAspect must be between 0.1 and 10, not \(canvas.cellAspect)")
    }
    guard strokes.count <= Self.maxStrokes else {
      throw DrawingError(
        "the drawing has \(strokes.count) strokes; at most \(Self.maxStrokes) are accepted")
    }
    let points = strokes.reduce(0) { $0 + $1.count }
    guard points <= Self.maxPoints else {
      throw DrawingError(
        "the drawing has \(points) points; at most \(Self.maxPoints) are accepted")
    }
    // Points may stray a little outside the canvas (a drag past its edge), not arbitrarily far.
    let columnRange = -canvas.columns...(2 * canvas.columns)
    let rowRange = -canvas.rows...(2 * canvas.rows)
    for (index, stroke) in strokes.enumerated() {
      guard !stroke.isEmpty else {
        throw DrawingError("stroke \(index + 1) has no points")
      }
      guard stroke.count <= Self.maxPointsPerStroke else {
        throw DrawingError(
          "stroke \(index + 1) has \(stroke.count) points; at most \(Self.maxPointsPerStroke)")
      }
      for point in stroke {
        guard point.column.isFinite, point.row.isFinite else {
          throw DrawingError("stroke \(index + 1) has a point that is not a finite number")
        }
        guard columnRange.contains(point.column), rowRange.contains(point.row) else {
          throw DrawingError(
            "stroke \(index + 1) has the point [\(point.column), \(point.row)], far outside the "
              + "\(Int(canvas.columns)) x \(Int(canvas.rows)) canvas")
        }
      }
    }
    return self
  }
}

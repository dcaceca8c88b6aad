import StrokeMatch

/// The learner's strokes on the canvas, in unit coordinates so that a resize keeps them, plus
/// the canvas size in cells they were last shown at (the grader works in cells).
public struct Ink: Equatable, Sendable {
  public var strokes: [[UnitPoint]]
  public var columns: Int
  public var rows: Int

  /// The grader's own limit. Grading time grows steeply with the number of strokes: 5,000
  /// pasted clicks took minutes.
  public static let maxStrokes = Drawing.maxStrokes
  /// Far more than a hand drags in one stroke; more would only slow grading and drawing.
  public static let maxPointsPerStroke = 2_000

  /// Whether another stroke would pass `maxStrokes`.
  public var isFull: Bool { strokes.count >= Self.maxStrokes }

  public init(strokes: [[UnitPoint]] = [], columns: Int, rows: Int) {
    self.strokes = strokes
    self.columns = columns
    self.rows = rows
  }

  /// The strokes in cell coordinates, origin top left, as the grader's `Drawing` takes them.
  public var cellStrokes: [[[Double]]] {
    strokes.map { stroke in
      stroke.map { [$0.x * Double(columns), $0.y * Double(rows)] }
    }
  }
}

extension [UnitPoint] {
  /// Adds the point a stroke being drawn was dragged to, unless it repeats the last one.
  /// Returns false when the stroke already has `Ink.maxPointsPerStroke` points and the point
  /// was left out: the stroke keeps the shape drawn so far.
  mutating func extendStroke(to point: UnitPoint) -> Bool {
    guard last != point else { return true }
    guard count < Ink.maxPointsPerStroke else { return false }
    append(point)
    return true
  }
}

/// Stroke capture from the mouse, the same on every canvas: a press inside the canvas starts a
/// stroke, drags extend it, and a release (or the next press) ends it. The caps of `Ink` keep
/// grading bounded whatever is pasted into the terminal.
public struct InkPad: Equatable, Sendable {
  public var ink: Ink
  /// The stroke being drawn (button down).
  public var current: [UnitPoint]?

  /// What a mouse event did, beyond adding a point.
  public enum Change: Equatable, Sendable {
    case started
    /// The stroke being drawn ended and is now the last of `ink`.
    case finished
    /// A press was refused: the ink already holds `Ink.maxStrokes` strokes.
    case full
    /// A point was left out: the stroke already holds `Ink.maxPointsPerStroke` points.
    case tooLong
  }

  /// Why a press drew nothing; `enter` says what Enter does on this canvas.
  public static func fullMessage(enter: String) -> String {
    "At most \(Ink.maxStrokes) strokes: press u to undo, c to clear or Enter to \(enter)."
  }
  public static let tooLongMessage =
    "A stroke keeps at most \(Ink.maxPointsPerStroke) points; the rest of this one is left out."

  public init(canvas: CellRect) {
    ink = Ink(columns: canvas.columns, rows: canvas.rows)
  }

  /// Takes a press, drag or release on `canvas`; returns what changed, in order (a press may
  /// end one stroke and start the next). Other events change nothing.
  public mutating func handle(_ event: Event, on canvas: CellRect) -> [Change] {
    switch event {
    case .press(let point):
      var changes: [Change] = finishStroke() ? [.finished] : []
      guard canvas.contains(column: Int(point.x.rounded(.down)), row: Int(point.y.rounded(.down)))
      else { return changes }
      guard !ink.isFull else { return changes + [.full] }
      current = [canvas.unit(point)]
      changes.append(.started)
      return changes
    case .drag(let point), .release(let point):
      guard current != nil else { return [] }
      var changes: [Change] = []
      if current?.extendStroke(to: canvas.unit(point)) == false { changes.append(.tooLong) }
      if case .release = event, finishStroke() { changes.append(.finished) }
      return changes
    default:
      return []
    }
  }

  /// Ends the stroke being drawn, if any; true when there was one.
  @discardableResult
  public mutating func finishStroke() -> Bool {
    guard let stroke = current else { return false }
    current = nil
    ink.strokes.append(stroke)
    return true
  }

  /// The canvas was resized: strokes keep their unit coordinates, graded at the new size.
  public mutating func resize(to canvas: CellRect) {
    ink.columns = canvas.columns
    ink.rows = canvas.rows
  }
}

/// A canvas state that captures strokes with an `InkPad`: the prompt and the self-test's.
public protocol InkCapturing {
  var pad: InkPad { get set }
}

extension InkCapturing {
  /// The strokes drawn so far.
  public var ink: Ink {
    get { pad.ink }
    set { pad.ink = newValue }
  }
  /// The stroke being drawn (button down).
  public var current: [UnitPoint]? { pad.current }
}

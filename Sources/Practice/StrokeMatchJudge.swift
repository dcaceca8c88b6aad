import DrawingJSON
import Foundation
import KanjiData
import StrokeMatch

/// The session's judge backed by the StrokeMatch grader, at the learner's strictness.
public struct StrokeMatchJudge: DrawingJudge {
  public var strictness: Strictness
  public var leniency: Leniency { strictness.leniency }
  /// Names another kanji drawn instead; nil to leave that out.
  public var namer: CharacterNamer?

  public init(strictness: Strictness, namer: CharacterNamer? = nil) {
    self.strictness = strictness
    self.namer = namer
  }

  public init(leniency: Leniency, namer: CharacterNamer? = nil) {
    self.init(strictness: Strictness(leniency), namer: namer)
  }

  /// The ink as the grader's drawing: cell coordinates on a canvas of 2:1 cells.
  public static func drawing(_ ink: Ink) -> Drawing {
    Drawing(
      canvas: Drawing.Canvas(columns: Double(ink.columns), rows: Double(ink.rows), cellAspect: 2),
      strokes: ink.cellStrokes.map { stroke in
        stroke.map { Drawing.CellPoint(column: $0[0], row: $0[1]) }
      })
  }

  public func assess(_ ink: Ink, against kanji: Kanji) -> Assessment {
    let drawing = Self.drawing(ink)
    var grade = Grader(kanji: kanji, strictness: strictness).grade(drawing)
    namer?.review(&grade, drawing: drawing)
    return Assessment(
      // A pass may carry notes: a loose hand's slips, forgiven but still worth seeing.
      passed: grade.pass, messages: (grade.errors + (grade.notes ?? [])).map(\.message),
      strokes: grade.strokes,
      json: grade.jsonLine, drawingJSON: Self.json(drawing), strictness: strictness.rawValue)
  }

  public func checkLastStroke(_ ink: Ink, against kanji: Kanji) -> StrokeCheck {
    switch judgeLastStroke(of: Self.drawing(ink), against: kanji, strictness: strictness) {
    case .correct:
      StrokeCheck(accepted: true)
    case .reversed(let stroke):
      StrokeCheck(accepted: false, message: "Stroke \(stroke) drawn backwards")
    case .outOfOrder(let expected, let drawn):
      StrokeCheck(
        accepted: false, message: "That was stroke \(drawn); stroke \(expected) comes first")
    case .repeated(let stroke):
      StrokeCheck(accepted: false, message: "Stroke \(stroke) is drawn already")
    case .wrong(let expected):
      StrokeCheck(accepted: false, message: "That is not stroke \(expected)")
    case .extra:
      StrokeCheck(accepted: false, message: "Every stroke is drawn; press Enter to check")
    }
  }

  private static func json(_ drawing: Drawing) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(drawing)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

import KanjiData
import StrokeMatch

/// The grader's word on one reference stroke.
public typealias Verdict = Grade.StrokeResult.Verdict

public struct StrokeOutcome: Equatable, Sendable {
  /// Zero-based reference stroke.
  public var stroke: Int
  /// Zero-based drawn stroke matched to it, if any.
  public var drawn: Int?
  public var verdict: Verdict

  public init(stroke: Int, drawn: Int?, verdict: Verdict) {
    self.stroke = stroke
    self.drawn = drawn
    self.verdict = verdict
  }
}

/// A graded drawing, reduced to what the session shows and the rating policy needs.
public struct Assessment: Equatable, Sendable {
  public var passed: Bool
  /// The grader's messages in words ("stroke 3 drawn backwards").
  public var messages: [String]
  public var strokes: [StrokeOutcome]
  /// The grade as JSON, logged with the review so thresholds can be retuned later.
  public var json: String
  /// The drawing as the grader's JSON, logged with the review so it can be graded again.
  public var drawingJSON: String

  public init(
    passed: Bool, messages: [String], strokes: [StrokeOutcome], json: String, drawingJSON: String
  ) {
    self.passed = passed
    self.messages = messages
    self.strokes = strokes
    self.json = json
    self.drawingJSON = drawingJSON
  }

  public var orderOrDirectionErrors: Int {
    strokes.filter { $0.verdict == .order || $0.verdict == .reversed }.count
  }
}

/// The per-stroke judge's word on the stroke just drawn.
public struct StrokeCheck: Equatable, Sendable {
  public var accepted: Bool
  public var message: String?

  public init(accepted: Bool, message: String? = nil) {
    self.accepted = accepted
    self.message = message
  }
}

/// Grades drawings; the StrokeMatch grader in the app, a fake in tests.
public protocol DrawingJudge: Sendable {
  func assess(_ ink: Ink, against kanji: Kanji) -> Assessment
  /// Judges the last stroke of `ink` alone, for per-stroke mode.
  func checkLastStroke(_ ink: Ink, against kanji: Kanji) -> StrokeCheck
}

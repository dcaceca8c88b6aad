import KanjiData
import StrokeMatch

/// The grader's word on one reference stroke.
public typealias Verdict = Grade.StrokeResult.Verdict

/// A graded drawing, reduced to what the session shows and the rating policy needs.
public struct Assessment: Equatable, Sendable {
  public var passed: Bool
  /// The grader's messages in words ("stroke 3 drawn backwards").
  public var messages: [String]
  /// The grader's word on each reference stroke, numbered as the grader numbers them (from 1);
  /// the screens, which count from 0, read them through `verdictsByDrawnIndex` and
  /// `verdict(ofReferenceIndex:)`.
  public var strokes: [Grade.StrokeResult]
  /// The grade as JSON, logged with the review so thresholds can be retuned later.
  public var json: String
  /// The drawing as the grader's JSON, logged with the review so it can be graded again.
  public var drawingJSON: String
  /// The strictness the drawing was graded at, as the feedback screen names it; nil when the
  /// judge has none.
  public var strictness: String?

  public init(
    passed: Bool, messages: [String], strokes: [Grade.StrokeResult], json: String,
    drawingJSON: String, strictness: String? = nil
  ) {
    self.passed = passed
    self.messages = messages
    self.strokes = strokes
    self.json = json
    self.drawingJSON = drawingJSON
    self.strictness = strictness
  }

  /// The reference strokes (from 0) after which a joined stroke should have lifted the pen:
  /// each stroke drawn as one with the next.
  public var liftAfter: [Int] {
    strokes.compactMap { result in
      guard result.verdict == .joined, let drawn = result.drawn,
        strokes.contains(where: {
          $0.stroke == result.stroke + 1 && $0.verdict == .joined && $0.drawn == drawn
        })
      else { return nil }
      return result.stroke - 1
    }
  }

  public var orderOrDirectionErrors: Int {
    strokes.filter { $0.verdict == .order || $0.verdict == .reversed }.count
  }

  /// The verdict on each drawn stroke matched to a reference one, by its index in the ink.
  public var verdictsByDrawnIndex: [Int: Verdict] {
    var verdicts: [Int: Verdict] = [:]
    for result in strokes {
      if let drawn = result.drawn { verdicts[drawn - 1] = result.verdict }
    }
    return verdicts
  }

  /// The verdict on the reference stroke at `index` (from 0); nil when the judge gave none.
  public func verdict(ofReferenceIndex index: Int) -> Verdict? {
    strokes.first { $0.stroke == index + 1 }?.verdict
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

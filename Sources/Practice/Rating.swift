import Scheduler

/// How an attempt at writing a kanji from memory went, as the rating policy needs it.
public struct AttemptSummary: Equatable, Sendable {
  /// Strokes in the reference.
  public var strokeCount: Int
  /// The grader accepted the drawing.
  public var passed: Bool
  /// The learner asked for the answer (`s`) or the whole-character hint.
  public var revealed: Bool
  /// A hint drew a stroke for the learner: requested, or shown after three misses on it.
  public var strokeHintShown: Bool
  /// The learner asked where the next stroke starts and which way it goes.
  public var startHintUsed: Bool
  /// Strokes undone or cleared before checking.
  public var redrawnStrokes: Int
  /// Strokes rejected by the per-stroke judge before the learner got them right.
  public var misses: Int
  /// Order and direction errors the grader found in a passing drawing.
  public var orderOrDirectionErrors: Int

  public init(
    strokeCount: Int, passed: Bool, revealed: Bool = false, strokeHintShown: Bool = false,
    startHintUsed: Bool = false, redrawnStrokes: Int = 0, misses: Int = 0,
    orderOrDirectionErrors: Int = 0
  ) {
    self.strokeCount = strokeCount
    self.passed = passed
    self.revealed = revealed
    self.strokeHintShown = strokeHintShown
    self.startHintUsed = startHintUsed
    self.redrawnStrokes = redrawnStrokes
    self.misses = misses
    self.orderOrDirectionErrors = orderOrDirectionErrors
  }
}

/// From a graded drawing to a rating, as a learner would rate their own recall:
/// - Again: the answer was revealed, a hint showed a stroke, the drawing failed, or there were
///   more per-stroke misses than the kanji's size allows (0 up to 2 strokes, 2 up to 6, 3 above);
/// - Hard: it passed after slips: a stroke redrawn, a miss, an order or direction error, or a
///   start-point hint;
/// - Good: it passed clean;
/// - Easy: never proposed; only the learner chooses it.
public enum RatingPolicy {
  public static func propose(_ attempt: AttemptSummary) -> Rating {
    if attempt.revealed || attempt.strokeHintShown || !attempt.passed
      || attempt.misses > missAllowance(strokes: attempt.strokeCount)
    {
      return .again
    }
    if attempt.redrawnStrokes > 0 || attempt.misses > 0 || attempt.orderOrDirectionErrors > 0
      || attempt.startHintUsed
    {
      return .hard
    }
    return .good
  }

  /// Misses tolerated before a passing kanji still counts as forgotten (Skritter's thresholds).
  public static func missAllowance(strokes: Int) -> Int {
    switch strokes {
    case ...2: 0
    case ...6: 2
    default: 3
    }
  }
}

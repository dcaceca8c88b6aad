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
  /// Strokes rejected by the per-stroke judge before the learner got them right.
  public var misses: Int
  /// Order and direction errors the grader found in a passing drawing.
  public var orderOrDirectionErrors: Int

  public init(
    strokeCount: Int, passed: Bool, revealed: Bool = false, strokeHintShown: Bool = false,
    startHintUsed: Bool = false, misses: Int = 0, orderOrDirectionErrors: Int = 0
  ) {
    self.strokeCount = strokeCount
    self.passed = passed
    self.revealed = revealed
    self.strokeHintShown = strokeHintShown
    self.startHintUsed = startHintUsed
    self.misses = misses
    self.orderOrDirectionErrors = orderOrDirectionErrors
  }
}

/// From a graded drawing to a rating, as a learner would rate their own recall:
/// - Again: the answer was revealed, a hint showed a stroke, the drawing failed, or there were
///   more per-stroke misses than the kanji's size allows (0 up to 2 strokes, 2 up to 6, 3 above);
/// - Hard: it passed after slips: a miss, an order or direction error, or a start-point hint;
///   strokes undone or cleared are mouse slips, not lapses of memory, and cost nothing;
/// - Good: it passed clean;
/// - Easy: never proposed; only the learner chooses it.
public enum RatingPolicy {
  public static func propose(_ attempt: AttemptSummary) -> Rating {
    if attempt.revealed || attempt.strokeHintShown || !attempt.passed
      || attempt.misses > missAllowance(strokes: attempt.strokeCount)
    {
      return .again
    }
    if attempt.misses > 0 || attempt.orderOrDirectionErrors > 0 || attempt.startHintUsed {
      return .hard
    }
    return .good
  }

  /// Why `propose` gave what it gave, in a few words: the first of its reasons that applies.
  /// `problem` is the grader's first message about the drawing ("stroke 3 is missing"), used
  /// when the drawing failed or held order or direction errors.
  public static func reason(_ attempt: AttemptSummary, problem: String? = nil) -> String {
    let allowance = missAllowance(strokes: attempt.strokeCount)
    if attempt.revealed { return "the whole kanji was shown" }
    if attempt.strokeHintShown { return "a hint showed a stroke" }
    if !attempt.passed { return problem ?? "the drawing is not right" }
    if attempt.misses > allowance {
      return "\(refused(attempt.misses)), more than the \(allowance) allowed"
    }
    if attempt.misses > 0 { return refused(attempt.misses) }
    if attempt.orderOrDirectionErrors > 0 { return problem ?? "strokes out of order or reversed" }
    if attempt.startHintUsed { return "you used a hint" }
    return "all strokes right"
  }

  private static func refused(_ misses: Int) -> String {
    misses == 1 ? "1 stroke was refused" : "\(misses) strokes were refused"
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

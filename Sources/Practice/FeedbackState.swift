import Foundation
import ProgressRecords
import Scheduler

/// A checked drawing: its assessment, the proposed and the chosen rating, and the intervals
/// each rating would give.
public struct FeedbackState: Equatable, Sendable {
  public var kanji: String
  public var ink: Ink
  public var assessment: Assessment
  public var attempt: AttemptSummary
  public var proposed: Rating
  public var chosen: Rating
  /// Why the rating was proposed ("you used a hint").
  public var reason: String
  /// What each rating would schedule, once the App has said.
  public var intervals: [Rating: TimeInterval]?
  public var revealed: Bool
  public var hintsUsed: Int
  public var durationMs: Int
  /// Why saving failed, when it did.
  public var error: String?
  /// A word card: each kanji as written and graded; `ink` and `assessment` are then the worst
  /// one's.
  public var parts: [WordPart] = []

  /// The review to store. Its time is left to the store, which reads the clock under its write
  /// lock, so reviews stay in order across processes.
  var review: ReviewInput {
    if let word = CardKey.wordWritten(kanji), !parts.isEmpty {
      return ReviewInput(
        kanji: kanji, rating: chosen, proposedRating: proposed, durationMs: durationMs,
        hintsUsed: hintsUsed,
        drawingJSON: "[" + parts.map(\.assessment.drawingJSON).joined(separator: ",") + "]",
        gradeJSON: WordGrade.json(word: word, parts: parts))
    }
    return ReviewInput(
      kanji: kanji, rating: chosen, proposedRating: proposed, durationMs: durationMs,
      hintsUsed: hintsUsed, drawingJSON: assessment.drawingJSON, gradeJSON: assessment.json)
  }
}

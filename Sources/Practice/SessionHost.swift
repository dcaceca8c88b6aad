import Foundation

/// What a running session needs from the outside world: the learner's store and the reference
/// data. The terminal app calls it for the session's effects.
public protocol SessionHost {
  /// Stores one review; when this returns, it is committed.
  func record(_ review: CompletedReview) throws
  /// Stores that a new kanji was shown before it was first asked.
  func recordStudy(kanji: String, time: Date) throws
  /// Adds kanji to the deck (`kanji-write add` syntax) and returns the cards to study now.
  func addToDeck(_ spec: String) throws -> [SessionCard]
  /// (Re)learning cards due by `now` plus the learn-ahead limit, to go on with when the session's
  /// cards ran out.
  func learnAhead(now: Date) throws -> [SessionCard]
  /// Streak and next due date for the summary.
  func outlook() throws -> SessionOutlook
}

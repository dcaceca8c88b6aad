import Foundation

/// Where a card is in Anki's state machine.
public enum CardState: String, Codable, Sendable, CaseIterable {
  case new, learning, review, relearning
}

/// The scheduling state of one card, independent of storage.
public struct Card: Codable, Equatable, Sendable {
  public var state: CardState
  /// Index into the (re)learning steps while learning or relearning.
  public var step: Int
  /// Nil until the first graded review.
  public var memory: MemoryState?
  public var due: Date?
  public var lastReview: Date?
  /// Graded reviews so far (studies excluded).
  public var reps: Int
  /// Agains on review cards.
  public var lapses: Int
  public var isLeech: Bool
  /// The last scheduled interval in whole days; 0 while in (re)learning steps.
  public var intervalDays: Int

  public init(
    state: CardState = .new, step: Int = 0, memory: MemoryState? = nil, due: Date? = nil,
    lastReview: Date? = nil, reps: Int = 0, lapses: Int = 0, isLeech: Bool = false,
    intervalDays: Int = 0
  ) {
    self.state = state
    self.step = step
    self.memory = memory
    self.due = due
    self.lastReview = lastReview
    self.reps = reps
    self.lapses = lapses
    self.isLeech = isLeech
    self.intervalDays = intervalDays
  }
}

/// What one review did, beside the new card.
public struct ReviewOutcome: Equatable, Sendable {
  public var card: Card
  public var stateBefore: CardState
  /// Calendar days since the previous graded review (0 for the first).
  public var elapsedDays: Int
  /// Recall probability predicted just before this review; nil for a first review.
  public var retrievability: Double?
  /// True when this review made the card a leech or re-flagged it.
  public var leechFlagged: Bool
}

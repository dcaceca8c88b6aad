import Foundation
import Scheduler

/// A card in the order a session shows it.
public struct QueuedCard: Equatable, Sendable {
  public var kanji: String
  public var isNew: Bool
  public var state: CardState
  public var due: Date?

  public init(kanji: String, isNew: Bool, state: CardState, due: Date?) {
    self.kanji = kanji
    self.isNew = isNew
    self.state = state
    self.due = due
  }
}

/// One answer to record. A study (a new kanji's first showing) moves the card into learning
/// without counting as a review; its rating is ignored.
public struct ReviewInput: Equatable, Sendable {
  public var kanji: String
  /// Nil records "now", read once the write lock is held, so two instances cannot interleave.
  public var time: Date?
  public var rating: Rating
  /// The rating the grader proposed before the learner changed it; nil when not graded.
  public var proposedRating: Rating?
  public var durationMs: Int
  public var hintsUsed: Int
  public var drawingJSON: String?
  public var gradeJSON: String?
  public var isStudy: Bool

  public init(
    kanji: String, time: Date? = nil, rating: Rating, proposedRating: Rating? = nil,
    durationMs: Int = 0, hintsUsed: Int = 0, drawingJSON: String? = nil, gradeJSON: String? = nil,
    isStudy: Bool = false
  ) {
    self.kanji = kanji
    self.time = time
    self.rating = rating
    self.proposedRating = proposedRating
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
    self.drawingJSON = drawingJSON
    self.gradeJSON = gradeJSON
    self.isStudy = isStudy
  }
}

/// A card's stored scheduling state.
public struct CardSnapshot: Equatable, Sendable {
  public var kanji: String
  public var card: Card
  public var addedAt: Date
  /// True only in the snapshot returned by the review that flagged the card as a leech.
  public var flaggedLeech: Bool
  /// A suspended card is never asked and never counted as due.
  public var suspended: Bool
  /// When the card was last reset to new; its log before then no longer shapes it.
  public var resetAt: Date?

  public init(
    kanji: String, card: Card, addedAt: Date, flaggedLeech: Bool, suspended: Bool = false,
    resetAt: Date? = nil
  ) {
    self.kanji = kanji
    self.card = card
    self.addedAt = addedAt
    self.flaggedLeech = flaggedLeech
    self.suspended = suspended
    self.resetAt = resetAt
  }

  public var state: CardState { card.state }
  public var due: Date? { card.due }
}

/// A card as the deck screen lists it: its stored state and the grade of its last graded
/// review.
public struct DeckCard: Equatable, Sendable {
  public var snapshot: CardSnapshot
  /// The grader's JSON of the last review that has one, since the card was last reset.
  public var lastGradeJSON: String?

  public init(snapshot: CardSnapshot, lastGradeJSON: String?) {
    self.snapshot = snapshot
    self.lastGradeJSON = lastGradeJSON
  }

  public var kanji: String { snapshot.kanji }
}

/// One row of the review log. Studies have kind `.study` and no rating.
public struct ReviewLogEntry: Equatable, Sendable, Codable {
  public enum Kind: String, Codable, Sendable, CaseIterable { case study, review }

  public var id: Int64
  public var time: Date
  public var kanji: String
  public var kind: Kind
  public var rating: Rating?
  public var proposedRating: Rating?
  public var durationMs: Int
  public var hintsUsed: Int
  public var drawingJSON: String?
  public var gradeJSON: String?
  public var stateBefore: CardState
  public var elapsedDays: Int
  public var stateAfter: CardState
  public var stability: Double?
  public var difficulty: Double?
  public var intervalDays: Int
  public var due: Date?
  public var model: String

  public init(
    id: Int64, time: Date, kanji: String, kind: Kind, rating: Rating?, proposedRating: Rating?,
    durationMs: Int, hintsUsed: Int, drawingJSON: String?, gradeJSON: String?,
    stateBefore: CardState, elapsedDays: Int, stateAfter: CardState, stability: Double?,
    difficulty: Double?, intervalDays: Int, due: Date?, model: String
  ) {
    self.id = id
    self.time = time
    self.kanji = kanji
    self.kind = kind
    self.rating = rating
    self.proposedRating = proposedRating
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
    self.drawingJSON = drawingJSON
    self.gradeJSON = gradeJSON
    self.stateBefore = stateBefore
    self.elapsedDays = elapsedDays
    self.stateAfter = stateAfter
    self.stability = stability
    self.difficulty = difficulty
    self.intervalDays = intervalDays
    self.due = due
    self.model = model
  }
}

/// One kanji of a self-test: whether the learner produced it from memory.
public struct SelfTestItem: Equatable, Sendable, Codable {
  public var kanji: String
  public var produced: Bool
  public var drawingJSON: String?
  public var gradeJSON: String?

  public init(kanji: String, produced: Bool, drawingJSON: String? = nil, gradeJSON: String? = nil) {
    self.kanji = kanji
    self.produced = produced
    self.drawingJSON = drawingJSON
    self.gradeJSON = gradeJSON
  }
}

/// A finished self-test: when, the kanji asked, and the score the self-test computed.
public struct SelfTestRecord: Equatable, Sendable, Codable {
  public var id: Int64
  public var time: Date
  public var items: [SelfTestItem]
  public var score: Double
  /// "words" for a test on words (items keyed `word:...`), nil for a test on kanji; a backup
  /// from before word tests has none.
  public var kind: String?

  public init(id: Int64, time: Date, items: [SelfTestItem], score: Double, kind: String? = nil) {
    self.id = id
    self.time = time
    self.items = items
    self.score = score
    self.kind = kind
  }

  public var isWordTest: Bool { kind == SelfTestRecord.wordsKind }
  public static let wordsKind = "words"
}

/// The key of a card in `cards.kanji` and `review_log.kanji`: a kanji card's key is the kanji
/// itself (one character); a word card's is `word:` and the written form (`word:力`), so a
/// one-kanji word never collides with that kanji's card.
public enum CardKey {
  public static let wordPrefix = "word:"

  public static func word(_ written: String) -> String { wordPrefix + written }

  /// The written form of a word card's key; nil for a kanji card.
  public static func wordWritten(_ key: String) -> String? {
    key.hasPrefix(wordPrefix) ? String(key.dropFirst(wordPrefix.count)) : nil
  }

  public static func isWord(_ key: String) -> Bool { key.hasPrefix(wordPrefix) }

  /// How a card is named to the learner: the kanji, or the word as written.
  public static func display(_ key: String) -> String { wordWritten(key) ?? key }
}

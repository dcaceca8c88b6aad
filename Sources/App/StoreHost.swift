import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import Scheduler
import StrokeMatch

/// What the app's scenes need from the learner's store and the reference data, in their terms.
public struct StoreHost {
  public let store: ProgressStore
  public let reference: ReferenceDatabase

  public init(store: ProgressStore, reference: ReferenceDatabase) {
    self.store = store
    self.reference = reference
  }

  /// The learner's practice settings from the store; the daily session studies new kanji
  /// and learns ahead, `practice` does neither.
  public func settings(dailySession: Bool) throws -> (PracticeSettings, Leniency) {
    let settings = PracticeSettings(
      perStrokeMode: try store.bool("per_stroke_mode"),
      showStrokeCount: try store.bool("show_stroke_count"),
      asciiFrame: try store.bool("ascii_frame"), studyNewCards: dailySession,
      learnAhead: dailySession, rewriteAfterFailure: try store.bool("rewrite_after_failure"))
    return (settings, Leniency(rawValue: try store.setting("leniency")) ?? .normal)
  }

  public var deckIsEmpty: Bool {
    get throws { try store.cards().isEmpty }
  }

  /// Today's session: due reviews, then new kanji up to the daily limit.
  public func dueCards(now: Date) throws -> [SessionCard] {
    try store.sessionQueue(now: now).compactMap { queued in
      try reference.kanji(queued.kanji).map {
        SessionCard(kanji: $0, isNew: queued.isNew, state: queued.state)
      }
    }
  }

  /// The given kanji, in order, added to the deck if they are not in it, to be asked at once.
  public func practiceCards(_ characters: [String], now: Date) throws -> [SessionCard] {
    var cards: [SessionCard] = []
    var unknown: [String] = []
    for character in characters {
      if let kanji = try reference.kanji(character) {
        cards.append(SessionCard(kanji: kanji, isNew: false))
      } else {
        unknown.append(character)
      }
    }
    guard unknown.isEmpty else {
      throw AppError(
        "no stroke data for \(unknown.joined(separator: " ")) in \(reference.path)")
    }
    _ = try store.addCards(characters, at: now)
    return cards
  }

  public func record(_ review: ReviewInput) throws {
    _ = try store.recordReview(review)
  }

  /// What each rating would do to `kanji`'s card if it were recorded at `now`, worked out as
  /// `ProgressStore.recordReview` does (the same scheduler, the time moved past the card's last
  /// review), and nothing stored. Nil for a kanji not in the deck.
  public func previewIntervals(kanji: String, now: Date) throws -> RatingIntervals? {
    guard let card = try store.card(kanji)?.card else { return nil }
    let scheduler = try store.scheduler()
    var time = now
    if let last = card.lastReview, time <= last { time = last.addingTimeInterval(0.001) }
    var seconds: [Rating: TimeInterval] = [:]
    for rating in Rating.allCases {
      let next = try scheduler.review(card, rating: rating, at: time, cardKey: kanji).card
      // A graduated card is due in whole learner days; a (re)learning step in seconds.
      seconds[rating] =
        next.state == .review
        ? Double(next.intervalDays) * 86400 : (next.due ?? time).timeIntervalSince(time)
    }
    return RatingIntervals(kanji: kanji, seconds: seconds)
  }

  public func recordStudy(kanji: String) throws {
    _ = try store.recordReview(ReviewInput(kanji: kanji, rating: .good, isStudy: true))
  }

  public func addToDeck(_ spec: String) throws -> [SessionCard] {
    let selector = try KanjiSelector(parsing: spec)
    let characters = try reference.characters(matching: selector)
    guard !characters.isEmpty else {
      throw AppError("\(spec) names no kanji with stroke data")
    }
    _ = try store.addCards(characters, at: Date())
    return try dueCards(now: Date())
  }

  /// Anki's default learn-ahead limit.
  public static let learnAheadLimit: TimeInterval = 20 * 60

  public func learnAhead(now: Date) throws -> [SessionCard] {
    let learning = try store.sessionQueue(now: now) + store.laterToday(now: now)
    return try learning.filter { queued in
      (queued.state == .learning || queued.state == .relearning)
        && (queued.due ?? now) <= now + Self.learnAheadLimit
    }.compactMap { queued in
      try reference.kanji(queued.kanji).map {
        SessionCard(kanji: $0, isNew: false, state: queued.state)
      }
    }
  }

  public func outlook() throws -> SessionOutlook {
    let now = Date()
    return SessionOutlook(
      streak: try store.streak(now: now), nextDue: try store.nextDue(after: now))
  }
}

/// A request the app cannot serve, in words for the learner.
public struct AppError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

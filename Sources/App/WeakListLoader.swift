import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import Scheduler
import StrokeMatch

extension WeakListAnalysis {
  /// The learner's weak list now, from their store: cards, the review log's graded drawings,
  /// and the components of every kanji in the deck and the known set.
  public func weakList(store: ProgressStore, reference: ReferenceDatabase, now: Date) throws
    -> WeakList
  {
    try weakList(store: store, now: now) { try KanjiParts.load($0, from: reference) }
  }

  /// The same, with the components of the given kanji from `parts`.
  public func weakList(
    store: ProgressStore, now: Date, parts: ([String]) throws -> [String: KanjiParts]
  ) throws -> WeakList {
    let scheduler = try store.scheduler()
    // A suspended kanji is set aside by the learner: not offered to practise.
    let all = try store.cards()
    let suspended = Set(all.filter(\.suspended).map(\.kanji))
    let cards = all.filter { !$0.suspended }
    // A word review counts for each of its kanji, with that kanji's own grade.
    var reviews: [ReviewEvidence] = []
    var latestFailures: [String: [String]] = [:]
    for entry in try store.reviewLog() where entry.kind == .review {
      guard CardKey.isWord(entry.kanji), let word = WordGrade.stored(entry.gradeJSON) else {
        reviews.append(
          ReviewEvidence(
            time: entry.time, kanji: entry.kanji, failed: entry.rating == .again,
            hints: entry.hintsUsed, grade: Grade.stored(entry.gradeJSON)))
        continue
      }
      for part in word.parts {
        reviews.append(
          ReviewEvidence(
            time: entry.time, kanji: part.kanji, failed: part.rating == Rating.again.rawValue,
            hints: part.hints, grade: part.grade))
      }
      latestFailures[entry.kanji] = word.parts.filter { $0.rating == Rating.again.rawValue }
        .map(\.kanji)
    }
    // A word card at risk stands for the kanji that failed in its latest review, when they have
    // no card of their own: the weak list names kanji, not words.
    let deck = Set(cards.map(\.kanji))
    var standings: [CardStanding] = []
    for card in cards {
      guard CardKey.isWord(card.kanji) else {
        standings.append(
          CardStanding(kanji: card.kanji, card: card.card, scheduler: scheduler, now: now))
        continue
      }
      for kanji in latestFailures[card.kanji] ?? []
      where !deck.contains(kanji) && !standings.contains(where: { $0.kanji == kanji }) {
        standings.append(
          CardStanding(kanji: kanji, card: card.card, scheduler: scheduler, now: now))
      }
    }
    var seen = Set<String>()
    let pool = (cards.map(\.kanji) + (try store.known())).filter {
      !CardKey.isWord($0) && !suspended.contains($0) && seen.insert($0).inserted
    }
    return weakList(
      cards: standings, reviews: reviews, parts: try parts(pool), pool: pool, now: now)
  }
}

extension KanjiParts {
  /// The components of each of `kanji` the reference database has.
  static func load(_ kanji: [String], from reference: ReferenceDatabase) throws
    -> [String: KanjiParts]
  {
    var parts: [String: KanjiParts] = [:]
    for character in kanji {
      if let strokes = try reference.strokes(character) {
        parts[character] = KanjiParts(character: character, strokes: strokes)
      }
    }
    return parts
  }
}

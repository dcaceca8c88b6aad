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
    let standings = cards.map {
      CardStanding(kanji: $0.kanji, card: $0.card, scheduler: scheduler, now: now)
    }
    let reviews = try store.reviewLog().filter { $0.kind == .review }.map { entry in
      ReviewEvidence(
        time: entry.time, kanji: entry.kanji, failed: entry.rating == .again,
        hints: entry.hintsUsed, grade: Grade.stored(entry.gradeJSON))
    }
    var seen = Set<String>()
    let pool = (cards.map(\.kanji) + (try store.known())).filter {
      !suspended.contains($0) && seen.insert($0).inserted
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

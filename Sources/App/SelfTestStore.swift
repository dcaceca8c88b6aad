import Foundation
import Practice
import Progress
import ProgressRecords

extension SelfTestPicker {
  /// Ten kanji for a new test from the learner's store: the deck's reviewed kanji and the known
  /// set, those tested longest ago first. A kanji the learner suspended is not asked.
  public func pick(store: ProgressStore, seed: UInt64?) throws -> [String] {
    let seed = seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    let cards = try store.cards()
    let suspended = Set(cards.filter(\.suspended).map(\.kanji))
    // The test asks kanji: word cards are not in its pool.
    let reviewed = cards.filter { $0.card.reps > 0 && !$0.suspended && !CardKey.isWord($0.kanji) }
      .map(\.kanji)
    let known = try store.known().filter { !suspended.contains($0) }
    let history = try store.selfTests().map(SelfTestScore.init)
    return pick(pool: reviewed + known, history: history, seed: seed)
  }

  /// Why there is no test, in words for the learner.
  public static func tooFew(_ count: Int) -> String {
    "the self-test asks \(SelfTest.size) kanji you can read, and you have \(count); "
      + "review more, or declare the ones you know: kanji-write known jlpt:N5"
  }
}

extension SelfTestOutcome {
  /// Stores the test with its date and gives each answer to the scheduler as a review, adding
  /// known kanji that are not in the deck yet, so a failure brings the kanji back soon; all in
  /// one transaction.
  public func save(to store: ProgressStore) throws {
    let items = answers.map { answered in
      SelfTestItem(
        kanji: answered.kanji, produced: answered.item.produced,
        drawingJSON: answered.assessment.drawingJSON, gradeJSON: answered.assessment.json)
    }
    try store.recordSelfTest(time: date, items: items, score: score.percent, reviews: reviews)
  }
}

import Foundation
import KanjiData
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

  /// Ten words for a test on words: the deck's reviewed word cards, then the most frequent
  /// common words whose kanji the learner reads (reviewed or known), those tested longest ago
  /// first; as card keys (`word:...`).
  public func pickWords(store: ProgressStore, reference: ReferenceDatabase, seed: UInt64?)
    throws -> [String]
  {
    let seed = seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
    let cards = try store.cards().filter { !$0.suspended }
    let reviewedWords = cards.filter { $0.card.reps > 0 && CardKey.isWord($0.kanji) }.map(\.kanji)
    let readable = Set(
      cards.filter { $0.card.reps > 0 && !CardKey.isWord($0.kanji) }.map(\.kanji)
        + (try store.known()))
    var pool = reviewedWords
    if pool.count < Self.wordPoolSize && !readable.isEmpty {
      let more = try reference.mostFrequentWords(limit: Self.wordPoolSize, kanjiIn: readable)
        .filter { $0.kanji.count > 0 }.map { CardKey.word($0.written) }
      pool += more.filter { !pool.contains($0) }.prefix(Self.wordPoolSize - pool.count)
    }
    let history = try store.selfTests(words: true).map(SelfTestScore.init)
    return pick(pool: pool, history: history, seed: seed)
  }

  /// Words a test on words chooses from, at most.
  static let wordPoolSize = 100

  /// Why there is no test on words, in words for the learner.
  public static func tooFewWords(_ count: Int) -> String {
    "the self-test on words asks \(SelfTest.size) words whose kanji you read, and there are "
      + "\(count); review more kanji, declare those you know (kanji-write known jlpt:N5), or "
      + "add words: kanji-write add --words freq:100"
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
    try store.recordSelfTest(
      time: date, items: items, score: score.percent, reviews: reviews, words: !words.isEmpty)
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// Word cards live beside kanji cards in `cards` and `review_log`, under keys that cannot collide.
@Suite struct WordCardStoreTests {
  let day1 = Date(iso8601: "2024-05-01T10:00:00Z")

  @Test func aOneKanjiWordAndItsKanjiAreTwoCards() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let added = try store.addCards(["力", CardKey.word("力"), CardKey.word("勉強")], at: day1)
    #expect(added.added == ["力", "word:力", "word:勉強"] && added.skipped.isEmpty)
    let kinds = try store.db.query("SELECT kanji, kind FROM cards ORDER BY position").map {
      [$0.string(0) ?? "", $0.string(1) ?? ""]
    }
    #expect(kinds == [["力", "kanji"], ["word:力", "word"], ["word:勉強", "word"]])
    _ = try store.recordReview(ReviewInput(kanji: "word:力", time: day1, rating: .again))
    #expect(try store.card("力")?.card.reps == 0)
    #expect(try store.card("word:力")?.card.reps == 1)
    #expect(try store.reviewLog().map(\.kanji) == ["word:力"])
    #expect(CardKey.wordWritten("word:力") == "力" && CardKey.wordWritten("力") == nil)
  }

  @Test func aWordCardSurvivesABackupRoundTrip() throws {
    let source = try TemporaryFolder()
    let store = try source.openStore()
    _ = try store.addCards([CardKey.word("勉強"), "強"], at: day1)
    _ = try store.recordReview(
      ReviewInput(kanji: "word:勉強", time: day1, rating: .good, gradeJSON: #"{"word":"勉強"}"#))
    let data = try ProgressBackup.encoder().encode(try store.backup(now: day1))
    let decoded = try ProgressBackup.decoder().decode(ProgressBackup.self, from: data)
    let target = try TemporaryFolder()
    let restored = try target.openStore()
    let summary = try restored.restore(decoded.validated(now: Date()), merge: false)
    #expect(summary.cardsAdded == 2 && summary.reviewsAdded == 1)
    #expect(try restored.cards() == store.cards())
    #expect(
      try restored.db.scalar("SELECT kind FROM cards WHERE kanji = 'word:勉強'") == .text("word"))
    #expect(try restored.reviewLog().first?.gradeJSON == #"{"word":"勉強"}"#)
  }

  @Test func aTestOnWordsIsItsOwnTrendAndSurvivesABackup() throws {
    let source = try TemporaryFolder()
    let store = try source.openStore()
    try store.recordSelfTest(
      time: day1, items: [SelfTestItem(kanji: "一", produced: true)], score: 100)
    try store.recordSelfTest(
      time: day1.addingTimeInterval(60),
      items: [SelfTestItem(kanji: "word:一つ", produced: false)], score: 0,
      reviews: [ReviewInput(kanji: "word:一つ", time: day1, rating: .again)], words: true)
    #expect(try store.selfTests().map(\.score) == [100])
    #expect(try store.selfTests(words: true).map(\.score) == [0])
    #expect(try store.selfTests(words: true).first?.items.first?.kanji == "word:一つ")
    #expect(try store.card("word:一つ")?.card.reps == 1)

    let data = try ProgressBackup.encoder().encode(try store.backup(now: day1))
    let decoded = try ProgressBackup.decoder().decode(ProgressBackup.self, from: data)
    let target = try TemporaryFolder()
    let restored = try target.openStore()
    _ = try restored.restore(decoded.validated(now: Date()), merge: false)
    #expect(try restored.selfTests() == store.selfTests())
    #expect(try restored.selfTests(words: true) == store.selfTests(words: true))
  }
}

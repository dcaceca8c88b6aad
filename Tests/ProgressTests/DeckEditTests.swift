import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

@Suite struct DeckEditTests {
  let day1 = Date(iso8601: "2024-05-01T10:00:00Z")

  /// 学 and 校 graduated to review (Easy), due in a few days; 先 new.
  func deck(_ home: TemporaryFolder) throws -> ProgressStore {
    let store = try home.openStore()
    try store.setSetting("fuzz", "off")
    _ = try store.addCards(["学", "校", "先"], at: day1)
    for kanji in ["学", "校"] {
      _ = try store.recordReview(
        ReviewInput(kanji: kanji, time: day1, rating: .easy, gradeJSON: #"{"pass":true}"#))
    }
    return store
  }

  @Test func aSuspendedCardIsNeitherAskedNorDue() throws {
    let home = try TemporaryFolder()
    let store = try deck(home)
    let due = try #require(store.card("学")?.due)
    let later = due.addingTimeInterval(60)
    #expect(try store.sessionQueue(now: later).map(\.kanji) == ["学", "校", "先"])
    try store.setSuspended("学", true)
    try store.setSuspended("先", true)
    #expect(try store.sessionQueue(now: later).map(\.kanji) == ["校"])
    #expect(try store.card("学")?.suspended == true)
    #expect(try store.card("学")?.due == due)
    #expect(try store.stats(now: day1).forecast.reduce(0, +) == 1)
    try store.setSuspended("校", true)
    #expect(try store.nextDue(after: day1) == nil)
    try store.setSuspended("学", false)
    #expect(try store.sessionQueue(now: later).map(\.kanji) == ["学"])
    #expect(try store.check().isHealthy)
    #expect(throws: ProgressError.unknownCard("本")) { try store.setSuspended("本", true) }
  }

  @Test func resetMakesTheCardNewAndKeepsItsLog() throws {
    let home = try TemporaryFolder()
    let store = try deck(home)
    let reset = try store.resetCard("学", at: day1.addingTimeInterval(60))
    #expect(reset.card == Card())
    #expect(try store.card("学")?.card == Card())
    #expect(try store.card("学")?.resetAt == day1.addingTimeInterval(60))
    #expect(try store.reviewLog(kanji: "学").count == 1)
    #expect(try store.sessionQueue(now: day1.addingTimeInterval(120)).map(\.kanji) == ["学", "先"])
    // The log before the reset no longer shapes the card: check agrees, and undo has nothing.
    #expect(try store.check().isHealthy)
    #expect(try store.undoLastReview(of: "学") == nil)
    #expect(try store.deckCards().first?.lastGradeJSON == nil)
    let reviewed = try store.recordReview(
      ReviewInput(kanji: "学", time: day1.addingTimeInterval(180), rating: .good))
    #expect(reviewed.card.reps == 1 && reviewed.state == .learning)
    #expect(try store.check().isHealthy)
    #expect(try store.undoLastReview(of: "学")?.card == Card())
    #expect(try store.reviewLog(kanji: "学").count == 1)
  }

  @Test func aResetOnAClockBehindTheLogComesAfterIt() throws {
    let home = try TemporaryFolder()
    let store = try deck(home)
    let reset = try store.resetCard("学", at: day1.addingTimeInterval(-3600))
    #expect(reset.resetAt.map(Millis.from) == Millis.from(day1) + 1)
    #expect(try store.check().isHealthy)
  }

  @Test func deleteRemovesTheCardAndItsLog() throws {
    let home = try TemporaryFolder()
    let store = try deck(home)
    #expect(try store.deleteCard("学") == 1)
    #expect(try store.cards().map(\.kanji) == ["校", "先"])
    #expect(try store.reviewLog().map(\.kanji) == ["校"])
    #expect(try store.check().isHealthy)
    #expect(throws: ProgressError.unknownCard("学")) { try store.deleteCard("学") }
    #expect(try store.reviewLog().count == 1)
  }

  @Test func theDeckListsEachCardWithItsLastGrade() throws {
    let home = try TemporaryFolder()
    let store = try deck(home)
    let due = try #require(store.card("校")?.due)
    _ = try store.recordReview(ReviewInput(kanji: "校", time: due, rating: .again))
    let cards = try store.deckCards()
    #expect(cards.map(\.kanji) == ["学", "校", "先"])
    #expect(cards.map(\.lastGradeJSON) == [#"{"pass":true}"#, #"{"pass":true}"#, nil])
    #expect(cards[1].snapshot.card.lapses == 1)
  }

  @Test func migratingTheSecondSchemaKeepsTheDeckAndLog() throws {
    let home = try TemporaryFolder()
    do {
      let store = try deck(home)
      // The second schema had no suspension, no reset, no sync and no words.
      let triggers = try store.db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      for trigger in triggers { try store.db.execute("DROP TRIGGER \(trigger.string(0)!)") }
      try store.db.execute(
        """
        DROP INDEX review_log_event; ALTER TABLE review_log DROP COLUMN device;
        ALTER TABLE review_log DROP COLUMN seq;
        DROP TABLE sync_device; DROP TABLE sync_events; DROP TABLE sync_read;
        DROP TABLE sync_written;
        ALTER TABLE cards DROP COLUMN suspended; ALTER TABLE cards DROP COLUMN reset_ms;
        ALTER TABLE scheduler_models DROP COLUMN reviews;
        ALTER TABLE scheduler_models DROP COLUMN log_loss;
        ALTER TABLE scheduler_models DROP COLUMN rmse_bins;
        ALTER TABLE scheduler_models DROP COLUMN default_log_loss;
        ALTER TABLE scheduler_models DROP COLUMN default_rmse_bins;
        ALTER TABLE scheduler_models DROP COLUMN reverted_ms;
        ALTER TABLE cards DROP COLUMN kind; ALTER TABLE self_tests DROP COLUMN kind;
        PRAGMA user_version = 2
        """)
    }
    let store = try home.openStore()
    let backup = try #require(store.migrationBackup)
    #expect(backup.hasPrefix(home.database + ".v2-backup-"))
    #expect(try store.db.scalar("PRAGMA user_version") == .integer(Int64(Schema.currentVersion)))
    #expect(try store.cards().map(\.kanji) == ["学", "校", "先"])
    #expect(try store.cards().allSatisfy { !$0.suspended && $0.resetAt == nil })
    #expect(try store.reviewLog().count == 2)
    #expect(try store.card("学")?.state == .review)
    #expect(try store.check().isHealthy)
    try store.setSuspended("学", true)
    #expect(try home.openStore().card("学")?.suspended == true)
  }

  @Test func aBackupCarriesSuspensionAndReset() throws {
    let source = try TemporaryFolder()
    let store = try deck(source)
    try store.setSuspended("校", true)
    try store.resetCard("学", at: day1.addingTimeInterval(60))
    let backup = try store.backup(now: day1.addingTimeInterval(120))
    let data = try ProgressBackup.encoder().encode(backup)
    let decoded = try ProgressBackup.decode(data)
    #expect(decoded == backup)
    #expect(decoded.cards.map(\.suspended) == [false, true, false])
    #expect(decoded.cards.map(\.resetAt) == [day1.addingTimeInterval(60), nil, nil])
    let target = try TemporaryFolder()
    let restored = try target.openStore()
    _ = try restored.restore(decoded.validated(now: day1.addingTimeInterval(120)), merge: false)
    #expect(try restored.cards() == store.cards())
    #expect(try restored.check().isHealthy)
  }

  @Test func anOlderBackupHasNothingSuspended() throws {
    let source = try TemporaryFolder()
    let store = try deck(source)
    let backup = try store.backup(now: day1.addingTimeInterval(120))
    var object = try #require(
      JSONSerialization.jsonObject(with: ProgressBackup.encoder().encode(backup))
        as? [String: Any])
    let cards = try #require(object["cards"] as? [[String: Any]])
    object["cards"] = cards.map { card in
      var card = card
      card["suspended"] = nil
      card["resetAt"] = nil
      return card
    }
    let old = try JSONSerialization.data(withJSONObject: object)
    #expect(!String(decoding: old, as: UTF8.self).contains("suspended"))
    let decoded = try ProgressBackup.decode(old)
    #expect(decoded.cards.allSatisfy { !$0.suspended && $0.resetAt == nil })
    #expect(decoded.cards.map(\.card) == backup.cards.map(\.card))
  }
}

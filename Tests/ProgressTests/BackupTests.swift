import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

@Suite struct BackupTests {
  func populated(_ home: TemporaryFolder) throws -> ProgressStore {
    let store = try home.openStore()
    try store.setSetting("new_per_day", "5")
    var now = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["学", "校", "先"], at: now)
    for rating in [Rating.good, .good, .again, .good] {
      let snapshot = try store.recordReview(ReviewInput(kanji: "学", time: now, rating: rating))
      now = snapshot.due!
    }
    _ = try store.recordReview(ReviewInput(kanji: "校", time: now, rating: .easy))
    try store.recordSelfTest(time: now, items: [SelfTestItem(kanji: "学", produced: true)], score: 1)
    try store.addKnown(["学"], at: now)
    return store
  }

  @Test func jsonRoundTripIntoAnEmptyHome() throws {
    let source = try TemporaryFolder()
    let store = try populated(source)
    let backup = try store.backup(now: Date(iso8601: "2024-06-01T00:00:00Z"))
    let data = try ProgressBackup.encoder().encode(backup)
    let decoded = try ProgressBackup.decoder().decode(ProgressBackup.self, from: data)
    #expect(decoded == backup)

    let target = try TemporaryFolder()
    let restored = try target.openStore()
    let summary = try restored.restore(decoded.validated(now: Date()), merge: false)
    #expect(summary.cardsAdded == 3 && summary.reviewsAdded == 5 && summary.selfTestsAdded == 1)
    #expect(try restored.cards() == store.cards())
    #expect(try restored.reviewLog().map(\.time) == store.reviewLog().map(\.time))
    #expect(try restored.setting("new_per_day") == "5")
    #expect(try restored.known() == ["学"])
    #expect(try restored.check().isHealthy)

    #expect(throws: ProgressError.homeNotEmpty(path: target.database)) {
      try restored.restore(decoded.validated(now: Date()), merge: false)
    }
    let again = try restored.restore(decoded.validated(now: Date()), merge: true)
    #expect(again.reviewsAdded == 0 && again.reviewsSkipped == 5 && again.cardsAdded == 0)
    #expect(try restored.reviewLog().count == 5)
  }

  @Test func mergeReplaysCardsThatGainedReviews() throws {
    let source = try TemporaryFolder()
    let store = try populated(source)
    let backup = try store.backup(now: Date())
    let target = try TemporaryFolder()
    let other = try target.openStore()
    _ = try other.addCards(["学"], at: Date(iso8601: "2024-04-01T00:00:00Z"))
    let summary = try other.restore(backup.validated(now: Date()), merge: true)
    #expect(summary.cardsSkipped == 1 && summary.reviewsAdded == 5 && summary.cardsRebuilt == 1)
    #expect(try other.card("学")?.card == store.card("学")?.card)
    #expect(try other.check().isHealthy)
  }

  @Test func csvHasTheOptimiserColumns() throws {
    let home = try TemporaryFolder()
    let store = try populated(home)
    let lines = try store.revlogCSV().split(separator: "\n")
    #expect(lines[0] == "card_id,review_time,review_rating,review_state,review_duration")
    #expect(lines.count == 6)
    #expect(
      lines[1]
        == "1,\(Int64(Date(iso8601: "2024-05-01T10:00:00Z").timeIntervalSince1970 * 1000)),3,0,0")
  }

  @Test func checkFindsATamperedCard() throws {
    let home = try TemporaryFolder()
    let store = try populated(home)
    #expect(try store.check().isHealthy)
    let db = try Database(path: home.database)
    try db.execute("UPDATE cards SET lapses = 5 WHERE kanji = '学'")
    let report = try store.check()
    #expect(report.integrity == ["ok"])
    #expect(report.mismatches.count == 1)
    #expect(report.mismatches[0].hasPrefix("学: lapses"))
  }

  @Test func statsSummarise() throws {
    let home = try TemporaryFolder()
    let store = try populated(home)
    let stats = try store.stats(now: Date(iso8601: "2024-05-01T12:00:00Z"))
    #expect(stats.cardsByState["new"] == 1)
    #expect(stats.cardsByState["review"] == 2)
    #expect(stats.totalReviews == 5)
    #expect(stats.forecast.count == 14)
    #expect(stats.forecast.reduce(0, +) == 2)
    #expect(stats.retentionReviews30Days == 1)
    #expect(stats.trueRetention30Days == 0)
  }
}

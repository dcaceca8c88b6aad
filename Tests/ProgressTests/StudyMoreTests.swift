import Foundation
import ProgressRecords
import TestSupport
import Testing

@testable import Progress

/// "Study more" in the store: today's extra new kanji, kept for the day as a dated setting, and
/// the reviews due after today.
@Suite struct StudyMoreTests {
  let now = Date(iso8601: "2024-05-01T12:00:00Z")

  @Test func extraNewKanjiRaiseTodaysLimitAndLastTheDayAcrossAReopen() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["一", "二", "三", "四", "五", "六", "七", "八"], at: now)
    try store.setSetting("new_per_day", "1")
    #expect(try store.sessionQueue(now: now).filter(\.isNew).count == 1)
    #expect(try store.setExtraNewToday(5, now: now) == 5)
    #expect(try store.sessionQueue(now: now).filter(\.isNew).count == 6)

    // Two studied: the day's one and one of the extra five, which leaves four.
    _ = try store.recordReview(ReviewInput(kanji: "一", time: now, rating: .good, isStudy: true))
    _ = try store.recordReview(ReviewInput(kanji: "二", time: now, rating: .good, isStudy: true))
    #expect(try store.sessionQueue(now: now).filter(\.isNew).count == 4)

    let reopened = try home.openStore()
    #expect(try reopened.extraNewToday(now: now) == 5)
    #expect(try reopened.sessionQueue(now: now).filter(\.isNew).count == 4)
    let tomorrow = now.addingTimeInterval(86_400)
    #expect(try reopened.extraNewToday(now: tomorrow) == 0)
    #expect(try reopened.sessionQueue(now: tomorrow).filter(\.isNew).count == 1)
  }

  @Test func theExtraIsCappedAndCheckedByTheCatalog() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    #expect(try store.setExtraNewToday(80, now: now) == ProgressStore.extraNewCap)
    let definition = try #require(SettingsCatalog.definition("extra_new_today"))
    #expect(definition.normalise("none") == "none")
    #expect(definition.normalise("19000:5") == "19000:5")
    #expect(throws: InvalidSettingValue.self) { try definition.validated("19000:51") }
    #expect(throws: InvalidSettingValue.self) { try definition.validated("5") }
  }

  @Test func reviewsAheadAreTheEarliestReviewCardsDueAfterToday() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["十", "二", "三"], at: now)
    _ = try store.recordReview(ReviewInput(kanji: "十", time: now, rating: .easy))
    _ = try store.recordReview(ReviewInput(kanji: "二", time: now, rating: .again))
    #expect(try store.sessionQueue(now: now).allSatisfy { $0.kanji != "十" })
    let ahead = try store.reviewsAhead(now: now, limit: 20)
    #expect(ahead.map(\.kanji) == ["十"])
    #expect(try store.reviewsAhead(now: now, limit: 0).isEmpty)
  }
}

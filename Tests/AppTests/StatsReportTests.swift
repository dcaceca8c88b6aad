import App
import Foundation
import Practice
import Progress
import ProgressRecords
import TestSupport
import Testing

@Suite struct StatsReportTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func figuresOfTheStoreWithReviewsPerDayAndTheSelfTestTrend() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["一", "二", "三"], at: start)
    let player = HistoryPlayer(store: store, start: start)
    // 一: now, ten minutes later (it graduates), and two days later; 二: now.
    _ = try player.play("一", [.good, .good, .good], failingGrade: nil)
    _ = try player.play("二", [.good], failingGrade: nil)
    try store.recordSelfTest(
      time: start,
      items: Fixtures.selfTestCharacters.map { SelfTestItem(kanji: $0, produced: true) },
      score: 100)
    // A test of one kanji is listed, but kept out of the trend.
    try store.recordSelfTest(
      time: start.addingTimeInterval(60), items: [SelfTestItem(kanji: "一", produced: false)],
      score: 0)
    let now = start.addingTimeInterval(3 * 86_400)
    let report = try StatsReport.load(store: store, now: now)
    #expect(report.reviewsPerDay.count == 30)
    #expect(report.reviewsPerDay.reduce(0, +) == 4)
    let lines = report.lines
    #expect(lines[0] == "Cards: new 1, learning 1, review 1, relearning 0")
    #expect(lines.contains("Reviews per day, last 30 days (most: 3):"))
    #expect(lines.contains("Due in the next 14 days:"))
    #expect(lines.contains { $0.hasPrefix("Self-tests (") })
    #expect(lines.contains { $0.hasSuffix("0/1  一  (1 kanji: not in the trend)") })
    #expect(lines.contains("Latest 100%; take another test in a few weeks to see the trend."))
    // The gap: 一 and 二 reviewed; recall over both tests, the one-kanji test included.
    #expect(lines.contains("Your gap:"))
    #expect(
      lines.contains(
        "  Writing recall: 10 of 11 written completely (91%, 95%: 62–98%), over your last 2 self-tests."
      ))
    #expect(lines.contains("  Next self-test: in 18 days"))
    // The gap over the weeks, as a line chart under the figures: one week so far.
    #expect(lines.contains { $0.hasPrefix("  Kanji you read (⣀⣀ solid) and can write") })
    #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("05-2") })
    // The scheduler's section: 一's review two days after graduating is the one prediction.
    #expect(lines.contains("Scheduler (FSRS-6):"))
    #expect(lines.contains { $0.hasSuffix("100% of 1") })
  }
}

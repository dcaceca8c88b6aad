import Foundation
import Practice
import TestSupport
import Testing

@Suite struct TrendTests {
  /// 2026-11-02 (a Monday) plus `days`.
  func score(day: Int, produced: Int) -> SelfTestScore {
    let monday = Date(timeIntervalSince1970: 1_793_577_600)
    return SelfTestScore(
      date: monday.addingTimeInterval(Double(day) * 86_400 + 3600),
      kanji: Array(repeating: "一", count: 10), produced: produced)
  }

  @Test func changeSinceTheFirstAndTheLastTest() {
    let trend = SelfTestTrend(tests: [
      score(day: 14, produced: 8), score(day: 0, produced: 4), score(day: 7, produced: 7),
    ])
    #expect(trend.changeSinceFirst == 40)
    #expect(trend.changeSinceLast == 10)
    #expect(SelfTestTrend(tests: [score(day: 0, produced: 4)]).changeSinceFirst == nil)
  }

  /// A test of fewer kanji (`test --kanji 一二三`) is listed but does not move the trend.
  @Test func onlyTestsOfTenKanjiMakeTheTrend() {
    let monday = Date(timeIntervalSince1970: 1_793_577_600)
    let short = SelfTestScore(
      date: monday.addingTimeInterval(3 * 86_400), kanji: ["一", "二", "三"], produced: 0)
    let trend = SelfTestTrend(tests: [
      score(day: 0, produced: 4), short, score(day: 7, produced: 6),
    ])
    #expect(trend.tests.count == 2)
    #expect(trend.changeSinceLast == 20)
    let lines = SelfTestHistoryReport(tests: [short], calendar: .utc).lines
    #expect(lines.contains { $0.hasSuffix("0/3  一二三  (3 kanji: not in the trend)") })
    #expect(lines.last == "The trend counts tests of 10 kanji: `kanji-write test` asks them.")
  }

  @Test func weeksWithoutATestAreGaps() {
    let trend = SelfTestTrend(tests: [
      score(day: 0, produced: 4), score(day: 2, produced: 6), score(day: 21, produced: 9),
    ])
    let weeks = trend.weeks(calendar: .utc)
    #expect(weeks.map(\.percent) == [50, nil, nil, 90])
  }

  @Test func chartDrawsOneBarPairPerWeek() {
    let weeks = SelfTestTrend(tests: [
      score(day: 0, produced: 5), score(day: 14, produced: 10),
    ]).weeks(calendar: .utc)
    let lines = TrendChart().lines(weeks: weeks, calendar: .utc)
    #expect(lines.count == 10)
    #expect(lines[0] == "100% ┤       ██")
    #expect(lines[3] == "     │       ██")
    #expect(lines[4] == " 50% ┤ ██    ██")
    #expect(lines[7] == "     │ ██ ·· ██")
    #expect(lines[8] == "  0% └─────────")
    #expect(lines[9] == "       11-02 11-16")
  }
}

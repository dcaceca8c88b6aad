import Foundation
import Practice
import TestSupport
import Testing

@Suite struct ReportTests {
  @Test func weakListNamesStandingReasonsAndComponents() {
    let list = WeakList(
      kanji: [
        WeakKanji(
          kanji: "右", risk: 2, recall: 0.384, lapses: 9, leech: true, recentFailures: 2,
          recentReviews: 3, reasons: ["draws stroke 3 of 右 backwards, 3 times"]),
        WeakKanji(
          kanji: "紙", risk: 1, recall: 0.7, lapses: 0, leech: false, recentFailures: 1,
          recentReviews: 4, reasons: []),
        WeakKanji(
          kanji: "細", risk: 0.5, recall: 1, steps: true, lapses: 0, leech: false,
          recentFailures: 1, reasons: []),
      ],
      components: [
        WeakComponent(element: "糸", failures: 3, failedIn: ["紙"], practice: ["紙", "紅"])
      ])
    #expect(
      WeakListReport(list: list).lines == [
        "Weak kanji, most at risk first:",
        " 1. 右  leech, recall now 38%, 9 lapses, failed 2 of 3 recent reviews",
        "        draws stroke 3 of 右 backwards, 3 times",
        " 2. 紙  recall now 70%, failed 1 of 4 recent reviews",
        " 3. 細  relearning, failed 1 of 1 recent review",
        "",
        "Components you keep getting wrong:",
        "  糸  wrong in 3 drawings of 紙; practise 紙 紅",
        "",
        "Practise them now: kanji-write weak --session (or --component 糸)",
      ])
  }

  @Test func historyListsEveryTestAndTheChange() {
    let start = Date(timeIntervalSince1970: 1_793_577_600)  // 2026-11-02
    let tests = [(0, 6), (14, 9), (7, 7)].map { day, produced in
      SelfTestScore(
        date: start.addingTimeInterval(Double(day) * 86_400 + 3600),
        kanji: "一二三四五六七八九十".map(String.init), produced: produced)
    }
    // Narrow: the weekly bars (LineChartTests covers the wide line chart).
    let lines = SelfTestHistoryReport(tests: tests, calendar: .utc, columns: 34).lines
    #expect(lines[1] == "  2026-11-02   60%  6/10  一二三四五六七八九十")
    #expect(lines[3] == "  2026-11-16   90%  9/10  一二三四五六七八九十")
    #expect(lines.contains("100% ┤       ▂▂"))
    #expect(
      lines.last
        == "Latest 90%: +30 points since the first test (2026-11-02), +20 points since the previous one (2026-11-09)."
    )
  }

  @Test func historyWithoutTestsSaysHowToStart() {
    #expect(SelfTestHistoryReport(tests: [], calendar: .utc).lines.count == 1)
  }
}

import Foundation
import Practice
import TestSupport
import Testing

@Suite struct LineChartTests {
  /// 2026-11-02, a Monday, plus `days`.
  func day(_ days: Double) -> Date {
    Date(timeIntervalSince1970: 1_793_577_600 + days * 86_400)
  }

  /// The dots set in one plot row, counted over its braille cells.
  func dots(_ line: Substring) -> Int {
    line.unicodeScalars.reduce(0) { total, scalar in
      guard (0x2800...0x28FF).contains(scalar.value) else { return total }
      return total + (scalar.value - 0x2800).nonzeroBitCount
    }
  }

  @Test func aRisingLineGoesFromTheBottomLeftToTheTopRightWithAxesAndDates() {
    let series = LineChart.Series(points: [(day(0), 0), (day(7), 50), (day(14), 100)])
    let lines = LineChart(columns: 40, rows: 8).lines(
      series: [series], maximum: 100, label: { "\(Int($0))%" }, calendar: .utc)
    #expect(lines.count == 10)
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(lines[0].hasPrefix("100% ┤"))
    #expect(lines[4].hasPrefix(" 50% ┤"))
    #expect(lines[8] == "  0% └" + String(repeating: "─", count: 34))
    #expect(lines[9].hasPrefix("      11-02"))
    #expect(lines[9].hasSuffix("11-16"))
    // The plot starts right of the axis: its first cell is the top row's last one and the
    // bottom row's first one.
    let top = lines[0].dropFirst(6)
    let bottom = lines[7].dropFirst(6)
    #expect(top.last != " " && top.first == " ")
    #expect(bottom.first != " " && bottom.last == " ")
    #expect((0..<8).allSatisfy { dots(lines[$0].dropFirst(6)) > 0 })
  }

  @Test func aDottedLineSetsAboutHalfTheDotsOfASolidOne() {
    let points = [(date: day(0), value: 10.0), (date: day(28), value: 10.0)]
    let chart = LineChart(columns: 60, rows: 4)
    let solid = chart.lines(
      series: [.init(points: points)], maximum: 20, label: { "\(Int($0))" }, calendar: .utc)
    let dotted = chart.lines(
      series: [.init(points: points, dotted: true)], maximum: 20, label: { "\(Int($0))" },
      calendar: .utc)
    let solidDots = solid.prefix(4).map { dots($0.dropFirst(4)) }.reduce(0, +)
    let dottedDots = dotted.prefix(4).map { dots($0.dropFirst(4)) }.reduce(0, +)
    #expect(solidDots > 100)
    #expect(abs(Double(dottedDots) / Double(solidDots) - 0.5) < 0.1)
  }

  @Test func aSinglePointIsShownInTheMiddle() {
    let lines = LineChart(columns: 40, rows: 4).lines(
      series: [.init(points: [(day(3), 70)])], maximum: 100, label: { "\(Int($0))%" },
      calendar: .utc)
    let plotted = lines.prefix(4).enumerated().filter { dots($0.element.dropFirst(6)) > 0 }
    #expect(plotted.count == 1)
    let row = plotted[0].element.dropFirst(6)
    let column = row.distance(from: row.startIndex, to: row.firstIndex { $0 != " " }!)
    #expect(abs(column - 17) <= 1)
  }

  /// Reading 10 kanji from day 0 and 10 more from day 10; tests on day 1 (5 of 10) and day 15
  /// (8 of 10): each week's end counts what was read and tested by then.
  @Test func theGapWeekByWeekCountsWhatWasReadAndTestedByThen() {
    let readable = Array(repeating: day(0), count: 10) + Array(repeating: day(10), count: 10)
    let first = [true, true, true, true, true, false, false, false, false, false]
    let second = Array(repeating: true, count: 8) + [false, false]
    let history = GapHistory(
      readableSince: readable, tests: [(day(15), second), (day(1), first)], now: day(20),
      calendar: .utc)
    #expect(history.points.map(\.date) == [day(7), day(14), day(20)])
    #expect(history.points.map(\.gap.readingLevel) == [10, 20, 20])
    #expect(history.points.map(\.gap.writable) == [5, 10, 13])
    #expect(history.points.map(\.gap.gap) == [5, 10, 7])
    let chart = history.chartLines(columns: 60, calendar: .utc)
    #expect(chart[0].hasPrefix("Kanji you read"))
    #expect(chart[1].hasPrefix("20 ┤"))
    #expect(chart.last?.hasSuffix("11-22") == true)
  }

  @Test func noGapHistoryBeforeTheFirstTest() {
    let history = GapHistory(
      readableSince: [day(0)], tests: [], now: day(30), calendar: .utc)
    #expect(history.points.isEmpty)
    #expect(history.chartLines(columns: 80, calendar: .utc).isEmpty)
  }

  /// The history is a braille line on a wide screen and weekly bars on a narrow one.
  @Test func theHistoryChartIsALineWhenWideAndBarsWhenNarrow() {
    let tests = [4, 6, 9].enumerated().map { index, produced in
      SelfTestScore(
        date: day(Double(index) * 10), kanji: Array(repeating: "一", count: 10),
        produced: produced)
    }
    let wide = SelfTestHistoryReport(tests: tests, calendar: .utc, columns: 80).lines
    let narrow = SelfTestHistoryReport(tests: tests, calendar: .utc, columns: 34).lines
    #expect(wide.contains { $0.hasPrefix("100% ┤") && dots($0.dropFirst(6)) > 0 })
    #expect(!wide.contains { $0.contains("█") })
    #expect(narrow.contains { $0.contains("██") })
    #expect(!narrow.contains { dots($0[...]) > 0 })
  }
}

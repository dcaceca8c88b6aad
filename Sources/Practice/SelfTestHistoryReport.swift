import Foundation

/// Every self-test, the trend chart and the change since the first and the previous test, as
/// plain text for `kanji-write test --history` and the app's screen.
public struct SelfTestHistoryReport: Sendable {
  public var trend: SelfTestTrend
  /// Every test, those outside the trend too, oldest first.
  public var tests: [SelfTestScore]
  public var calendar: Calendar
  /// The width the chart may take: a braille line chart of every test from
  /// `LineChart.minimumColumns` on, weekly bars below that.
  public var columns: Int

  public init(tests: [SelfTestScore], calendar: Calendar = .current, columns: Int = 80) {
    self.trend = SelfTestTrend(tests: tests)
    self.tests = tests.sorted { $0.date < $1.date }
    self.calendar = calendar
    self.columns = columns
  }

  public var lines: [String] {
    guard !tests.isEmpty else {
      return ["No self-tests yet: `kanji-write test` asks ten kanji you can read."]
    }
    var lines = ["Self-tests (kanji written completely from meaning and reading alone):"]
    for test in tests {
      let aside =
        SelfTestTrend.counts(test) ? "" : "  (\(test.kanji.count) kanji: not in the trend)"
      lines.append(
        "  \(day(test.date))  \(Self.percent(test.percent))  \(test.produced)/\(test.kanji.count)  "
          + test.kanji.joined() + aside)
    }
    guard let latest = trend.tests.last else {
      lines.append("")
      lines.append(
        "The trend counts tests of \(SelfTest.size) kanji: `kanji-write test` asks them.")
      return lines
    }
    lines.append("")
    lines += chartLines
    lines.append("")
    var summary = "Latest \(Self.percent(latest.percent).trimmingCharacters(in: .whitespaces))"
    if let sinceFirst = trend.changeSinceFirst, let sinceLast = trend.changeSinceLast {
      let first = trend.tests[0]
      let previous = trend.tests[trend.tests.count - 2]
      summary +=
        ": \(Self.change(sinceFirst)) since the first test (\(day(first.date))), "
        + "\(Self.change(sinceLast)) since the previous one (\(day(previous.date)))."
    } else {
      summary += "; take another test in a few weeks to see the trend."
    }
    lines.append(summary)
    return lines
  }

  /// The scores test by test as a line, or week by week as bars on a narrow screen.
  var chartLines: [String] {
    guard columns >= LineChart.minimumColumns else {
      return TrendChart().lines(weeks: trend.weeks(calendar: calendar), calendar: calendar)
    }
    let scores = trend.tests.map { (date: $0.date, value: $0.percent) }
    return LineChart(columns: columns, rows: 8).lines(
      series: [.init(points: scores)], maximum: 100, label: { "\(Int($0.rounded()))%" },
      calendar: calendar)
  }

  /// " 70%", right-aligned so the columns line up.
  static func percent(_ value: Double) -> String {
    let text = "\(Int(value.rounded()))%"
    return String(repeating: " ", count: max(0, 4 - text.count)) + text
  }

  /// "+20 points", "-10 points", "no change".
  static func change(_ points: Double) -> String {
    let rounded = Int(points.rounded())
    switch rounded {
    case 0: return "no change"
    case 1: return "+1 point"
    case -1: return "-1 point"
    case 1...: return "+\(rounded) points"
    default: return "\(rounded) points"
    }
  }

  func day(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }
}

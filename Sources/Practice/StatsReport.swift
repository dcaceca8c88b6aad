import Foundation
import ProgressRecords
import Scheduler

/// The app's statistics screen, as plain text: cards by state, reviews per day over the last 30
/// days, true retention, the due forecast, the self-test trend and the streak, the same figures
/// as `kanji-write stats`.
public struct StatsReport: Sendable {
  public var stats: ProgressStats
  /// Reviews on each of the last 30 learner days, oldest first, today last.
  public var reviewsPerDay: [Int]
  public var selfTests: [SelfTestScore]
  public var now: Date
  public var clock: DayClock
  /// Kanji read against kanji probably written; nil leaves the section out.
  public var gap: WritingGap?
  /// When the next self-test is due; nil when none was taken yet.
  public var nextSelfTest: Date?
  /// The gap week by week, drawn when the page is wide enough for a line chart.
  public var gapHistory: GapHistory?
  /// The width the charts may take.
  public var columns: Int
  /// The scheduler's calibration and fit; nil leaves the section out.
  public var calibration: CalibrationReport?

  public init(
    stats: ProgressStats, reviewsPerDay: [Int], selfTests: [SelfTestScore], now: Date,
    clock: DayClock, gap: WritingGap? = nil, nextSelfTest: Date? = nil,
    calibration: CalibrationReport? = nil, gapHistory: GapHistory? = nil, columns: Int = 80
  ) {
    self.calibration = calibration
    self.gapHistory = gapHistory
    self.columns = columns
    self.gap = gap
    self.nextSelfTest = nextSelfTest
    self.stats = stats
    self.reviewsPerDay = reviewsPerDay
    self.selfTests = selfTests
    self.now = now
    self.clock = clock
  }

  public var lines: [String] {
    let states = ["new", "learning", "review", "relearning"]
    var lines = [
      "Cards: " + states.map { "\($0) \(stats.cardsByState[$0] ?? 0)" }.joined(separator: ", ")
        + (stats.leeches > 0 ? "; \(stats.leeches) leeches" : ""),
      "Today: \(stats.reviewsToday) reviews, \(stats.newToday) new; "
        + "streak \(stats.streakDays) day\(stats.streakDays == 1 ? "" : "s")",
    ]
    if let retention = stats.trueRetention30Days {
      lines.append(
        String(
          format: "True retention, last 30 days: %.1f%% of %d reviews", retention * 100,
          stats.retentionReviews30Days))
    } else {
      lines.append("True retention, last 30 days: no reviews of graduated cards yet")
    }
    let peak = reviewsPerDay.max() ?? 0
    lines.append("")
    lines.append("Reviews per day, last 30 days (most: \(peak)):")
    lines.append("  " + Self.sparkline(reviewsPerDay))
    lines.append("")
    lines.append("Due in the next 14 days:")
    lines += DueForecast.lines(stats.forecast, now: now, clock: clock)
    lines.append("")
    lines +=
      SelfTestHistoryReport(tests: selfTests, calendar: Self.calendar(clock), columns: columns)
      .lines
    if let gap {
      lines.append("")
      lines.append("Your gap:")
      lines += gap.lines.map { "  " + $0 }
      lines.append("  Next self-test: " + WritingGap.nextTestText(nextSelfTest, now: now))
      if let gapHistory, columns >= LineChart.minimumColumns {
        let chart = gapHistory.chartLines(columns: columns - 2, calendar: Self.calendar(clock))
        if !chart.isEmpty {
          lines.append("")
          lines += chart.map { "  " + $0 }
        }
      }
    }
    if let calibration {
      lines.append("")
      lines += calibration.lines
    }
    return lines
  }

  /// One eighth-block bar per value, scaled to the largest.
  static func sparkline(_ values: [Int]) -> String {
    let peak = max(values.max() ?? 0, 1)
    return String(
      values.map { value in
        value == 0
          ? "·" : TrendChart.eighths[max(1, Int((Double(value) / Double(peak) * 8).rounded()))]
      })
  }

  public static func calendar(_ clock: DayClock) -> Calendar {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = clock.timeZone
    return calendar
  }
}

/// The due forecast as one bar per day, scaled to 40 columns: `kanji-write stats` and the app.
enum DueForecast {
  static func lines(_ counts: [Int], now: Date, clock: DayClock) -> [String] {
    let peak = max(counts.max() ?? 0, 1)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = clock.timeZone
    formatter.dateFormat = "EEE MM-dd"
    let today = clock.dayNumber(now)
    return counts.enumerated().map { offset, count in
      let day = formatter.string(from: clock.start(ofDay: today + offset))
      let width = count == 0 ? 0 : max(1, count * 40 / peak)
      return "  \(day) \(String(repeating: "█", count: width)) \(count)"
    }
  }
}

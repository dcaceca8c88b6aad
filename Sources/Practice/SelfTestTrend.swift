import Foundation
import ProgressRecords

/// The self-test scores over time: the change since the first and the previous test, and the
/// mean score of each week. Only tests of `SelfTest.size` kanji count: a test of three kanji
/// (`test --kanji`) says little about recall and would make the trend jump.
public struct SelfTestTrend: Sendable {
  /// The tests that count, oldest first.
  public let tests: [SelfTestScore]

  public init(tests: [SelfTestScore]) {
    self.tests = tests.filter(Self.counts).sorted { $0.date < $1.date }
  }

  /// Whether a test counts in the trend.
  public static func counts(_ test: SelfTestScore) -> Bool {
    test.kanji.count == SelfTest.size
  }

  /// The latest score minus the first one, in percentage points; nil before a second test.
  public var changeSinceFirst: Double? {
    guard tests.count > 1, let first = tests.first, let last = tests.last else { return nil }
    return last.percent - first.percent
  }

  /// The latest score minus the one before it, in percentage points.
  public var changeSinceLast: Double? {
    guard tests.count > 1 else { return nil }
    return tests[tests.count - 1].percent - tests[tests.count - 2].percent
  }

  /// One entry per week from the first test's week to the last one's, weeks without a test
  /// included (with no score), so gaps show in a chart.
  public func weeks(calendar: Calendar) -> [WeekScore] {
    guard let first = tests.first, let last = tests.last else { return [] }
    let byWeek = Dictionary(grouping: tests) { calendar.weekStart(of: $0.date) }
    var weeks: [WeekScore] = []
    var week = calendar.weekStart(of: first.date)
    let lastWeek = calendar.weekStart(of: last.date)
    while week <= lastWeek {
      let scores = byWeek[week]?.map(\.percent)
      weeks.append(
        WeekScore(start: week, percent: scores.map { $0.reduce(0, +) / Double($0.count) }))
      guard let next = calendar.date(byAdding: .day, value: 7, to: week) else { break }
      week = calendar.weekStart(of: next)
    }
    return weeks
  }
}

/// The mean self-test score of one week; nil when no test was taken that week.
public struct WeekScore: Hashable, Sendable {
  public var start: Date
  public var percent: Double?
}

extension Calendar {
  /// The start of the week holding `date`, by this calendar's first weekday.
  func weekStart(of date: Date) -> Date {
    dateInterval(of: .weekOfYear, for: date)?.start ?? startOfDay(for: date)
  }
}

extension SelfTestScore {
  /// A stored self-test's score.
  public init(_ record: SelfTestRecord) {
    self.init(
      date: record.time, kanji: record.items.map(\.kanji),
      produced: record.items.filter(\.produced).count)
  }
}

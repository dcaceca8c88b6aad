import Foundation

/// The gap week by week: at the end of each week since the first self-test, the kanji the
/// learner could read by then and how many of them they could probably write, by the tests
/// taken up to then. What the reading level and the writing recall were, not what they are.
public struct GapHistory: Sendable {
  /// One week's figures, measured at `date` (the week's end, or now for the current week).
  public struct Point: Equatable, Sendable {
    public var date: Date
    public var gap: WritingGap
  }

  public let points: [Point]

  /// - Parameters:
  ///   - readableSince: for each kanji the learner can read, since when (added to the known
  ///     set, or first reviewed).
  ///   - tests: each self-test's time and answers.
  public init(
    readableSince: [Date], tests: [(time: Date, produced: [Bool])], now: Date,
    calendar: Calendar
  ) {
    let tests = tests.sorted { $0.time > $1.time }
    guard let first = tests.last?.time, first <= now else {
      points = []
      return
    }
    let since = readableSince.sorted()
    var points: [Point] = []
    var week = calendar.weekStart(of: first)
    while week <= now {
      guard let next = calendar.date(byAdding: .day, value: 7, to: week) else { break }
      let end = min(next, now)
      let reading = Self.count(since, upTo: end)
      let taken = tests.filter { $0.time <= end }.map(\.produced)
      points.append(Point(date: end, gap: WritingGap(readingLevel: reading, tests: taken)))
      week = next
    }
    self.points = points
  }

  /// How many of the sorted dates are at or before `end`.
  static func count(_ sorted: [Date], upTo end: Date) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] <= end { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The chart: kanji read (solid) and kanji probably written (dotted) over the weeks, the gap
  /// the space between; a legend line first. Empty before the first self-test.
  public func chartLines(columns: Int, calendar: Calendar) -> [String] {
    guard !points.isEmpty else { return [] }
    let read = points.map { (date: $0.date, value: Double($0.gap.readingLevel)) }
    let written = points.compactMap { point in
      point.gap.writable.map { (date: point.date, value: Double($0)) }
    }
    let top = Self.axisTop(read.map(\.value).max() ?? 0)
    let chart = LineChart(columns: columns, rows: 8).lines(
      series: [
        .init(points: read, marked: false), .init(points: written, dotted: true, marked: false),
      ], maximum: top,
      label: { "\(Int($0.rounded()))" }, calendar: calendar)
    return ["Kanji you read (⣀⣀ solid) and can write (⡀⡀ dotted), week by week:"] + chart
  }

  /// A round number at or above `value` for the top of the axis: 10, 20, 50, 100, 200...
  static func axisTop(_ value: Double) -> Double {
    var step = 10.0
    while true {
      for factor in [1.0, 2.0, 5.0] where step * factor >= value { return step * factor }
      step *= 10
    }
  }
}

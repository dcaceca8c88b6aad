import Foundation

/// Draws weekly self-test scores as a bar chart in plain text (block characters, eighths of a
/// row), one column pair per week, for the terminal and the app's screen alike.
public struct TrendChart: Sendable {
  public var rows = 8
  /// At most this many of the latest weeks are drawn, so the chart fits 80 columns.
  public var maxWeeks = 24

  public init() {}

  static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The chart's lines, top first, with a percentage axis on the left and the first and last
  /// week's dates below.
  public func lines(weeks allWeeks: [WeekScore], calendar: Calendar) -> [String] {
    let weeks = Array(allWeeks.suffix(maxWeeks))
    guard !weeks.isEmpty else { return [] }
    let rowSpan = 100 / Double(rows)
    var lines: [String] = []
    for row in 0..<rows {
      let low = Double(rows - 1 - row) * rowSpan
      let label =
        row == 0 ? "100% ┤" : row == rows / 2 ? " 50% ┤" : "     │"
      var line = label
      for week in weeks {
        let cell: Character
        if let percent = week.percent {
          let fill = min(max((percent - low) / rowSpan, 0), 1)
          cell = Self.eighths[Int((fill * 8).rounded())]
        } else {
          cell = row == rows - 1 ? "·" : " "
        }
        line += " " + String(repeating: cell, count: 2)
      }
      lines.append(line)
    }
    lines.append("  0% └" + String(repeating: "─", count: weeks.count * 3))
    let first = Self.day(weeks[0].start, calendar: calendar)
    var axis = "       " + first
    if weeks.count > 1 {
      let last = Self.day(weeks[weeks.count - 1].start, calendar: calendar)
      let lastColumn = 7 + (weeks.count - 1) * 3
      axis += String(repeating: " ", count: max(1, lastColumn - axis.count)) + last
    }
    lines.append(axis)
    return lines
  }

  /// "11-23": month and day, enough to place a week on the axis.
  static func day(_ date: Date, calendar: Calendar) -> String {
    let parts = calendar.dateComponents([.month, .day], from: date)
    return String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
  }
}

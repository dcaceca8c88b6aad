import Foundation

/// Draws values over time as braille lines in plain text, with a value axis on the left and
/// dates below: the self-test history and the gap over the weeks, for the terminal and the
/// app's screen alike. Braille gives each cell 2 x 4 dots, so a 40-column chart has 80 steps
/// across and a line's slope shows where bars would only show heights.
public struct LineChart: Sendable {
  /// One line of the chart. A dotted line is told from a solid one without colour.
  public struct Series: Sendable {
    public var points: [(date: Date, value: Double)]
    public var dotted: Bool
    /// Whether each point gets a mark of its own: for a few measurements (self-tests), not for
    /// a figure sampled every week.
    public var marked: Bool

    public init(points: [(date: Date, value: Double)], dotted: Bool = false, marked: Bool = true) {
      self.points = points.sorted { $0.date < $1.date }
      self.dotted = dotted
      self.marked = marked
    }
  }

  /// The whole chart's width, the axis labels included.
  public var columns: Int
  /// Rows of the plot, the axis and the dates not included.
  public var rows: Int

  /// Below this many columns the plot is too narrow to read; callers draw bars instead.
  public static let minimumColumns = 40

  public init(columns: Int, rows: Int = 8) {
    self.columns = columns
    self.rows = max(2, rows)
  }

  /// The chart's lines, top first. `maximum` is the top of the value axis (the bottom is 0);
  /// `label` writes a value for the axis ("100%", "30").
  public func lines(
    series: [Series], maximum: Double, label: (Double) -> String, calendar: Calendar
  ) -> [String] {
    let all = series.flatMap(\.points)
    guard let first = all.map(\.date).min(), let last = all.map(\.date).max(), maximum > 0
    else { return [] }
    let labels = [label(maximum), label(maximum / 2), label(0)]
    let labelWidth = labels.map(\.count).max() ?? 0
    let plotColumns = max(4, columns - labelWidth - 2)
    var canvas = BrailleCanvas(columns: plotColumns, rows: rows)
    // One point alone, or points of one day, sit in the middle of a week-wide axis.
    let span = max(last.timeIntervalSince(first), 0)
    let start = span > 0 ? first : first.addingTimeInterval(-3.5 * 86_400)
    let width = span > 0 ? span : 7 * 86_400
    func dot(_ point: (date: Date, value: Double)) -> (x: Double, y: Double) {
      let x = point.date.timeIntervalSince(start) / width * Double(canvas.dotWidth - 1)
      let share = min(max(point.value / maximum, 0), 1)
      return (x, (1 - share) * Double(canvas.dotHeight - 1))
    }
    for line in series {
      let dots = line.points.map(dot)
      canvas.polyline(dots, dotted: line.dotted)
      // A marked point is a 2 x 2 mark, and so is a lone point, or it would hardly show.
      if line.marked || dots.count == 1 { for point in dots { canvas.mark(point) } }
    }
    var lines: [String] = []
    for (row, plot) in canvas.lines.enumerated() {
      let text: String
      let tick: String
      switch row {
      case 0: (text, tick) = (labels[0], "┤")
      case rows / 2: (text, tick) = (labels[1], "┤")
      default: (text, tick) = ("", "│")
      }
      lines.append(Self.padded(text, labelWidth) + " " + tick + plot)
    }
    lines.append(
      Self.padded(labels[2], labelWidth) + " └" + String(repeating: "─", count: plotColumns))
    lines.append(
      String(repeating: " ", count: labelWidth + 2)
        + dateAxis(from: start, width: width, columns: plotColumns, calendar: calendar))
    return lines
  }

  /// The dates under the plot: the first and the last, and between them as many as fit with
  /// room to spare, each starting at its own column.
  func dateAxis(from start: Date, width: TimeInterval, columns: Int, calendar: Calendar)
    -> String
  {
    let labelLength = 5
    var slots = Array(repeating: Character(" "), count: columns)
    let count = max(2, min(5, columns / (labelLength * 2)))
    for index in 0..<count {
      let share = Double(index) / Double(count - 1)
      let text = TrendChart.day(start.addingTimeInterval(share * width), calendar: calendar)
      let column = min(columns - labelLength, Int((share * Double(columns - 1)).rounded()))
      guard column >= 0 else { continue }
      for (offset, character) in text.enumerated() { slots[column + offset] = character }
    }
    return String(slots).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
  }

  static func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}

extension BrailleCanvas {
  /// A line through points in dot coordinates; dotted, every other dot along the whole line is
  /// left out, so the pattern runs on evenly from one segment to the next.
  mutating func polyline(_ points: [(x: Double, y: Double)], dotted: Bool) {
    var path: [(x: Int, y: Int)] = []
    for (a, b) in zip(points, points.dropFirst()) {
      let steps = Int(max(abs(b.x - a.x), abs(b.y - a.y)).rounded(.up))
      for step in 0...max(steps, 0) {
        let t = steps == 0 ? 0 : Double(step) / Double(steps)
        let dot = (
          x: Int((a.x + (b.x - a.x) * t).rounded()), y: Int((a.y + (b.y - a.y) * t).rounded())
        )
        if let last = path.last, last == dot { continue }
        path.append(dot)
      }
    }
    for (index, dot) in path.enumerated() where !dotted || index % 2 == 0 {
      set(x: dot.x, y: dot.y)
    }
  }

  /// A 2 x 2 mark at a point, kept inside the canvas.
  mutating func mark(_ point: (x: Double, y: Double)) {
    let x = min(max(Int(point.x.rounded()), 0), dotWidth - 2)
    let y = min(max(Int(point.y.rounded()), 0), dotHeight - 2)
    for dx in 0...1 { for dy in 0...1 { set(x: x + dx, y: y + dy) } }
  }
}

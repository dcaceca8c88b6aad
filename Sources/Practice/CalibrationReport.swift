import Foundation
import ProgressRecords

/// The progress page's view of the scheduler: predicted recall against actual in ten bins, for
/// one set of weights or two side by side (before and after fitting), true retention against
/// the desired one, the last fit, and whether it is time to fit again.
public struct CalibrationReport: Equatable, Sendable {
  /// One set of weights' calibration, under its title ("defaults", "fitted, in use").
  public struct Column: Equatable, Sendable {
    public var title: String
    public var calibration: Calibration

    public init(_ title: String, _ calibration: Calibration) {
      self.title = title
      self.calibration = calibration
    }
  }

  /// Anki's rule: fit again once the reviews have doubled since the last fit, and not before
  /// there are this many.
  public static let suggestAfterReviews = 400

  /// At most two, shown side by side.
  public var columns: [Column]
  /// Graded reviews in the log now.
  public var reviews: Int
  /// The figures of the fit in use, if the weights in use were fitted.
  public var lastFit: FitFigures?
  public var lastFitDate: Date?
  public var trueRetention: Double?
  public var desiredRetention: Double
  /// Whether the weights in use are FSRS-6's defaults (weights restored from a backup, say,
  /// may be neither the defaults nor a fit with figures).
  public var usesDefaults = true
  /// How to fit, said after the suggestion; nil leaves the suggestion out.
  public var fitHint: String? = "`kanji-write optimize` fits your weights to them"

  public init(
    columns: [Column], reviews: Int, lastFit: FitFigures?, lastFitDate: Date?,
    trueRetention: Double?, desiredRetention: Double
  ) {
    self.columns = columns
    self.reviews = reviews
    self.lastFit = lastFit
    self.lastFitDate = lastFitDate
    self.trueRetention = trueRetention
    self.desiredRetention = desiredRetention
  }

  /// Whether to suggest fitting: at least 400 graded reviews, and twice as many as the last
  /// fit used.
  public var suggestsFitting: Bool {
    reviews >= Self.suggestAfterReviews && reviews >= 2 * (lastFit?.reviews ?? 0)
  }

  public var lines: [String] {
    var lines = ["Scheduler (FSRS-6):"]
    let retention = trueRetention.map { String(format: "%.1f%%", $0 * 100) } ?? "not yet known"
    lines.append(
      "  True retention, last 30 days: \(retention); desired: "
        + String(format: "%.0f%%", desiredRetention * 100))
    if let lastFit, let lastFitDate {
      let day = ISO8601DateFormatter.string(
        from: lastFitDate, timeZone: .current, formatOptions: [.withFullDate])
      lines.append(
        "  Weights fitted \(day) to \(lastFit.reviews) reviews: "
          + String(
            format: "log loss %.4f (defaults %.4f), RMSE(bins) %.4f (defaults %.4f)",
            lastFit.logLoss, lastFit.defaultLogLoss, lastFit.rmseBins, lastFit.defaultRmseBins))
    } else {
      lines.append(
        usesDefaults
          ? "  Weights: the FSRS-6 defaults"
          : "  Weights: your own, without the figures of their fit")
    }
    if suggestsFitting, let fitHint {
      let since =
        lastFit.map { "twice the \($0.reviews) of the last fit" } ?? "and no fit yet"
      lines.append("  \(reviews) reviews, \(since): \(fitHint).")
    }
    lines.append("")
    lines.append("Predicted recall against actual (│ predicted, █ actual):")
    lines.append(
      Self.trimmed(
        "  predicted "
          + columns.map { $0.title.padding(toLength: 34, withPad: " ", startingAt: 0) }.joined()))
    for index in 0..<10 {
      let bins = columns.map { $0.calibration.bins[index] }
      guard bins.contains(where: { $0.count > 0 }) else { continue }
      let label = String(format: "%3d-%3d%%", index * 10, index * 10 + 10)
      lines.append(Self.trimmed("  \(label) " + bins.map(Self.cell).joined()))
    }
    if (columns.first?.calibration.count ?? 0) == 0 {
      lines.append("  no review on a later day than the card's previous one yet")
    }
    return lines
  }

  /// `line` without the padding its last column leaves.
  static func trimmed(_ line: String) -> String {
    String(line.reversed().drop { $0 == " " }.reversed())
  }

  /// "██████████▌   │   87% of 412 " in 34 columns: the actual share as a bar of 14, the
  /// predicted mean as a mark on it.
  static func cell(_ bin: Calibration.Bin) -> String {
    guard bin.count > 0 else { return String(repeating: " ", count: 34) }
    let width = 14
    var bar = Array(repeating: " ", count: width)
    let filled = Int((bin.actual * Double(width)).rounded())
    for i in 0..<filled { bar[i] = "█" }
    bar[min(width - 1, Int(bin.predicted * Double(width)))] = "│"
    let figures = String(format: " %3.0f%% of %d", bin.actual * 100, bin.count)
    return (bar.joined() + figures).padding(toLength: 34, withPad: " ", startingAt: 0)
  }
}

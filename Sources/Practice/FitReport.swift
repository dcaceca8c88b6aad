import Foundation
import ProgressRecords

/// The app's fit of the learner's FSRS weights: the progress bar while it runs, and the page of
/// its result (figures before and after, and the calibration of both), offering to save.
public enum FitReport {
  public static let title = "Fitting your FSRS weights"

  /// The screen while the fit runs: a bar of `fraction` (0 to 1) across the terminal.
  public static func progressScreen(fraction: Double, reviews: Int, columns: Int, rows: Int)
    -> Screen
  {
    var screen = Screen(columns: columns, rows: rows)
    screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    let width = max(10, min(60, columns - 10))
    let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
    let bar =
      "[" + String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
      + "]" + String(format: " %3.0f%%", min(max(fraction, 0), 1) * 100)
    screen.texts.append(TextItem(row: 2, column: 0, text: bar))
    screen.texts.append(
      TextItem(row: 4, column: 0, text: "\(reviews) reviews; this takes a few seconds."))
    return screen
  }

  /// What the fit found. `weights` is nil when there were too few reviews to fit.
  public static func lines(
    weights: [Double]?, onlyInitialStabilities: Bool, predicted: Int, figures: FitFigures,
    calibration: CalibrationReport
  ) -> [String] {
    var calibration = calibration
    calibration.fitHint = nil
    var lines = [
      "\(figures.reviews) reviews, \(predicted) on a later day than the card's previous review."
    ]
    guard let weights else {
      lines.append("Too few to fit (at least 8 are needed): the weights in use stay.")
      return lines
    }
    if onlyInitialStabilities {
      lines.append("Fewer than 64: only the initial stabilities w0-w3 were fitted.")
    }
    lines.append(
      String(
        format: "Log loss:   %.4f with the defaults, %.4f fitted (lower is better)",
        figures.defaultLogLoss, figures.logLoss))
    lines.append(
      String(
        format: "RMSE(bins): %.4f with the defaults, %.4f fitted", figures.defaultRmseBins,
        figures.rmseBins))
    lines.append("Weights:")
    for start in stride(from: 0, to: weights.count, by: 7) {
      let end = min(start + 7, weights.count)
      lines.append(
        String(format: "  w%d-w%d: ", start, end - 1).padding(
          toLength: 11, withPad: " ", startingAt: 0)
          + weights[start..<end].map { String(format: "%.4f", $0) }.joined(separator: " "))
    }
    lines.append("")
    return lines + calibration.lines
  }
}

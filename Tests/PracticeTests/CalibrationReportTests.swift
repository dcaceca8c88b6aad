import Foundation
import Practice
import ProgressRecords
import Testing

@Suite struct CalibrationReportTests {
  @Test func binsByTenthsOfPredictedRecall() {
    let calibration = Calibration(
      probabilities: [0.95, 0.91, 0.99, 0.55, 1.0, 0.0, 0.05],
      outcomes: [1, 1, 0, 1, 1, 0, 1])
    #expect(calibration.count == 7)
    let top = calibration.bins[9]
    #expect(top.lower == 0.9 && top.count == 4)
    #expect(abs(top.predicted - (0.95 + 0.91 + 0.99 + 1.0) / 4) < 1e-12)
    #expect(top.actual == 0.75)
    #expect(calibration.bins[5].count == 1 && calibration.bins[5].actual == 1)
    #expect(calibration.bins[0].count == 2 && calibration.bins[0].actual == 0.5)
    #expect(calibration.bins[3].count == 0)
  }

  static func report(reviews: Int, lastFit: Int?) -> CalibrationReport {
    CalibrationReport(
      columns: [
        .init(
          "weights in use",
          Calibration(probabilities: [0.85, 0.82, 0.88, 0.95], outcomes: [1, 0, 1, 1]))
      ],
      reviews: reviews,
      lastFit: lastFit.map {
        FitFigures(
          reviews: $0, logLoss: 0.41, rmseBins: 0.03, defaultLogLoss: 0.45, defaultRmseBins: 0.07)
      }, lastFitDate: lastFit == nil ? nil : Date(timeIntervalSince1970: 1_700_000_000),
      trueRetention: 0.874, desiredRetention: 0.9)
  }

  @Test func suggestsFittingFromFourHundredReviewsAndWhenTheyHaveDoubled() {
    #expect(!Self.report(reviews: 399, lastFit: nil).suggestsFitting)
    #expect(Self.report(reviews: 400, lastFit: nil).suggestsFitting)
    #expect(!Self.report(reviews: 799, lastFit: 400).suggestsFitting)
    #expect(Self.report(reviews: 800, lastFit: 400).suggestsFitting)
    #expect(!Self.report(reviews: 400, lastFit: 250).suggestsFitting)
    #expect(Self.report(reviews: 500, lastFit: 250).suggestsFitting)
  }

  @Test func linesShowRetentionTheLastFitAndTheBins() {
    var report = Self.report(reviews: 800, lastFit: 400)
    report.fitHint = "press o to fit your weights to them"
    let lines = report.lines
    #expect(lines[1] == "  True retention, last 30 days: 87.4%; desired: 90%")
    #expect(
      lines[2].hasSuffix(
        "to 400 reviews: log loss 0.4100 (defaults 0.4500), RMSE(bins) 0.0300 (defaults 0.0700)"))
    #expect(
      lines[3]
        == "  800 reviews, twice the 400 of the last fit: press o to fit your weights to them.")
    // Two bins hold reviews: 80-90 % (three, two recalled) and 90-100 % (one).
    let bins = lines.filter { $0.contains("% of ") }
    #expect(bins.count == 2)
    #expect(bins[0].hasPrefix("   80- 90% "))
    #expect(bins[0].contains(" 67% of 3"))
    #expect(bins[1].contains("100% of 1"))
    report.columns.append(
      .init(
        "fitted", Calibration(probabilities: [0.75, 0.72, 0.78, 0.95], outcomes: [1, 0, 1, 1])))
    let sideBySide = report.lines.filter { $0.contains("% of ") }
    #expect(
      report.lines.contains { $0.hasPrefix("  predicted weights in use") && $0.hasSuffix("fitted") }
    )
    // The 70-80 % bin holds only the fitted weights' three; 80-90 % only those in use.
    #expect(sideBySide.count == 3)
    #expect(sideBySide[0].hasPrefix("   70- 80%   ") && sideBySide[0].hasSuffix(" 67% of 3"))
    #expect(sideBySide[2].components(separatedBy: "100% of 1").count == 3)
    report.fitHint = nil
    #expect(!report.lines.contains { $0.contains("press o") })
    #expect(!Self.report(reviews: 100, lastFit: nil).lines.contains { $0.contains("reviews, ") })
    var restored = Self.report(reviews: 100, lastFit: nil)
    #expect(restored.lines[2] == "  Weights: the FSRS-6 defaults")
    restored.usesDefaults = false
    #expect(restored.lines[2] == "  Weights: your own, without the figures of their fit")
  }
}

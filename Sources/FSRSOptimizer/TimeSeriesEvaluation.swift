import Foundation
import Scheduler

/// Out-of-sample figures by fsrs-rs's `evaluate_with_time_series_splits`: the predictions in
/// time order cut into six equal segments (the first takes the remainder), and five folds, each
/// fitted on the segments before its test segment. The log loss is the plain mean over all the
/// test predictions; RMSE(bins) is computed over them with recency weights.
public struct TimeSeriesEvaluation: Sendable, Equatable {
  public static let folds = 5

  public var predictions: Int
  public var defaultLogLoss: Double
  public var defaultRmseBins: Double
  public var logLoss: Double
  public var rmseBins: Double

  /// Nil when the log has too few predictions for five folds of at least one each.
  public static func evaluate(_ history: ReviewHistory, progress: (Double) -> Void = { _ in })
    -> TimeSeriesEvaluation?
  {
    let n = history.predictions.count
    let testSize = n / (folds + 1)
    guard testSize > 0 else { return nil }
    let firstTest = n - folds * testSize
    let defaults = history.probabilities(.standard)
    var fitted = defaults
    for fold in 0..<folds {
      let start = firstTest + fold * testSize
      let fit = FSRSFit.fit(history, range: 0..<start) { fraction in
        progress((Double(fold) + fraction) / Double(folds))
      }
      guard let model = try? FSRS(parameters: fit.parameters) else { continue }
      let probabilities = history.probabilities(model)
      for index in start..<(start + testSize) { fitted[index] = probabilities[index] }
    }
    let tests = firstTest..<n
    let before = history.evaluate(probabilities: defaults, range: tests)
    let after = history.evaluate(probabilities: fitted, range: tests)
    return TimeSeriesEvaluation(
      predictions: tests.count, defaultLogLoss: before.unweightedLogLoss,
      defaultRmseBins: before.rmseBins, logLoss: after.unweightedLogLoss, rmseBins: after.rmseBins)
  }
}

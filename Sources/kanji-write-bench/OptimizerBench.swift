import FSRSOptimizer
import Foundation
import Scheduler

/// `make bench optimizer`: fitting the learner's FSRS-6 weights to the shared 12,580-review
/// log, in sample and out of sample (fsrs-rs's five time-series folds).
enum OptimizerBench {
  static func run() throws {
    let path = SchedulerBench.packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/srs/revlog.csv").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      print("optimizer: skipped (\(path) not found)")
      return
    }
    let log = try RevlogCSV.parse(text)
    let history = ReviewHistory(log, clock: DayClock(timeZone: .gmt, dayStartHour: 4))
    var fit: FSRSFit?
    let fitting = SchedulerBench.measure(repeats: 3) { fit = FSRSFit.fit(history) }
    guard let fit else { return }
    let before = history.evaluate(.standard)
    let after = history.evaluate(try FSRS(parameters: fit.parameters))
    print(
      String(
        format:
          "fit %d-review log (%d predictions, %d iterations): mean %.0f ms  [goal < 3000 ms]; in sample log loss %.6f -> %.6f [goal <= 0.4409; fsrs-rs 0.444428], RMSE(bins) %.6f -> %.6f [goal <= 0.045]",
        log.count, fit.reviews, fit.iterations, fitting.mean, before.logLoss, after.logLoss,
        before.rmseBins, after.rmseBins))
    var evaluation: TimeSeriesEvaluation?
    let evaluating = SchedulerBench.measure(repeats: 1) {
      evaluation = TimeSeriesEvaluation.evaluate(history)
    }
    guard let evaluation else { return }
    print(
      String(
        format:
          "evaluate (5 time-series folds, %d tested): %.0f ms  [goal < 15000 ms]; out of sample log loss defaults %.6f [goal 0.4422 +- 5e-4], fitted %.6f [goal <= 0.4370; fsrs-rs 0.4403], RMSE(bins) %.6f -> %.6f",
        evaluation.predictions, evaluating.mean, evaluation.defaultLogLoss, evaluation.logLoss,
        evaluation.defaultRmseBins, evaluation.rmseBins))
  }
}

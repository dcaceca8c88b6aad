import FSRSOptimizer
import Foundation
import Practice
import Progress
import ProgressRecords
import Scheduler

extension CalibrationReport {
  /// The calibration on the learner's log of the weights in use beside `fitted` ones, or, with
  /// none, of the defaults beside the weights in use when those were fitted (before and after
  /// fitting); with the last fit and the retention figures.
  static func load(
    store: ProgressStore, history: ReviewHistory, reviews: Int, trueRetention: Double?,
    fitted: ModelParameters? = nil
  ) throws -> CalibrationReport {
    let outcomes = history.predictions.map(\.outcome)
    func calibration(_ parameters: ModelParameters) throws -> Calibration {
      Calibration(
        probabilities: history.probabilities(try FSRS(parameters: parameters)),
        outcomes: outcomes)
    }
    let inUse = try store.modelVersions().last { $0.reverted == nil }
    let parameters = try store.modelParameters()
    let columns: [Column]
    if let fitted {
      columns = [
        Column("weights in use", try calibration(parameters)),
        Column("fitted", try calibration(fitted)),
      ]
    } else if inUse?.fit != nil {
      columns = [
        Column("defaults", try calibration(.fsrs6Default)),
        Column("fitted, in use", try calibration(parameters)),
      ]
    } else {
      columns = [Column("weights in use", try calibration(parameters))]
    }
    var report = CalibrationReport(
      columns: columns, reviews: reviews, lastFit: inUse?.fit,
      lastFitDate: inUse?.fit == nil ? nil : inUse?.created, trueRetention: trueRetention,
      desiredRetention: try store.schedulingConfig().desiredRetention)
    report.usesDefaults = parameters == .fsrs6Default
    return report
  }

  /// The progress page's section, from the store as it is now.
  public static func load(store: ProgressStore, now: Date) throws -> CalibrationReport {
    let log = try store.optimizerLog()
    return try load(
      store: store, history: ReviewHistory(log, clock: try store.clock()), reviews: log.count,
      trueRetention: try store.stats(now: now).trueRetention30Days)
  }
}

extension App {
  /// `o` on the progress page: fits the weights to the learner's log with a progress bar, then
  /// shows what the fit found and offers to save it (`s`); back on the progress page either way.
  func fitWeights() throws -> Destination? {
    let store = context.store
    let log = try store.optimizerLog()
    let history = ReviewHistory(log, clock: try store.clock())
    var shown = -1
    let fit = FSRSFit.fit(history) { fraction in
      // Redrawn at whole percents only: the fit calls back every iteration.
      let percent = Int(fraction * 100)
      guard percent != shown else { return }
      shown = percent
      terminal.show(
        FitReport.progressScreen(
          fraction: fraction, reviews: log.count, columns: terminal.columns, rows: terminal.rows))
    }
    let before = history.evaluate(.standard)
    let after = history.evaluate(try FSRS(parameters: fit.parameters))
    let figures = FitFigures(
      reviews: log.count, logLoss: after.logLoss, rmseBins: after.rmseBins,
      defaultLogLoss: before.logLoss, defaultRmseBins: before.rmseBins)
    let fitted = fit.scope == .defaults ? nil : fit.parameters
    let calibration = try CalibrationReport.load(
      store: store, history: history, reviews: log.count,
      trueRetention: try store.stats(now: Date()).trueRetention30Days, fitted: fitted)
    let lines = FitReport.lines(
      weights: fitted?.weights, onlyInitialStabilities: fit.scope == .initialStabilities,
      predicted: fit.reviews, figures: figures, calibration: calibration)
    let actions = fitted == nil ? [] : [TextPage.Action(key: "s", label: "save them")]
    var saveFailure: String?
    var page = TextPage(title: FitReport.title, lines: lines, actions: actions)
    let next = try run(
      &page,
      action: { key in
        guard key == "s", let fitted else { return nil }
        do {
          try store.saveFittedModel(fitted, figures: figures)
        } catch {
          saveFailure = "\(error)"
        }
        return .progress
      }, closeTo: .progress)
    guard let saveFailure else { return next }
    var failed = TextPage(title: FitReport.title, lines: ["Not saved: \(saveFailure)"])
    return try run(&failed, closeTo: .progress)
  }
}

import ArgumentParser
import FSRSOptimizer
import Foundation
import Progress
import ProgressRecords
import Scheduler

struct OptimizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optimize",
    abstract: "Fit the 21 FSRS-6 weights to your review log, and save them for your reviews.",
    discussion: """
      The fit minimises fsrs-rs's loss (recency-weighted cross-entropy of the predicted recall, \
      with a pull toward the defaults, within fsrs-rs's bounds). With fewer than 64 reviews on \
      a later day than the card's previous one, only the four initial stabilities are fitted; \
      with fewer than 8, the defaults stay. It asks before saving (--save saves at once); \
      saved weights are kept with their date and figures, and --revert goes back one version.
      """)

  @OptionGroup var home: HomeOption

  @Option(
    help:
      "Fit this review log CSV (card_id, review_rating, review_time, ...) instead of yours; days start at 04:00 UTC."
  )
  var revlog: String?

  @Flag(help: "Save the fitted weights without asking.")
  var save = false

  @Flag(
    help:
      "Out-of-sample figures instead: five folds in time order, each fitted on the reviews before it."
  )
  var evaluate = false

  @Flag(
    help:
      "Also propose a desired retention: a simulated year of study with the fitted weights at each retention from 0.70 to 0.95, the one with the least time per kanji remembered."
  )
  var retention = false

  @Flag(help: "Go back to the weights in use before the last saved ones.")
  var revert = false

  @Flag(help: "Print JSON.")
  var json = false

  func validate() throws {
    if revert && (revlog != nil || save || evaluate || retention) {
      throw CLIError("--revert takes no other option but --home and --json")
    }
    if evaluate && (save || retention) {
      throw CLIError("--evaluate only measures; fit without it to save or to --retention")
    }
  }

  func run() throws {
    if revert {
      try runRevert()
      return
    }
    // Opened as a reader: a home without a store is reported, not created; a writable store
    // opened so can still save the fit.
    let source = try ReviewSource.load(revlog: revlog, home: home)
    let history = ReviewHistory(source.log, clock: source.clock)
    if evaluate {
      try runEvaluate(history)
      return
    }
    let fit = FSRSFit.fit(history)
    let before = history.evaluate(.standard)
    let after = history.evaluate(try FSRS(parameters: fit.parameters))
    let figures = FitFigures(
      reviews: source.log.count, logLoss: after.logLoss, rmseBins: after.rmseBins,
      defaultLogLoss: before.logLoss, defaultRmseBins: before.rmseBins)
    let outcomes = retention ? try simulateRetention(fit, log: source.log) : nil
    if json {
      print(
        try CLI.json(
          OptimizeJSON(
            parameters: fit.weights, scope: fit.scope.rawValue, predictions: fit.reviews,
            logLoss: after.logLoss, rmseBins: after.rmseBins, defaultLogLoss: before.logLoss,
            defaultRmseBins: before.rmseBins,
            retention: outcomes.map {
              RetentionJSON(proposed: RetentionSimulation.best($0)?.retention, candidates: $0)
            })))
    } else {
      print(Self.describe(fit, figures: figures))
      if let outcomes { print(Self.describe(outcomes)) }
    }
    guard fit.scope != .defaults else { return }
    try offerToSave(fit, figures: figures, source: source)
  }

  static func describe(_ fit: FSRSFit, figures: FitFigures) -> String {
    var lines = [
      "\(figures.reviews) reviews, \(fit.reviews) predicted (on a later day than the card's previous review)"
    ]
    switch fit.scope {
    case .defaults:
      lines.append(
        "Fewer than \(FSRSFit.minimumReviews) predicted reviews: too few to fit, the default weights stay."
      )
      return lines.joined(separator: "\n")
    case .initialStabilities:
      lines.append(
        "Fewer than \(FSRSFit.fullFitReviews) predicted reviews: only the initial stabilities w0-w3 are fitted."
      )
    case .all:
      break
    }
    lines.append("Weights: \(format(fit.weights))")
    lines.append(
      String(
        format: "Log loss      %.6f -> %.6f", figures.defaultLogLoss, figures.logLoss))
    lines.append(
      String(format: "RMSE(bins)    %.6f -> %.6f", figures.defaultRmseBins, figures.rmseBins))
    lines.append("(in sample: defaults -> fitted)")
    return lines.joined(separator: "\n")
  }

  func simulateRetention(_ fit: FSRSFit, log: [LoggedReview]) throws -> [RetentionSimulation
    .Outcome]
  {
    var simulation = RetentionSimulation(model: try FSRS(parameters: fit.parameters))
    simulation.useRatings(of: log)
    return simulation.run()
  }

  static func describe(_ outcomes: [RetentionSimulation.Outcome]) -> String {
    guard let best = RetentionSimulation.best(outcomes) else { return "" }
    var lines = [
      "",
      "Desired retention: study time per kanji remembered after a simulated year (10 new a day):",
    ]
    for outcome in outcomes
    where Int((outcome.retention * 100).rounded()) % 5 == 0 || outcome == best {
      lines.append(
        String(
          format: "  %.2f  %5.1f s%@", outcome.retention, outcome.secondsPerKanji,
          outcome == best ? "  <- least" : ""))
    }
    lines.append(
      String(
        format: "Proposed: %.2f. To use it: kanji-write config desired_retention %.2f",
        best.retention, best.retention))
    return lines.joined(separator: "\n")
  }

  /// The weights as `replay --params` and `optimize` take and print them.
  static func format(_ weights: [Double]) -> String {
    weights.map { String(format: "%.6f", $0) }
      .map { $0.replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression) }
      .joined(separator: ",")
  }

  func offerToSave(_ fit: FSRSFit, figures: FitFigures, source: ReviewSource) throws {
    var answer = save
    if !save {
      guard !json, isatty(STDIN_FILENO) == 1 else {
        if !json { print("Not saved; run again with --save to use these weights.") }
        return
      }
      StandardStreams.output("Save these weights for your reviews? [y/N] ")
      answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
    }
    guard answer else {
      print("Not saved.")
      return
    }
    let store = try source.store ?? CLI.openStore(home)
    try store.saveFittedModel(fit.parameters, figures: figures)
    if !json {
      print("Saved: the next review uses them (`kanji-write optimize --revert` goes back).")
    }
  }

  func runEvaluate(_ history: ReviewHistory) throws {
    guard let result = TimeSeriesEvaluation.evaluate(history) else {
      throw CLIError(
        "only \(history.predictions.count) predicted reviews: --evaluate needs at least \(TimeSeriesEvaluation.folds + 1)"
      )
    }
    if json {
      print(
        try CLI.json(
          EvaluateJSON(
            predictions: result.predictions, logLoss: result.logLoss, rmseBins: result.rmseBins,
            defaultLogLoss: result.defaultLogLoss, defaultRmseBins: result.defaultRmseBins)))
      return
    }
    print(
      "Out of sample: \(TimeSeriesEvaluation.folds) folds in time order, \(result.predictions) predicted reviews tested"
    )
    print(
      String(
        format: "Defaults: log loss %.6f, RMSE(bins) %.6f", result.defaultLogLoss,
        result.defaultRmseBins))
    print(
      String(format: "Fitted:   log loss %.6f, RMSE(bins) %.6f", result.logLoss, result.rmseBins))
  }

  func runRevert() throws {
    // As a reader: a home without a store has nothing to revert and is not given one.
    let store = try CLI.openStore(home, access: .readOnly)
    let version = try store.revertModel()
    if json {
      print(
        try CLI.json(
          RevertJSON(parameters: version.parameters.weights, created: CLI.format(version.created))))
      return
    }
    let what = version.fit == nil ? "the default weights" : "the weights fitted"
    print(
      "Back to \(what) of \(CLI.local(version.created)): \(Self.format(version.parameters.weights))"
    )
  }
}

struct OptimizeJSON: Encodable {
  var parameters: [Double]
  var scope: String
  var predictions: Int
  var logLoss: Double
  var rmseBins: Double
  var defaultLogLoss: Double
  var defaultRmseBins: Double
  var retention: RetentionJSON?
}

struct RetentionJSON: Encodable {
  var proposed: Double?
  var candidates: [RetentionSimulation.Outcome]
}

struct EvaluateJSON: Encodable {
  var predictions: Int
  var logLoss: Double
  var rmseBins: Double
  var defaultLogLoss: Double
  var defaultRmseBins: Double
}

struct RevertJSON: Encodable {
  var parameters: [Double]
  var created: String
}

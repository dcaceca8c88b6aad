import ArgumentParser
import FSRSOptimizer
import Foundation
import Progress
import Scheduler

struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "How well FSRS-6 weights predict a review log: log loss and RMSE(bins).",
    discussion: """
      Every review on a later day than its card's previous one is predicted from the card's \
      earlier reviews; the log loss is weighted toward recent reviews (0.25 to 1), as fsrs-rs \
      evaluates. Without --revlog, replays your own log with the weights in use.
      """)

  @OptionGroup var home: HomeOption

  @Option(
    help:
      "A review log CSV (card_id, review_rating, review_time, ...; export --format csv writes one); days start at 04:00 UTC."
  )
  var revlog: String?

  @Option(
    help:
      "The 21 FSRS-6 weights, comma-separated (default: the ones in use, or the defaults with --revlog)."
  )
  var params: String?

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let source = try ReviewSource.load(revlog: revlog, home: home)
    let parameters = try params.map(Self.parseWeights) ?? source.parameters
    let model: FSRS
    do {
      model = try FSRS(parameters: parameters)
    } catch {
      throw CLIError("--params: \(error)")
    }
    let figures = ReviewHistory(source.log, clock: source.clock).evaluate(model)
    if json {
      print(
        try CLI.json(
          ReplayJSON(
            parameters: parameters.weights, predictions: figures.predictions,
            logLoss: figures.logLoss, unweightedLogLoss: figures.unweightedLogLoss,
            rmseBins: figures.rmseBins)))
      return
    }
    print(
      "\(source.log.count) reviews, \(figures.predictions) predicted (on a later day than the card's previous review)"
    )
    print("Weights: \(OptimizeCommand.format(parameters.weights))")
    print(
      String(
        format: "Log loss %.6f (unweighted %.6f), RMSE(bins) %.6f", figures.logLoss,
        figures.unweightedLogLoss, figures.rmseBins))
  }

  static func parseWeights(_ text: String) throws -> ModelParameters {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false)
    let values = fields.map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard values.allSatisfy({ $0?.isFinite == true }) else {
      throw CLIError("--params \(text): give 21 numbers separated by commas")
    }
    return ModelParameters(model: FSRS.modelName, weights: values.compactMap { $0 })
  }
}

struct ReplayJSON: Encodable {
  var parameters: [Double]
  var predictions: Int
  var logLoss: Double
  var unweightedLogLoss: Double
  var rmseBins: Double
}

/// The review log a command fits or replays: a CSV file, or the learner's own store.
struct ReviewSource {
  var log: [LoggedReview]
  var clock: DayClock
  /// The weights in use for the store; the defaults for a file.
  var parameters: ModelParameters
  var store: ProgressStore?

  static func load(revlog: String?, home: HomeOption) throws -> ReviewSource {
    guard let revlog else {
      let store = try CLI.openStore(home, access: .readOnly)
      return ReviewSource(
        log: try store.optimizerLog(), clock: try store.schedulingConfig().clock,
        parameters: try store.modelParameters(), store: store)
    }
    let text: String
    do {
      text = try String(contentsOfFile: revlog, encoding: .utf8)
    } catch {
      throw CLIError("cannot read the review log \(revlog): \(error.localizedDescription)")
    }
    do {
      return ReviewSource(
        log: try RevlogCSV.parse(text), clock: DayClock(timeZone: .gmt, dayStartHour: 4),
        parameters: .fsrs6Default, store: nil)
    } catch {
      throw CLIError("the review log \(revlog) cannot be read: \(error)")
    }
  }
}

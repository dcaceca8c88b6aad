import Foundation
import Scheduler
import Testing

@testable import FSRSOptimizer

@Suite struct FitTests {
  static let clock = DayClock(timeZone: .gmt, dayStartHour: 4)
  static let defaults = ModelParameters.fsrs6Default.weights

  /// A learner who forgets faster than the defaults expect, with a steeper curve.
  static let learner: [Double] = {
    var w = defaults
    w[0] = 0.1
    w[2] = 1.2
    w[8] = 1.5
    w[20] = 0.35
    return w
  }()

  @Test func fitBeatsTheTrueWeightsOnItsOwnObjective() throws {
    let log = try SyntheticLog(weights: Self.learner, cards: 150, reviewsPerCard: 8).make()
    let history = ReviewHistory(log, clock: Self.clock)
    let fit = FSRSFit.fit(history)
    #expect(fit.scope == .all)
    #expect(fit.reviews == history.predictions.count)
    let objective = TrainingObjective(
      history: history, range: history.predictions.indices, prior: Self.defaults,
      variables: Set(0..<21))
    // The fit minimises the objective, so it is at least as low as the weights that made the
    // log (up to the six-decimal rounding of the result).
    #expect(objective.value(fit.weights) <= objective.value(Self.learner) + 1e-6)
    let before = history.evaluate(.standard)
    let after = history.evaluate(try FSRS(parameters: fit.parameters))
    #expect(after.logLoss < before.logLoss - 0.005, "\(before.logLoss) -> \(after.logLoss)")
    #expect(after.rmseBins < before.rmseBins)
    // The steeper forgetting curve is found.
    #expect(fit.weights[20] > Self.defaults[20] + 0.05)
  }

  @Test func boundsAreRespectedWhenTheDataPushesPastThem() throws {
    // Everything is forgotten: the stabilities and the curve are pushed toward their bounds.
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var log: [LoggedReview] = []
    for card in 0..<40 {
      for review in 0..<5 {
        log.append(
          LoggedReview(
            cardID: "c\(card)",
            time: start.addingTimeInterval(Double(review * (card % 7 + 1)) * 86400),
            rating: review == 0 ? .good : .again))
      }
    }
    let fit = FSRSFit.fit(ReviewHistory(log, clock: Self.clock))
    #expect(fit.scope == .all)
    for (i, value) in fit.weights.enumerated() {
      #expect(FSRS.bounds[i].contains(value), "w\(i) = \(value) outside \(FSRS.bounds[i])")
    }
    #expect(
      fit.weights.indices.contains { i in
        fit.weights[i] == FSRS.bounds[i].lowerBound || fit.weights[i] == FSRS.bounds[i].upperBound
      }, "no weight reached a bound: \(fit.weights)")
    #expect(throws: Never.self) { try FSRS(parameters: fit.parameters) }
  }

  /// `count` cards reviewed on day 0 and again two days later: `count` predictions.
  static func twoReviewLog(_ count: Int) -> [LoggedReview] {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    return (0..<count).flatMap { card in
      [
        LoggedReview(cardID: "c\(card)", time: start, rating: .good),
        LoggedReview(
          cardID: "c\(card)", time: start.addingTimeInterval(2 * 86400),
          rating: card % 3 == 0 ? .again : .good),
      ]
    }
  }

  @Test func fewerThanEightPredictionsKeepTheDefaults() {
    let history = ReviewHistory(Self.twoReviewLog(7), clock: Self.clock)
    #expect(history.predictions.count == 7)
    let fit = FSRSFit.fit(history)
    #expect(fit.scope == .defaults)
    #expect(fit.weights == Self.defaults)
    #expect(FSRSFit.fit(ReviewHistory(Self.twoReviewLog(8), clock: Self.clock)).scope != .defaults)
  }

  @Test func fewerThanSixtyFourFitOnlyTheInitialStabilities() {
    let fit = FSRSFit.fit(ReviewHistory(Self.twoReviewLog(63), clock: Self.clock))
    #expect(fit.scope == .initialStabilities)
    #expect(Array(fit.weights[4...]) == Array(Self.defaults[4...]))
    // A third forgotten after two days: Good's initial stability falls from the default.
    #expect(fit.weights[2] < Self.defaults[2] - 0.1)
    let full = FSRSFit.fit(ReviewHistory(Self.twoReviewLog(64), clock: Self.clock))
    #expect(full.scope == .all)
    #expect(Array(full.weights[4...]) != Array(Self.defaults[4...]))
  }

  @Test func timeSeriesSplitTestsTheLastFiveSixthsOnFoldsFittedBeforeThem() throws {
    let reviews = try SyntheticLog(weights: Self.learner, cards: 90, reviewsPerCard: 7).make()
    let history = ReviewHistory(reviews, clock: Self.clock)
    let result = try #require(TimeSeriesEvaluation.evaluate(history))
    let n = history.predictions.count
    let tested = 5 * (n / 6)
    #expect(result.predictions == tested)
    // The defaults' figure is the plain mean over the tested predictions, computed here anew.
    let p = history.probabilities(.standard)
    var sum = 0.0
    for i in (n - tested)..<n {
      let q = min(max(p[i], 1e-7), 1 - 1e-7)
      sum -= history.predictions[i].outcome == 1 ? log(q) : log(1 - q)
    }
    #expect(abs(result.defaultLogLoss - sum / Double(tested)) <= 1e-12)
    #expect(result.logLoss < result.defaultLogLoss)
    #expect(
      TimeSeriesEvaluation.evaluate(ReviewHistory(Self.twoReviewLog(5), clock: Self.clock)) == nil)
  }
}

import Foundation

/// A review log arranged for replaying and fitting: each card's reviews in order with their
/// elapsed days, and the predictions fsrs-rs evaluates (every review on a later day than the
/// card's previous one) in time order.
public struct ReviewHistory: Sendable {
  public struct Step: Sendable {
    public var elapsedDays: Int
    public var rating: Rating
    /// The index in `predictions` of this review's prediction, if it is one.
    public var prediction: Int?
  }

  /// One predicted review: when, whether it was recalled, and its RMSE bin.
  public struct Prediction: Sendable {
    public var time: Date
    public var outcome: Double
    public var bin: [Int]
  }

  /// Each card's reviews, in order.
  public private(set) var cards: [[Step]]
  public private(set) var predictions: [Prediction]

  /// The reviews of `log`, days counted by `clock` (the learner's day starts at its hour).
  public init(_ log: [LoggedReview], clock: DayClock) {
    var order: [String: Int] = [:]
    var byCard: [[LoggedReview]] = []
    for review in log {
      if let index = order[review.cardID] {
        byCard[index].append(review)
      } else {
        order[review.cardID] = byCard.count
        byCard.append([review])
      }
    }
    var pending: [(prediction: Prediction, card: Int, step: Int)] = []
    cards = byCard.enumerated().map { cardIndex, reviews in
      var steps: [Step] = []
      var previousDay: Int?
      var longReviews = 0
      var lapses = 0
      for review in reviews.sorted(by: { $0.time < $1.time }) {
        let day = clock.dayNumber(review.time)
        let delta = previousDay.map { day - $0 } ?? 0
        if delta > 0 {
          longReviews += 1
          pending.append(
            (
              Prediction(
                time: review.time, outcome: review.rating == .again ? 0 : 1,
                bin: ReplayEvaluation.bin(delta: delta, longReviews: longReviews, lapses: lapses)),
              cardIndex, steps.count
            ))
          if review.rating == .again { lapses += 1 }
        }
        steps.append(Step(elapsedDays: delta, rating: review.rating, prediction: nil))
        previousDay = day
      }
      return steps
    }
    // Ties in time are ordered by card and step, so the weights never depend on hashing.
    pending.sort {
      ($0.prediction.time, $0.card, $0.step) < ($1.prediction.time, $1.card, $1.step)
    }
    predictions = pending.map(\.prediction)
    for (index, entry) in pending.enumerated() {
      cards[entry.card][entry.step].prediction = index
    }
  }

  /// The predicted recall of every prediction under `model`.
  public func probabilities(_ model: FSRS) -> [Double] {
    var result = [Double](repeating: 0, count: predictions.count)
    for steps in cards {
      var memory: MemoryState?
      for step in steps {
        if let index = step.prediction, let memory {
          result[index] = model.retrievability(
            elapsedDays: Double(step.elapsedDays), stability: memory.stability)
        }
        memory = model.nextState(memory, elapsedDays: step.elapsedDays, rating: step.rating)
      }
    }
    return result
  }

  /// Log loss and RMSE(bins) of `model` on the predictions in `range` (all by default), with
  /// recency weights over that range, as fsrs-rs evaluates.
  public func evaluate(_ model: FSRS, range: Range<Int>? = nil) -> ReplayEvaluation {
    evaluate(probabilities: probabilities(model), range: range)
  }

  public func evaluate(probabilities: [Double], range: Range<Int>? = nil) -> ReplayEvaluation {
    let range = range ?? predictions.indices
    return ReplayEvaluation.summarise(
      range.map { index in
        let prediction = predictions[index]
        return ReplayEvaluation.Prediction(
          time: prediction.time, p: probabilities[index], outcome: prediction.outcome,
          bin: prediction.bin)
      })
  }
}

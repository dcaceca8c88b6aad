import Foundation
import Scheduler

/// fsrs-rs's training loss on some of a history's predictions: the recency-weighted binary
/// cross-entropy of the predicted recall, plus an L2 pull of each weight toward its prior
/// (scaled by `FSRSFit.priorWidths`), divided by the total recency weight.
struct TrainingObjective {
  let history: ReviewHistory
  /// Each prediction's recency weight; 0 leaves it out of the loss.
  let weights: [Double]
  let totalWeight: Double
  /// The steps to replay per card: up to its last weighted prediction.
  let cardSteps: [ArraySlice<ReviewHistory.Step>]
  let prior: [Double]
  let variables: Set<Int>

  /// Trains on the predictions in `range`, weighted 0.25 + 0.75 (i / (n - 1))^3 by time order.
  init(history: ReviewHistory, range: Range<Int>, prior: [Double], variables: Set<Int>) {
    self.history = history
    self.prior = prior
    self.variables = variables
    var weights = [Double](repeating: 0, count: history.predictions.count)
    let n = range.count
    for (rank, index) in range.enumerated() {
      weights[index] = n > 1 ? 0.25 + 0.75 * pow(Double(rank) / Double(n - 1), 3) : 1
    }
    self.weights = weights
    totalWeight = weights.reduce(0, +)
    cardSteps = history.cards.compactMap { steps in
      let last = steps.lastIndex { step in step.prediction.map { weights[$0] > 0 } ?? false }
      return last.map { steps[...$0] }
    }
  }

  func penalty(_ w: [Double]) -> Double {
    variables.reduce(0) { sum, j in
      let z = (w[j] - prior[j]) / FSRSFit.priorWidths[j]
      return sum + z * z
    }
  }

  /// The loss alone, in plain doubles.
  func value(_ w: [Double]) -> Double {
    loss(GenericFSRS(weights: w)).value + penalty(w) / totalWeight
  }

  /// The loss and its exact gradient (zero for the weights not in `variables`).
  func valueAndGradient(_ w: [Double]) -> (Double, [Double]) {
    let sum = loss(GenericFSRS<Dual>(weights: w, variables: variables))
    var gradient = (0..<w.count).map { sum.partials[$0] }
    for j in variables {
      gradient[j] +=
        2 * (w[j] - prior[j]) / (FSRSFit.priorWidths[j] * FSRSFit.priorWidths[j])
        / totalWeight
    }
    return (sum.value + penalty(w) / totalWeight, gradient)
  }

  /// The weighted cross-entropy over the trained predictions, divided by their total weight.
  func loss<Number: FSRSNumber>(_ model: GenericFSRS<Number>) -> Number {
    var sum = Number(0)
    for steps in cardSteps {
      var memory: GenericFSRS<Number>.State?
      for step in steps {
        if let index = step.prediction, let memory, weights[index] > 0 {
          let p = model.retrievability(
            elapsedDays: Double(step.elapsedDays), stability: memory.stability)
          sum =
            sum + weights[index]
            * GenericFSRS<Number>.crossEntropy(p, outcome: history.predictions[index].outcome)
        }
        memory = model.nextState(memory, elapsedDays: step.elapsedDays, rating: step.rating)
      }
    }
    return sum / totalWeight
  }
}

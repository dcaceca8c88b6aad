import Foundation
import Scheduler

/// FSRS-6's formulas (as `FSRS` computes them) on any `FSRSNumber`: on `Dual`, every
/// stability, difficulty and recall probability carries its derivatives with respect to the
/// weights; on `Double`, the same formulas give plain values at the optimiser's speed.
struct GenericFSRS<Number: FSRSNumber> {
  struct State {
    var stability: Number
    var difficulty: Number
  }

  let w: [Number]
  let decay: Number
  let factor: Number
  /// D0(Easy) before clamping: FSRS-6's mean reversion target.
  let easyDifficulty: Number
  let initialStates: [State]

  init(weights w: [Number]) {
    self.w = w
    decay = -w[20]
    factor = Number.pow(0.9, 1.0 / decay) - 1
    func initialDifficulty(_ rating: Rating) -> Number {
      w[4] - Number.exp(w[5] * Double(rating.rawValue - 1)) + 1
    }
    easyDifficulty = initialDifficulty(.easy)
    initialStates = Rating.allCases.map { rating in
      State(
        stability: Number.clamp(w[rating.rawValue - 1], FSRS.stabilityRange),
        difficulty: Number.clamp(initialDifficulty(rating), FSRS.difficultyRange))
    }
  }

  func retrievability(elapsedDays: Double, stability: Number) -> Number {
    Number.pow(1 + factor * elapsedDays / stability, decay)
  }

  func nextState(_ state: State?, elapsedDays: Int, rating: Rating) -> State {
    guard let state else { return initialStates[rating.rawValue - 1] }
    let s = Number.clamp(state.stability, FSRS.stabilityRange)
    let d = Number.clamp(state.difficulty, FSRS.difficultyRange)
    let newS: Number
    if elapsedDays == 0 {
      let increase =
        Number.exp(w[17] * (w[18] + Double(rating.rawValue - 3))) * Number.pow(s, -w[19])
      newS = s * (rating >= .hard ? Number.maximum(increase, 1) : increase)
    } else {
      let r = retrievability(elapsedDays: Double(elapsedDays), stability: s)
      if rating == .again {
        let long =
          w[11] * Number.pow(d, -w[12]) * (Number.pow(s + 1, w[13]) - 1)
          * Number.exp(w[14] * (1 - r))
        newS = Number.minimum(long, s / Number.exp(w[17] * w[18]))
      } else {
        var growth =
          Number.exp(w[8]) * (11 - d) * Number.pow(s, -w[9]) * (Number.exp(w[10] * (1 - r)) - 1)
        if rating == .hard { growth = growth * w[15] }
        if rating == .easy { growth = growth * w[16] }
        newS = s * (1 + growth)
      }
    }
    let damped = d + -w[6] * Double(rating.rawValue - 3) * (10 - d) / 9
    let difficulty = Number.clamp(
      w[7] * easyDifficulty + (1 - w[7]) * damped, FSRS.difficultyRange)
    return State(stability: Number.clamp(newS, FSRS.stabilityRange), difficulty: difficulty)
  }

  /// fsrs-rs's binary cross-entropy of predicted recall `p` (kept within 1e-7 of 0 and 1).
  static func crossEntropy(_ p: Number, outcome: Double) -> Number {
    let clamped = Number.clamp(p, 1e-7...(1 - 1e-7))
    return outcome > 0 ? -Number.log(clamped) : -Number.log(1 - clamped)
  }
}

extension GenericFSRS where Number == Dual {
  /// The model for `weights`; only the weights whose index is in `variables` carry a partial.
  init(weights: [Double], variables: Set<Int>) {
    self.init(
      weights: weights.enumerated().map { index, value in
        variables.contains(index) ? Dual.variable(value, index: index) : Dual(value)
      })
  }
}

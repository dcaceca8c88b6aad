import Foundation
import Scheduler

/// FSRS-6's formulas (as `FSRS` computes them) on dual numbers, so that every stability,
/// difficulty and recall probability carries its derivatives with respect to the weights.
struct DualFSRS {
  struct State {
    var stability: Dual
    var difficulty: Dual
  }

  let w: [Dual]
  let decay: Dual
  let factor: Dual
  /// D0(Easy) before clamping: FSRS-6's mean reversion target.
  let easyDifficulty: Dual
  let initialStates: [State]

  /// The model for `weights`; only the weights whose index is in `variables` carry a partial.
  init(weights: [Double], variables: Set<Int>) {
    let w = weights.enumerated().map { index, value in
      variables.contains(index) ? Dual.variable(value, index: index) : Dual(value)
    }
    self.w = w
    decay = -w[20]
    factor = pow(0.9, 1.0 / decay) - 1
    func initialDifficulty(_ rating: Rating) -> Dual {
      w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
    }
    easyDifficulty = initialDifficulty(.easy)
    initialStates = Rating.allCases.map { rating in
      State(
        stability: clamp(w[rating.rawValue - 1], FSRS.stabilityRange),
        difficulty: clamp(initialDifficulty(rating), FSRS.difficultyRange))
    }
  }

  func retrievability(elapsedDays: Double, stability: Dual) -> Dual {
    pow(1 + factor * elapsedDays / stability, decay)
  }

  func nextState(_ state: State?, elapsedDays: Int, rating: Rating) -> State {
    guard let state else { return initialStates[rating.rawValue - 1] }
    let s = clamp(state.stability, FSRS.stabilityRange)
    let d = clamp(state.difficulty, FSRS.difficultyRange)
    let newS: Dual
    if elapsedDays == 0 {
      let increase = exp(w[17] * (w[18] + Double(rating.rawValue - 3))) * pow(s, -w[19])
      newS = s * (rating >= .hard ? max(increase, 1) : increase)
    } else {
      let r = retrievability(elapsedDays: Double(elapsedDays), stability: s)
      if rating == .again {
        let long = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r))
        newS = min(long, s / exp(w[17] * w[18]))
      } else {
        var growth = exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1)
        if rating == .hard { growth = growth * w[15] }
        if rating == .easy { growth = growth * w[16] }
        newS = s * (1 + growth)
      }
    }
    let damped = d + -w[6] * Double(rating.rawValue - 3) * (10 - d) / 9
    let difficulty = clamp(w[7] * easyDifficulty + (1 - w[7]) * damped, FSRS.difficultyRange)
    return State(stability: clamp(newS, FSRS.stabilityRange), difficulty: difficulty)
  }
}

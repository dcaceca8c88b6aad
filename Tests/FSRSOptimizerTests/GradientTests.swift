import Foundation
import Scheduler
import Testing

@testable import FSRSOptimizer

@Suite struct GradientTests {
  static let clock = DayClock(timeZone: .gmt, dayStartHour: 4)

  /// Weights away from the defaults, so the L2 pull and every formula contribute.
  static let point: [Double] = [
    0.4, 1.5, 3.1, 9.0, 6.1, 0.7, 2.8, 0.05, 1.6, 0.2, 0.9, 1.7, 0.08, 0.3, 1.4, 0.5, 2.1, 0.6,
    0.15, 0.1, 0.25,
  ]

  @Test func dualModelMatchesTheScheduler() throws {
    let log = try SyntheticLog(weights: Self.point, cards: 40, reviewsPerCard: 6).make()
    let history = ReviewHistory(log, clock: Self.clock)
    let model = try FSRS(parameters: ModelParameters(model: FSRS.modelName, weights: Self.point))
    let dual = GenericFSRS<Dual>(weights: Self.point, variables: Set(0..<21))
    for steps in history.cards {
      var plain: MemoryState?
      var state: GenericFSRS<Dual>.State?
      for step in steps {
        plain = model.nextState(plain, elapsedDays: step.elapsedDays, rating: step.rating)
        state = dual.nextState(state, elapsedDays: step.elapsedDays, rating: step.rating)
        #expect(abs(plain!.stability - state!.stability.value) <= 1e-9 * plain!.stability)
        #expect(abs(plain!.difficulty - state!.difficulty.value) <= 1e-9)
      }
    }
  }

  @Test func gradientMatchesFiniteDifferences() throws {
    let log = try SyntheticLog(weights: Self.point, cards: 60, reviewsPerCard: 7).make()
    let history = ReviewHistory(log, clock: Self.clock)
    let objective = TrainingObjective(
      history: history, range: history.predictions.indices,
      prior: ModelParameters.fsrs6Default.weights, variables: Set(0..<21))
    let (value, gradient) = objective.valueAndGradient(Self.point)
    #expect(abs(value - objective.value(Self.point)) <= 1e-12)
    for j in 0..<21 {
      let h = 1e-6 * max(1, abs(Self.point[j]))
      var up = Self.point
      var down = Self.point
      up[j] += h
      down[j] -= h
      let numeric = (objective.value(up) - objective.value(down)) / (2 * h)
      #expect(
        abs(numeric - gradient[j]) <= 1e-5 + 1e-4 * abs(numeric),
        "w\(j): exact \(gradient[j]), finite differences \(numeric)")
    }
    // Not a vacuous comparison: the log moves every weight but the ones it cannot reach.
    #expect(gradient.filter { abs($0) > 1e-6 }.count >= 18)
  }
}

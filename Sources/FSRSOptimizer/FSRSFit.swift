import Foundation
import Scheduler

/// The learner's own FSRS-6 weights, fitted to their review log as fsrs-rs's
/// `compute_parameters` does (its loss, bounds and data rules), by a bounded L-BFGS with exact
/// gradients.
public struct FSRSFit: Sendable, Equatable {
  /// How much of the model a log of this size can support (fsrs-rs's rules).
  public enum Scope: String, Sendable, Codable {
    /// Fewer than `minimumReviews` predictions: the defaults are kept.
    case defaults
    /// Fewer than `fullFitReviews`: only the four initial stabilities w0-w3 are fitted.
    case initialStabilities
    case all
  }

  public static let minimumReviews = 8
  public static let fullFitReviews = 64
  /// fsrs-rs's widths of the L2 pull toward the defaults, per weight.
  static let priorWidths: [Double] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57,
    0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
  ]

  public var weights: [Double]
  public var scope: Scope
  /// The predictions (reviews on a later day than the card's previous one) it was fitted on.
  public var reviews: Int
  public var iterations: Int

  public var parameters: ModelParameters {
    ModelParameters(model: FSRS.modelName, weights: weights)
  }

  /// Fits the weights to the predictions of `history` in `range` (all by default), starting
  /// from and pulled toward the defaults. `progress` hears the fraction done, 0 to 1.
  public static func fit(
    _ history: ReviewHistory, range: Range<Int>? = nil, progress: (Double) -> Void = { _ in }
  ) -> FSRSFit {
    let range = range ?? history.predictions.indices
    let defaults = ModelParameters.fsrs6Default.weights
    let scope: Scope =
      range.count < minimumReviews
      ? .defaults : range.count < fullFitReviews ? .initialStabilities : .all
    guard scope != .defaults else {
      progress(1)
      return FSRSFit(weights: defaults, scope: scope, reviews: range.count, iterations: 0)
    }
    let variables = Set(scope == .all ? Array(defaults.indices) : [0, 1, 2, 3])
    let objective = TrainingObjective(
      history: history, range: range, prior: defaults, variables: variables)
    // Each weight in units of its prior width, so one step size suits them all.
    let widths = priorWidths
    func weights(_ u: [Double]) -> [Double] {
      u.indices.map { i in
        min(max(u[i] * widths[i], FSRS.bounds[i].lowerBound), FSRS.bounds[i].upperBound)
      }
    }
    let solver = BoundedLBFGS(
      lower: FSRS.bounds.indices.map { FSRS.bounds[$0].lowerBound / widths[$0] },
      upper: FSRS.bounds.indices.map { FSRS.bounds[$0].upperBound / widths[$0] })
    let result = solver.minimize(
      start: defaults.indices.map { defaults[$0] / widths[$0] },
      free: defaults.indices.map { variables.contains($0) },
      value: { objective.value(weights($0)) },
      valueAndGradient: { u in
        let (value, gradient) = objective.valueAndGradient(weights(u))
        return (value, gradient.indices.map { gradient[$0] * widths[$0] })
      },
      progress: { progress(Double($0) / Double(solver.maxIterations)) })
    progress(1)
    // Six decimals, as printed: `replay --params` with the printed weights gives the same figures.
    let rounded = weights(result.x).map { ($0 * 1e6).rounded() / 1e6 }
    return FSRSFit(
      weights: rounded, scope: scope, reviews: range.count,
      iterations: result.iterations)
  }
}

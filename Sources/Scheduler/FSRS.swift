import Foundation

/// A learner's answer: Again (forgot), Hard, Good, Easy, with FSRS's grade numbers 1-4.
public enum Rating: Int, CaseIterable, Codable, Sendable, Comparable {
  case again = 1
  case hard = 2
  case good = 3
  case easy = 4

  public init?(name: String) {
    switch name.lowercased() {
    case "again": self = .again
    case "hard": self = .hard
    case "good": self = .good
    case "easy": self = .easy
    default: return nil
    }
  }

  public var name: String {
    switch self {
    case .again: "again"
    case .hard: "hard"
    case .good: "good"
    case .easy: "easy"
    }
  }

  public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// FSRS's memory of one card: stability S (days until recall drops to 90 %) and difficulty D.
public struct MemoryState: Codable, Equatable, Sendable {
  public var stability: Double
  public var difficulty: Double

  public init(stability: Double, difficulty: Double) {
    self.stability = stability
    self.difficulty = difficulty
  }
}

/// A model name with its weight vector, stored together so a later model can replay the log.
public struct ModelParameters: Codable, Equatable, Sendable {
  public var model: String
  public var weights: [Double]

  public init(model: String, weights: [Double]) {
    self.model = model
    self.weights = weights
  }

  /// FSRS-6 defaults: medians of per-user optimised parameters over the srs-benchmark collections.
  public static let fsrs6Default = ModelParameters(
    model: FSRS.modelName,
    weights: [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
      1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ])
}

public enum ModelError: Error, CustomStringConvertible, Equatable {
  case unsupportedModel(String)
  case wrongWeightCount(expected: Int, got: Int)
  case weightOutOfBounds(index: Int, value: Double, range: ClosedRange<Double>)

  public var description: String {
    switch self {
    case .unsupportedModel(let name):
      "unsupported scheduler model \(name) (known: \(FSRS.modelName))"
    case .wrongWeightCount(let expected, let got): "FSRS-6 needs \(expected) weights, got \(got)"
    case .weightOutOfBounds(let index, let value, let range):
      "FSRS-6 weight w\(index) = \(value) is outside \(range.lowerBound)...\(range.upperBound)"
    }
  }
}

/// The FSRS-6 memory model (formulas of fsrs-rs 6.x, computed in Double).
public struct FSRS: Sendable, Equatable {
  public static let modelName = "FSRS-6"
  static let minStability = 0.001
  static let maxStability = 36500.0
  /// Every stability and difficulty the model produces lies within these.
  public static let stabilityRange = minStability...maxStability
  public static let difficultyRange = 1.0...10.0

  /// fsrs-rs parameter clipper bounds (w17, w18 use the bound for a single relearning step).
  public static let bounds: [ClosedRange<Double>] = [
    0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4,
    0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9, 0...4,
    0...1, 1...6, 0...2, 0...2, 0...0.8, 0.1...0.8,
  ]

  public let parameters: ModelParameters
  let w: [Double]
  let decay: Double
  let factor: Double

  public init(parameters: ModelParameters = .fsrs6Default) throws {
    guard parameters.model == FSRS.modelName else {
      throw ModelError.unsupportedModel(parameters.model)
    }
    guard parameters.weights.count == FSRS.bounds.count else {
      throw ModelError.wrongWeightCount(
        expected: FSRS.bounds.count, got: parameters.weights.count)
    }
    for (i, value) in parameters.weights.enumerated() where !FSRS.bounds[i].contains(value) {
      throw ModelError.weightOutOfBounds(index: i, value: value, range: FSRS.bounds[i])
    }
    self.parameters = parameters
    w = parameters.weights
    decay = -w[20]
    factor = pow(0.9, 1 / decay) - 1
  }

  /// The default FSRS-6 model; the default weights are within bounds by construction.
  public static let standard: FSRS = {
    do { return try FSRS() } catch {
      preconditionFailure("default FSRS-6 weights invalid: \(error)")
    }
  }()

  /// Probability of recall after `elapsedDays` for stability `stability`.
  public func retrievability(elapsedDays: Double, stability: Double) -> Double {
    pow(1 + factor * elapsedDays / stability, decay)
  }

  /// The interval (in days, unrounded) at which recall falls to `desiredRetention`.
  public func interval(stability: Double, desiredRetention: Double) -> Double {
    stability / factor * (pow(desiredRetention, 1 / decay) - 1)
  }

  /// The memory state after a first review.
  public func initialState(_ rating: Rating) -> MemoryState {
    MemoryState(
      stability: clampStability(w[rating.rawValue - 1]),
      difficulty: clampDifficulty(initialDifficulty(rating)))
  }

  /// The memory state after a review `elapsedDays` calendar days after the previous one.
  public func nextState(_ state: MemoryState?, elapsedDays: Int, rating: Rating) -> MemoryState {
    guard let state else { return initialState(rating) }
    let s = clampStability(state.stability)
    let d = clampDifficulty(state.difficulty)
    let newS: Double
    if elapsedDays == 0 {
      newS = shortTermStability(s, rating: rating)
    } else {
      let r = retrievability(elapsedDays: Double(elapsedDays), stability: s)
      newS =
        rating == .again
        ? failureStability(s, difficulty: d, retrievability: r)
        : recallStability(s, difficulty: d, retrievability: r, rating: rating)
    }
    return MemoryState(
      stability: clampStability(newS), difficulty: nextDifficulty(d, rating: rating))
  }

  func initialDifficulty(_ rating: Rating) -> Double {
    w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
  }

  func nextDifficulty(_ d: Double, rating: Rating) -> Double {
    let delta = -w[6] * Double(rating.rawValue - 3)
    let damped = d + delta * (10 - d) / 9
    // Mean reversion toward the unclamped initial difficulty of Easy, as FSRS-6 does.
    return clampDifficulty(w[7] * initialDifficulty(.easy) + (1 - w[7]) * damped)
  }

  func recallStability(_ s: Double, difficulty d: Double, retrievability r: Double, rating: Rating)
    -> Double
  {
    let hardPenalty = rating == .hard ? w[15] : 1
    let easyBonus = rating == .easy ? w[16] : 1
    return s
      * (1 + exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1) * hardPenalty
        * easyBonus)
  }

  func failureStability(_ s: Double, difficulty d: Double, retrievability r: Double) -> Double {
    let long = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r))
    return min(long, s / exp(w[17] * w[18]))
  }

  func shortTermStability(_ s: Double, rating: Rating) -> Double {
    let increase = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(s, -w[19])
    return s * (rating >= .hard ? max(increase, 1) : increase)
  }

  func clampStability(_ s: Double) -> Double { min(max(s, FSRS.minStability), FSRS.maxStability) }
  func clampDifficulty(_ d: Double) -> Double {
    min(max(d, FSRS.difficultyRange.lowerBound), FSRS.difficultyRange.upperBound)
  }
}

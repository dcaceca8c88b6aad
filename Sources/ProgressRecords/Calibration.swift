import Foundation

/// Predicted recall against what happened, in ten bins of predicted recall (0-10 %, ...,
/// 90-100 %): the calibration of a set of weights on the learner's reviews.
public struct Calibration: Equatable, Sendable {
  public struct Bin: Equatable, Sendable {
    /// The bin's lower edge: 0, 0.1, ..., 0.9.
    public var lower: Double
    public var count: Int
    /// Mean predicted recall of its reviews; 0 when empty.
    public var predicted: Double
    /// The share of its reviews recalled; 0 when empty.
    public var actual: Double
  }

  public var bins: [Bin]

  /// `probabilities[i]` predicted for a review whose outcome is `outcomes[i]` (1 recalled).
  public init(probabilities: [Double], outcomes: [Double]) {
    var counts = [Int](repeating: 0, count: 10)
    var predicted = [Double](repeating: 0, count: 10)
    var actual = [Double](repeating: 0, count: 10)
    for (p, outcome) in zip(probabilities, outcomes) {
      let bin = min(9, max(0, Int(p * 10)))
      counts[bin] += 1
      predicted[bin] += p
      actual[bin] += outcome
    }
    bins = (0..<10).map { i in
      Bin(
        lower: Double(i) / 10, count: counts[i],
        predicted: counts[i] == 0 ? 0 : predicted[i] / Double(counts[i]),
        actual: counts[i] == 0 ? 0 : actual[i] / Double(counts[i]))
    }
  }

  public var count: Int { bins.reduce(0) { $0 + $1.count } }
}

import Foundation

/// One graded review of a log, as the FSRS optimiser's revlog has it.
public struct LoggedReview: Sendable, Equatable {
  public var cardID: String
  public var time: Date
  public var rating: Rating

  public init(cardID: String, time: Date, rating: Rating) {
    self.cardID = cardID
    self.time = time
    self.rating = rating
  }
}

/// How well a model predicts a review log, by fsrs-rs's evaluation protocol: one prediction per
/// review on a later day than the card's previous one, recency-weighted log loss, RMSE over
/// (interval, review count, lapses) bins.
public struct ReplayEvaluation: Sendable, Equatable {
  public var predictions: Int
  public var logLoss: Double
  public var unweightedLogLoss: Double
  public var rmseBins: Double

  /// One predicted review: when, the predicted recall, whether it was recalled (1) or not (0),
  /// and its RMSE bin.
  public struct Prediction: Sendable {
    public var time: Date
    public var p: Double
    public var outcome: Double
    public var bin: [Int]

    public init(time: Date, p: Double, outcome: Double, bin: [Int]) {
      self.time = time
      self.p = p
      self.outcome = outcome
      self.bin = bin
    }
  }

  public static func evaluate(_ log: [LoggedReview], model: FSRS, clock: DayClock)
    -> ReplayEvaluation
  {
    ReviewHistory(log, clock: clock).evaluate(model)
  }

  /// The RMSE bin of a review `delta` days after the previous one, the `longReviews`-th on a
  /// later day than its previous one, after `lapses` such reviews rated Again.
  public static func bin(delta: Int, longReviews: Int, lapses: Int) -> [Int] {
    func bucket(_ x: Double, base: Double, scale: Double) -> Int {
      Int((scale * pow(base, (log(x) / log(base)).rounded(.down))).rounded())
    }
    return [
      Int((2.48 * pow(3.62, (log(Double(delta)) / log(3.62)).rounded(.down)) * 100).rounded()),
      bucket(Double(longReviews + 1), base: 1.89, scale: 1.99),
      lapses == 0 ? 0 : bucket(Double(lapses), base: 1.73, scale: 1.65),
    ]
  }

  /// The figures of `predictions`, which must be in time order (the recency weights follow it).
  public static func summarise(_ predictions: [Prediction]) -> ReplayEvaluation {
    let n = predictions.count
    guard n > 1 else {
      return ReplayEvaluation(predictions: n, logLoss: 0, unweightedLogLoss: 0, rmseBins: 0)
    }
    var weightedLoss = 0.0
    var plainLoss = 0.0
    var totalWeight = 0.0
    var bins: [[Int]: (weight: Double, p: Double, y: Double, count: Double)] = [:]
    for (i, prediction) in predictions.enumerated() {
      let weight = 0.25 + 0.75 * pow(Double(i) / Double(n - 1), 3)
      let p = min(max(prediction.p, 1e-7), 1 - 1e-7)
      let loss = -(prediction.outcome * log(p) + (1 - prediction.outcome) * log(1 - p))
      weightedLoss += weight * loss
      plainLoss += loss
      totalWeight += weight
      var entry = bins[prediction.bin] ?? (0, 0, 0, 0)
      entry.weight += weight
      entry.p += prediction.p
      entry.y += prediction.outcome
      entry.count += 1
      bins[prediction.bin] = entry
    }
    var squared = 0.0
    for entry in bins.values {
      let gap = entry.p / entry.count - entry.y / entry.count
      squared += entry.weight * gap * gap
    }
    return ReplayEvaluation(
      predictions: n, logLoss: weightedLoss / totalWeight, unweightedLogLoss: plainLoss / Double(n),
      rmseBins: (squared / totalWeight).squareRoot())
  }
}

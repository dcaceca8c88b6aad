import Foundation
import Scheduler
import SeededRandom

/// The desired retention that costs the least study time per kanji remembered, by simulating a
/// year of study with given weights at each candidate retention, as fsrs-rs's
/// `optimal_retention` does: new kanji every day, each review answered with the probability of
/// recall the weights predict, timed with fsrs-rs's default costs per rating. The same seeded
/// draws serve every candidate, so the comparison is deterministic and fair.
public struct RetentionSimulation: Sendable {
  public struct Outcome: Equatable, Sendable, Codable {
    public var retention: Double
    /// Simulated study seconds per kanji remembered at the end (the sum of their recall).
    public var secondsPerKanji: Double
  }

  public var model: FSRS
  public var days = 365
  public var newPerDay = 10
  /// fsrs-rs's defaults: seconds to learn a new card by first rating, and to review one by rating.
  public var learnSeconds = [33.79, 24.3, 13.68, 6.5]
  public var reviewSeconds = [23.0, 11.68, 7.33, 5.6]
  /// Chances of Again, Hard, Good, Easy at a first review, and of Hard, Good, Easy when recalled.
  public var firstRatings = [0.24, 0.094, 0.495, 0.171]
  public var recallRatings = [0.224, 0.631, 0.145]
  public var seed: UInt64 = 2023

  public static let candidates = stride(from: 0.70, through: 0.95001, by: 0.01).map {
    ($0 * 100).rounded() / 100
  }

  public init(model: FSRS) {
    self.model = model
  }

  /// The rating chances of `log`'s first reviews and recalls, where it has enough of them
  /// (20 of each); fsrs-rs's defaults otherwise.
  public mutating func useRatings(of history: [LoggedReview]) {
    var firsts = [Double](repeating: 0, count: 4)
    var recalls = [Double](repeating: 0, count: 3)
    var seen = Set<String>()
    for review in history.sorted(by: { $0.time < $1.time }) {
      if seen.insert(review.cardID).inserted {
        firsts[review.rating.rawValue - 1] += 1
      } else if review.rating != .again {
        recalls[review.rating.rawValue - 2] += 1
      }
    }
    let firstCount = firsts.reduce(0, +)
    let recallCount = recalls.reduce(0, +)
    if firstCount >= 20 { firstRatings = firsts.map { $0 / firstCount } }
    if recallCount >= 20 { recallRatings = recalls.map { $0 / recallCount } }
  }

  /// Every candidate from 0.70 to 0.95 with its cost.
  public func run() -> [Outcome] {
    Self.candidates.map { Outcome(retention: $0, secondsPerKanji: cost(at: $0)) }
  }

  /// The candidate with the least cost.
  public static func best(_ outcomes: [Outcome]) -> Outcome? {
    outcomes.min { $0.secondsPerKanji < $1.secondsPerKanji }
  }

  struct SimulatedCard {
    var memory: MemoryState
    var lastDay: Int
    var due: Int
  }

  func cost(at retention: Double) -> Double {
    var random = SeededGenerator(seed: seed)
    var cards: [SimulatedCard] = []
    var seconds = 0.0
    for day in 0..<days {
      for index in cards.indices where cards[index].due <= day {
        let card = cards[index]
        let elapsed = day - card.lastDay
        let recall = model.retrievability(
          elapsedDays: Double(elapsed), stability: card.memory.stability)
        let rating: Rating =
          Double.random(in: 0..<1, using: &random) < recall
          ? Rating(rawValue: 2 + pick(recallRatings, &random))! : .again
        seconds += reviewSeconds[rating.rawValue - 1]
        let memory = model.nextState(card.memory, elapsedDays: elapsed, rating: rating)
        cards[index] = SimulatedCard(
          memory: memory, lastDay: day, due: day + interval(memory, retention))
      }
      for _ in 0..<newPerDay {
        let rating = Rating(rawValue: 1 + pick(firstRatings, &random))!
        seconds += learnSeconds[rating.rawValue - 1]
        let memory = model.initialState(rating)
        cards.append(
          SimulatedCard(memory: memory, lastDay: day, due: day + interval(memory, retention)))
      }
    }
    let remembered = cards.reduce(0.0) { sum, card in
      sum
        + model.retrievability(
          elapsedDays: Double(days - card.lastDay), stability: card.memory.stability)
    }
    return seconds / remembered
  }

  func interval(_ memory: MemoryState, _ retention: Double) -> Int {
    max(
      1,
      min(
        36500,
        Int(model.interval(stability: memory.stability, desiredRetention: retention).rounded())))
  }

  /// An index drawn with the chances `weights` (summing to 1).
  func pick(_ weights: [Double], _ random: inout SeededGenerator) -> Int {
    var u = Double.random(in: 0..<1, using: &random)
    for (index, weight) in weights.enumerated() {
      if u < weight { return index }
      u -= weight
    }
    return weights.count - 1
  }
}

import Foundation
import Scheduler
import SeededRandom

/// A learner simulated with known FSRS-6 weights: each card's reviews come at the intervals the
/// weights schedule (jittered), recalled with the probability they predict, a forgotten card
/// seen again the same day; seeded, so the same arguments give the same log.
struct SyntheticLog {
  var weights: [Double]
  var cards: Int
  var reviewsPerCard: Int
  var seed: UInt64 = 7

  func make() throws -> [LoggedReview] {
    let model = try FSRS(parameters: ModelParameters(model: FSRS.modelName, weights: weights))
    var random = SeededGenerator(seed: seed)
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var log: [LoggedReview] = []
    for card in 0..<cards {
      var time = start.addingTimeInterval(Double(card % 50) * 86400 + Double(card) * 60)
      let first: Rating = [.again, .hard, .good, .good, .easy].randomElement(using: &random)!
      log.append(LoggedReview(cardID: "c\(card)", time: time, rating: first))
      var memory = model.initialState(first)
      var elapsed = 0
      for _ in 1..<reviewsPerCard {
        let interval = model.interval(stability: memory.stability, desiredRetention: 0.85)
        let days = max(1, Int((interval * Double.random(in: 0.6...1.6, using: &random)).rounded()))
        time = time.addingTimeInterval(Double(days) * 86400)
        elapsed = days
        let recall = model.retrievability(elapsedDays: Double(days), stability: memory.stability)
        let rating: Rating =
          Double.random(in: 0..<1, using: &random) < recall
          ? (Double.random(in: 0..<1, using: &random) < 0.1 ? .hard : .good) : .again
        log.append(LoggedReview(cardID: "c\(card)", time: time, rating: rating))
        memory = model.nextState(memory, elapsedDays: elapsed, rating: rating)
        if rating == .again {
          time = time.addingTimeInterval(600)
          log.append(LoggedReview(cardID: "c\(card)", time: time, rating: .good))
          memory = model.nextState(memory, elapsedDays: 0, rating: .good)
        }
      }
    }
    return log
  }
}

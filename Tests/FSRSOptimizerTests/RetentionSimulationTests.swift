import Foundation
import Scheduler
import Testing

@testable import FSRSOptimizer

@Suite struct RetentionSimulationTests {
  static func simulation() -> RetentionSimulation {
    var simulation = RetentionSimulation(model: .standard)
    simulation.days = 60
    return simulation
  }

  @Test func proposesTheCheapestRetentionDeterministically() throws {
    let outcomes = Self.simulation().run()
    #expect(outcomes.map(\.retention) == (70...95).map { Double($0) / 100 })
    #expect(outcomes == Self.simulation().run())
    let best = try #require(RetentionSimulation.best(outcomes))
    #expect(outcomes.allSatisfy { $0.secondsPerKanji >= best.secondsPerKanji })
    // Reviewing for 95 % costs more per kanji than the cheapest.
    #expect(outcomes.last!.secondsPerKanji > best.secondsPerKanji * 1.05)
  }

  @Test func costlierForgettingProposesAHigherRetention() throws {
    let usual = try #require(RetentionSimulation.best(Self.simulation().run()))
    var costly = Self.simulation()
    costly.reviewSeconds[0] = 400
    let proposed = try #require(RetentionSimulation.best(costly.run()))
    #expect(proposed.retention > usual.retention + 0.05)
  }

  @Test func ratingChancesComeFromTheLogWhenItHasEnough() {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var log: [LoggedReview] = []
    for card in 0..<40 {
      log.append(
        LoggedReview(cardID: "\(card)", time: start, rating: card % 4 == 0 ? .again : .good))
      log.append(
        LoggedReview(
          cardID: "\(card)", time: start.addingTimeInterval(86_400),
          rating: card % 2 == 0 ? .easy : .good))
    }
    var simulation = Self.simulation()
    simulation.useRatings(of: log)
    #expect(simulation.firstRatings == [0.25, 0, 0.75, 0])
    #expect(simulation.recallRatings == [0, 0.5, 0.5])
    var few = Self.simulation()
    few.useRatings(of: Array(log.prefix(10)))
    #expect(few.firstRatings == Self.simulation().firstRatings)
  }
}

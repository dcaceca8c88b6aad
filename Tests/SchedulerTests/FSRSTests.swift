import Foundation
import TestSupport
import Testing

@testable import Scheduler

struct GoldenVectors: Decodable {
  struct NextState: Decodable {
    let start: [Double]?
    let deltaT: Int
    let again: [Double]
    let hard: [Double]
    let good: [Double]
    let easy: [Double]

    enum CodingKeys: String, CodingKey {
      case start, again, hard, good, easy
      case deltaT = "delta_t"
    }
  }
  struct Sequence: Decodable {
    let reviews: [[Int]]
    let stability: Double
    let difficulty: Double
    enum CodingKeys: String, CodingKey {
      case reviews = "reviews(rating,delta_t)"
      case stability = "S"
      case difficulty = "D"
    }
  }
  struct Interval: Decodable {
    let stability: Double
    let r90: Double
    let r80: Double
    let r95: Double
    enum CodingKeys: String, CodingKey {
      case stability = "S"
      case r90 = "DR0.9"
      case r80 = "DR0.8"
      case r95 = "DR0.95"
    }
  }
  let params: [Double]
  let nextStates: [NextState]
  let sequences: [Sequence]
  let intervals: [Interval]

  enum CodingKeys: String, CodingKey {
    case params, sequences, intervals
    case nextStates = "next_states"
  }

  static func load() throws -> GoldenVectors {
    let url = Repository.root.appendingPathComponent(
      "Tests/SchedulerTests/Fixtures/golden_vectors.json")
    return try JSONDecoder().decode(GoldenVectors.self, from: Data(contentsOf: url))
  }
}

@Suite struct FSRSTests {
  let model = FSRS.standard

  @Test func defaultParametersMatchTheGoldenFile() throws {
    let golden = try GoldenVectors.load()
    #expect(golden.params == ModelParameters.fsrs6Default.weights)
  }

  @Test func nextStatesMatchTheRustReference() throws {
    let golden = try GoldenVectors.load()
    #expect(golden.nextStates.count == 9)
    for vector in golden.nextStates {
      let start = vector.start.map { MemoryState(stability: $0[0], difficulty: $0[1]) }
      let expected: [(Rating, [Double])] = [
        (.again, vector.again), (.hard, vector.hard), (.good, vector.good), (.easy, vector.easy),
      ]
      for (rating, values) in expected {
        let state = model.nextState(start, elapsedDays: vector.deltaT, rating: rating)
        let interval = model.interval(stability: state.stability, desiredRetention: 0.9)
        #expect(close(state.stability, values[0]), "S \(vector) \(rating)")
        #expect(close(state.difficulty, values[1]), "D \(vector) \(rating)")
        #expect(close(interval, values[2]), "I \(vector) \(rating)")
      }
    }
  }

  @Test func sequencesMatchTheRustReference() throws {
    let golden = try GoldenVectors.load()
    #expect(golden.sequences.count == 5)
    for sequence in golden.sequences {
      var state: MemoryState?
      for review in sequence.reviews {
        state = model.nextState(state, elapsedDays: review[1], rating: Rating(rawValue: review[0])!)
      }
      #expect(close(state!.stability, sequence.stability), "\(sequence.reviews)")
      #expect(close(state!.difficulty, sequence.difficulty), "\(sequence.reviews)")
    }
  }

  @Test func intervalsMatchTheRustReference() throws {
    let golden = try GoldenVectors.load()
    for vector in golden.intervals {
      #expect(close(model.interval(stability: vector.stability, desiredRetention: 0.9), vector.r90))
      #expect(close(model.interval(stability: vector.stability, desiredRetention: 0.8), vector.r80))
      #expect(
        close(model.interval(stability: vector.stability, desiredRetention: 0.95), vector.r95))
    }
  }

  @Test func forgettingCurveMatchesFsrsRs() {
    let cases: [(Double, Double, Double)] = [
      (0, 1, 1.0), (1, 2, 0.9403443), (2, 3, 0.9253786), (3, 4, 0.9185229), (4, 4, 0.9),
      (5, 2, 0.8261359),
    ]
    for (t, s, r) in cases {
      #expect(close(model.retrievability(elapsedDays: t, stability: s), r, absolute: 1e-6))
    }
  }

  @Test func rejectsBadParameters() {
    #expect(throws: ModelError.unsupportedModel("FSRS-7")) {
      try FSRS(parameters: ModelParameters(model: "FSRS-7", weights: []))
    }
    #expect(throws: ModelError.wrongWeightCount(expected: 21, got: 19)) {
      try FSRS(
        parameters: ModelParameters(model: "FSRS-6", weights: Array(repeating: 1, count: 19)))
    }
    var weights = ModelParameters.fsrs6Default.weights
    weights[20] = 2
    #expect(throws: ModelError.self) {
      try FSRS(parameters: ModelParameters(model: "FSRS-6", weights: weights))
    }
  }
}

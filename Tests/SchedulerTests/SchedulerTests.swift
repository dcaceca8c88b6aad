import Foundation
import TestSupport
import Testing

@testable import Scheduler

@Suite struct SchedulerTests {
  let noFuzz = Scheduler(config: SchedulingConfig(fuzz: false, clock: DayClock(timeZone: .utc)))
  let start = parseUTC("2022-11-29T12:30:00+00:00")!

  /// py-fsrs `test_review_card`: each review at its due time, fuzz off, steps 1m/10m.
  @Test func pyFsrsIntervalTrace() throws {
    let ratings: [Rating] =
      Array(repeating: .good, count: 6) + [.again, .again] + Array(repeating: .good, count: 5)
    var card = Card()
    var now = start
    var intervals: [Int] = []
    var stabilities: [Double] = []
    for rating in ratings {
      let outcome = try noFuzz.review(card, rating: rating, at: now, cardKey: "学")
      card = outcome.card
      intervals.append(card.intervalDays)
      stabilities.append(card.memory!.stability)
      now = card.due!
    }
    #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    let expected = [
      2.3065, 2.3065, 10.971048, 46.316858, 162.999816, 497.876555, 6.890413, 2.154598, 2.154598,
      3.983123, 7.236254, 12.483044, 20.770357,
    ]
    for (s, e) in zip(stabilities, expected) { #expect(close(s, e)) }
    #expect(card.lapses == 1)
    #expect(card.reps == 13)
  }

  @Test func learningStepTimings() throws {
    let cases: [(Rating, CardState, Double)] = [
      (.again, .learning, 60), (.hard, .learning, 330), (.good, .learning, 600),
    ]
    for (rating, state, delay) in cases {
      let card = try noFuzz.review(Card(), rating: rating, at: start, cardKey: "x").card
      #expect(card.state == state)
      #expect(card.due == start.addingTimeInterval(delay))
    }
    let easy = try noFuzz.review(Card(), rating: .easy, at: start, cardKey: "x").card
    #expect(easy.state == .review)
    #expect(easy.intervalDays == 8)
  }

  @Test func hardOnASingleStepWaitsHalfAsLongAgain() throws {
    var config = noFuzz.config
    config.learningSteps = [600]
    let card = try Scheduler(config: config).review(Card(), rating: .hard, at: start, cardKey: "x")
    #expect(card.card.due == start.addingTimeInterval(900))
  }

  @Test func graduatedCardAnswersAtDue() throws {
    var card = try noFuzz.review(Card(), rating: .good, at: start, cardKey: "x").card
    card = try noFuzz.review(card, rating: .good, at: card.due!, cardKey: "x").card
    let now = card.due!
    let again = try noFuzz.review(card, rating: .again, at: now, cardKey: "x").card
    #expect(again.state == .relearning)
    #expect(again.due == now.addingTimeInterval(600))
    #expect(close(again.memory!.stability, 0.607702))
    let days = [Rating.hard, .good, .easy].map {
      try! noFuzz.review(card, rating: $0, at: now, cardKey: "x").card.intervalDays
    }
    #expect(days == [8, 11, 19])
  }

  @Test func hardGoodEasyStayOrderedWithFuzz() throws {
    let fuzzed = Scheduler(config: SchedulingConfig(clock: DayClock(timeZone: .utc)))
    for key in ["一", "二", "三", "学", "校"] {
      for s in [0.5, 1.0, 3.0, 20.0, 300.0] {
        let memory = MemoryState(stability: s, difficulty: 9.5)
        let unit = Fuzz.unit(cardKey: key, reps: 3)
        let days = fuzzed.passingIntervals(memory, elapsed: Int(s), fuzz: unit)
        #expect(days[.hard]! < days[.good]! && days[.good]! < days[.easy]!, "\(key) \(s) \(days)")
      }
    }
  }

  @Test func fuzzIsDeterministicAndCanBeSwitchedOff() throws {
    let fuzzed = Scheduler(config: SchedulingConfig(clock: DayClock(timeZone: .utc)))
    let card = Card(
      state: .review, memory: MemoryState(stability: 40, difficulty: 5), due: start,
      lastReview: start.addingTimeInterval(-40 * 86400), reps: 5, intervalDays: 40)
    let first = try fuzzed.review(card, rating: .good, at: start, cardKey: "学").card.intervalDays
    let second = try fuzzed.review(card, rating: .good, at: start, cardKey: "学").card.intervalDays
    #expect(first == second)
    let plain = try noFuzz.review(card, rating: .good, at: start, cardKey: "学").card.intervalDays
    let range = Fuzz.bounds(interval: Double(plain), minimum: 1, maximum: 36500)
    #expect(range.contains(first))
    let spread = Set(
      ["学", "校", "先", "生", "一", "二", "三", "四"].map {
        try! fuzzed.review(card, rating: .good, at: start, cardKey: $0).card.intervalDays
      })
    #expect(spread.count > 1)
  }

  /// Anki rslib `fuzz.rs` vectors: (interval, minimum, maximum) -> draws at u = 0, 0.5, 0.99.
  @Test func ankiFuzzVectors() {
    let cases: [(Double, Int, Int, [Int])] = [
      (1.0, 1, 1000, [1, 1, 1]), (2.49, 1, 1000, [2, 2, 2]), (2.5, 1, 1000, [2, 3, 4]),
      (7.0, 1, 1000, [5, 7, 9]), (17.0, 1, 1000, [14, 17, 20]), (37.0, 1, 1000, [33, 37, 41]),
      (2.0, 2, 1000, [2, 2, 2]), (2.0, 3, 1000, [3, 4, 4]), (2.0, 3, 3, [3, 3, 3]),
      (6.9, 3, 1000, [5, 7, 9]), (19.9, 3, 1000, [17, 20, 23]), (100, 101, 1000, [101, 105, 108]),
      (100, 1, 99, [92, 96, 99]), (100, 97, 103, [97, 100, 103]),
    ]
    for (interval, minimum, maximum, expected) in cases {
      let got = [0, 0.5, 0.99].map {
        Fuzz.apply(interval: interval, minimum: minimum, maximum: maximum, unit: $0)
      }
      #expect(got == expected, "\(interval) \(minimum) \(maximum)")
    }
  }

  @Test func leechFlagsAtEightThenEveryFour() throws {
    var card = Card(
      state: .review, memory: MemoryState(stability: 5, difficulty: 8), due: start,
      lastReview: start.addingTimeInterval(-5 * 86400), reps: 3, intervalDays: 5)
    var now = start
    var flaggedAt: [Int] = []
    for _ in 1...16 {
      let lapse = try noFuzz.review(card, rating: .again, at: now, cardKey: "x")
      if lapse.leechFlagged { flaggedAt.append(lapse.card.lapses) }
      card = lapse.card
      #expect(card.isLeech == (card.lapses >= 8))
      card = try noFuzz.review(card, rating: .good, at: card.due!, cardKey: "x").card
      now = card.due!
    }
    #expect(flaggedAt == [8, 12, 16])
    #expect(card.state == .review)
    let three = SchedulingConfig(leechThreshold: 3)
    #expect((1...8).filter(three.isLeechFlag) == [3, 5, 7])
  }

  @Test func againInLearningIsNotALapse() throws {
    let card = try noFuzz.review(Card(), rating: .again, at: start, cardKey: "x").card
    let again = try noFuzz.review(card, rating: .again, at: card.due!, cardKey: "x").card
    #expect(again.lapses == 0)
  }

  @Test func dayStartsAtFourLocal() {
    let tokyo = DayClock(timeZone: TimeZone(identifier: "Asia/Tokyo")!, dayStartHour: 4)
    // 03:59 and 04:01 Tokyo time on the same date are different learner days.
    let before = parseUTC("2024-05-01T18:59:00+00:00")!
    let after = parseUTC("2024-05-01T19:01:00+00:00")!
    #expect(tokyo.elapsedDays(from: before, to: after) == 1)
    // 23:59 and 00:01 are the same learner day.
    let lateEvening = parseUTC("2024-05-01T14:59:00+00:00")!
    let justAfterMidnight = parseUTC("2024-05-01T15:01:00+00:00")!
    #expect(tokyo.elapsedDays(from: lateEvening, to: justAfterMidnight) == 0)
    #expect(tokyo.start(ofDay: tokyo.dayNumber(after)) == parseUTC("2024-05-01T19:00:00+00:00")!)
  }

  @Test func elapsedDaysAcrossADaylightSavingChange() {
    let berlin = DayClock(timeZone: TimeZone(identifier: "Europe/Berlin")!, dayStartHour: 4)
    // 2024-03-31 clocks go forward at 02:00; 10:00 local on both days.
    let saturday = parseUTC("2024-03-30T09:00:00+00:00")!
    let sunday = parseUTC("2024-03-31T08:00:00+00:00")!
    #expect(berlin.elapsedDays(from: saturday, to: sunday) == 1)
    #expect(berlin.adding(days: 1, to: saturday) == sunday)
  }

  @Test func shortTermReviewChangesMemoryButNotDay() throws {
    let first = try noFuzz.review(Card(), rating: .good, at: start, cardKey: "x")
    let second = try noFuzz.review(
      first.card, rating: .good, at: start.addingTimeInterval(600), cardKey: "x")
    #expect(second.elapsedDays == 0)
    #expect(close(second.card.memory!.difficulty, 2.111214))
  }

  @Test func refusesAReviewBeforeTheLastOne() throws {
    let card = try noFuzz.review(Card(), rating: .good, at: start, cardKey: "x").card
    #expect(throws: SchedulerError.self) {
      try noFuzz.review(card, rating: .good, at: start.addingTimeInterval(-1), cardKey: "x")
    }
  }

  @Test func studyMovesANewCardToTheFirstStep() {
    let card = noFuzz.study(Card(), at: start)
    #expect(card.state == .learning)
    #expect(card.memory == nil)
    #expect(card.reps == 0)
    #expect(card.due == start.addingTimeInterval(60))
  }
}

import Foundation
import Practice
import Scheduler
import TestSupport
import Testing

@Suite struct CardStandingTests {
  let scheduler = Scheduler(
    config: SchedulingConfig(clock: DayClock(timeZone: .utc)))

  @Test func recallIsTheSchedulersPredictionAfterTheElapsedDays() {
    let card = Card(
      state: .review, memory: MemoryState(stability: 10, difficulty: 5),
      lastReview: Fixtures.daysAgo(10), reps: 3, lapses: 2, isLeech: false, intervalDays: 10)
    let standing = CardStanding(kanji: "右", card: card, scheduler: scheduler, now: Fixtures.now)
    #expect(abs(standing.recall! - 0.9) < 1e-9)
    #expect(standing.lapses == 2)
  }

  @Test func aCardNeverReviewedHasNoRecall() {
    let standing = CardStanding(kanji: "右", card: Card(), scheduler: scheduler, now: Fixtures.now)
    #expect(standing.recall == nil)
  }

  @Test func aCardInRelearningStepsIsMarked() {
    let card = Card(
      state: .relearning, memory: MemoryState(stability: 0.5, difficulty: 7),
      lastReview: Fixtures.now, reps: 5, lapses: 1, isLeech: false, intervalDays: 0)
    let standing = CardStanding(kanji: "右", card: card, scheduler: scheduler, now: Fixtures.now)
    #expect(standing.steps)
    #expect(standing.recall == 1)
  }
}

import App
import Foundation
import Practice
import Progress
import ProgressRecords
import TestSupport
import Testing

/// The home screen's figures and the app's start, read from a real store.
@Suite struct StoreFiguresTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func figuresComeFromTheStoreAsTodaysSessionCountsThem() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["一", "二", "三"], at: now)
    let player = HistoryPlayer(store: store, start: now)
    // 一 graduates (two reviews); 二 is learning, due again within the hour; 三 stays new.
    _ = try player.play("一", [.good, .good], failingGrade: nil)
    _ = try player.play("二", [.good], failingGrade: nil)
    let later = now.addingTimeInterval(3600)
    let figures = try HomeFigures.load(store: store, now: later)
    let graduated = try #require(try store.card("一")?.due)
    #expect(
      figures
        == HomeFigures(
          dueNow: 1, newAvailable: 1, reviewedToday: 3, streak: 1, nextReview: graduated,
          gap: WritingGap(readingLevel: 2, tests: [])))
  }

  @Test func aLearningCardDueWithinTheLearnAheadLimitCountsAsDue() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.setSetting("learning_steps", "30m")
    _ = try store.addCards(["一"], at: now)
    // Forgotten at once: due again after the learning step, half an hour later.
    _ = try store.recordReview(ReviewInput(kanji: "一", time: now, rating: .again))
    let atOnce = try HomeFigures.load(store: store, now: now.addingTimeInterval(60))
    #expect(atOnce.dueNow == 0)
    #expect(!HomeMenu(figures: atOnce, now: now).canStudy)
    // Within the learn-ahead limit of its due time, the session would ask it.
    let soon = try HomeFigures.load(store: store, now: now.addingTimeInterval(15 * 60))
    #expect(soon.dueNow == 1)
    #expect(HomeMenu(figures: soon, now: now).canStudy)
  }
}

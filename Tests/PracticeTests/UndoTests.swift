import Foundation
import KanjiData
import Scheduler
import Testing

@testable import Practice

/// `U` takes back stored answers, latest first, and asks their cards again.
@Suite struct UndoTests {
  private let cards = [
    SessionCard(kanji: ten, isNew: false), SessionCard(kanji: two, isNew: false),
  ]

  /// Draws the card's kanji, checks it and saves the proposed rating.
  private func answer(_ learner: inout Learner, _ kanji: Kanji) {
    learner.draw(kanji)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
  }

  @Test func theLastAnswerIsTakenBackAndItsCardAskedAgain() {
    var learner = Learner(cards: cards)
    answer(&learner, ten)
    #expect(learner.records.map(\.kanji) == ["十"])
    #expect(learner.session.index == 1)
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "十"))
    // Nothing changes until the App says the review is gone.
    #expect(learner.session.index == 1)
    learner.send(.undone)
    #expect(learner.session.index == 0)
    #expect(learner.session.stats.reviewed == 0)
    guard case .prompt(let prompt) = learner.session.phase else {
      Issue.record("expected the prompt again, got \(learner.session.phase)")
      return
    }
    #expect(prompt.ink.strokes.isEmpty)
    #expect(learner.screenText.contains("Took back your Good for 十: write it again."))
    #expect(learner.screenText.contains("1 of 2 · review"))
    answer(&learner, ten)
    #expect(learner.records.map(\.kanji) == ["十", "十"])
    #expect(learner.session.index == 1)
  }

  @Test func severalAnswersGoBackOneAtATimeEvenFromTheSummary() {
    var learner = Learner(cards: cards)
    answer(&learner, ten)
    answer(&learner, two)
    #expect(learner.session.phase == .summary)
    #expect(learner.screenText.contains("U undo") || learner.screenText.contains("U take back"))
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "二"))
    learner.send(.undone)
    #expect(learner.session.index == 1)
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "十"))
    learner.send(.undone)
    #expect(learner.session.index == 0)
    #expect(learner.session.stats.reviewed == 0)
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "十"))
    #expect(learner.screenText.contains("Nothing to take back"))
  }

  @Test func aRefusalKeepsTheAnswerToTakeBackLater() {
    var learner = Learner(cards: cards)
    answer(&learner, ten)
    learner.press("U")
    learner.send(.undoFailed("the store is locked"))
    #expect(learner.session.index == 1)
    #expect(learner.screenText.contains("Could not take it back: the store is locked"))
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "十"))
    learner.send(.undone)
    #expect(learner.session.index == 0)
  }

  /// An answer whose save failed was never stored: there is nothing of it to take back.
  @Test func aFailedSaveIsNotTakenBack() {
    var learner = Learner(cards: cards)
    answer(&learner, ten)
    learner.send(.saveFailed("disk full"))
    let before = learner.effects.count
    learner.press("U")
    #expect(learner.effects.count == before)
    #expect(learner.screenText.contains("Nothing to take back"))
  }
}

import Foundation
import ProgressRecords
import Testing

@testable import Practice

/// The summary of today's session offers more: `n` five more new kanji, `a` reviews ahead.
@Suite struct StudyMoreSessionTests {
  func finished(offersMore: Bool) -> Learner {
    var learner = Learner(cards: [SessionCard(kanji: ten, isNew: false)])
    learner.session.offersMore = offersMore
    learner.press("s")
    learner.send(.key(.enter))
    learner.send(.key(.escape))
    return learner
  }

  @Test func theSummaryOffersNewKanjiAndReviewsAhead() {
    var learner = finished(offersMore: true)
    #expect(learner.session.phase == .summary)
    let keys = learner.session.screen.texts.filter { $0.style == .key }.map(\.text)
      .joined(separator: "  ")
    #expect(keys.contains("n +5 new"))
    #expect(keys.contains("a ahead"))
    learner.effects = []
    learner.press("n")
    #expect(learner.effects == [.studyMore(.newKanji)])
    learner.effects = []
    learner.press("a")
    #expect(learner.effects == [.studyMore(.reviewsAhead)])
  }

  @Test func moreCardsAreStudiedAndCountedAsTheSessionsOwn() {
    var learner = finished(offersMore: true)
    learner.send(.moreCards([SessionCard(kanji: two, isNew: true)]))
    guard case .study = learner.session.phase else {
      Issue.record("expected the new kanji studied, got \(learner.session.phase)")
      return
    }
    #expect(learner.session.screen.texts.contains { $0.text == "2 of 2 · new" })
    learner.send(.key(.enter))
    #expect(learner.effects.contains(.recordStudy(kanji: "二", time: learner.clock)))
  }

  @Test func noMoreCardsSaysWhyOnTheSummary() {
    var learner = finished(offersMore: true)
    learner.send(.noMoreCards("No review is scheduled after today."))
    #expect(learner.session.phase == .summary)
    #expect(
      learner.session.screen.texts.contains { $0.text == "No review is scheduled after today." })
  }

  @Test func notOfferedOutsideTodaysSessionOrAfterAStop() {
    var practice = finished(offersMore: false)
    practice.effects = []
    practice.press("n")
    #expect(practice.effects.isEmpty)
    let keys = practice.session.screen.texts.last?.text ?? ""
    #expect(!keys.contains("+5 new"))

    var stopped = Learner(cards: [SessionCard(kanji: ten, isNew: false)])
    stopped.session.offersMore = true
    stopped.press("q")
    stopped.effects = []
    stopped.press("n")
    #expect(stopped.effects.isEmpty)
  }
}

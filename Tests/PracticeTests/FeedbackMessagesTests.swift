import Foundation
import KanjiData
import StrokeMatch
import Testing

@testable import Practice

/// The feedback's messages fit the screen: showing the answer says so once, and a long list
/// ends with how many more there are.
@Suite struct FeedbackMessagesTests {
  /// Eighteen short horizontal strokes, like a kanji of many strokes.
  let many = Kanji(
    character: "曜",
    strokes: StrokeSet(
      strokes: (0..<18).map { number in
        let y = 5 + Double(number) * 5.5
        return ReferenceStroke(points: [Point(x: 20, y: y), Point(x: 90, y: y)], type: "㇐")
      }, components: []),
    meanings: ["weekday"], onyomi: ["ヨウ"], kunyomi: [])

  @Test func showingTheAnswerSaysItOnceInsteadOfEveryMissingStroke() {
    var learner = Learner(cards: [SessionCard(kanji: many, isNew: false)])
    learner.press("s")
    let text = learner.screenText
    #expect(text.contains("Shown: it counts as forgotten."))
    #expect(!text.contains("is missing"))
  }

  @Test func aLongListEndsWithHowManyMore() {
    var learner = Learner(cards: [SessionCard(kanji: many, isNew: false)])
    learner.draw(from: Point(x: 20, y: 5), to: Point(x: 90, y: 5))
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected the feedback, got \(learner.session.phase)")
      return
    }
    let all = feedback.assessment.messages
    let texts = learner.session.screen.texts.map(\.text)
    let shown = all.filter { texts.contains($0) }
    #expect(all.count > 10 && shown.count < all.count - 1)
    #expect(texts.contains("... and \(all.count - shown.count) more"))
    // Nothing overwrites the rating line.
    #expect(texts.contains { $0.hasPrefix("Rating: ") })
  }
}

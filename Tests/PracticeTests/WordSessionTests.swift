import Foundation
import KanjiData
import ProgressRecords
import Scheduler
import StrokeMatch
import Testing

@testable import Practice

/// A word card in the session: written kanji by kanji, rated by its worst kanji.
@Suite struct WordSessionTests {
  /// 十二 じゅうに "twelve", written with the fixture kanji.
  let twelve = WordCard(
    word: Word(
      written: "十二", readings: ["じゅうに"], meanings: ["twelve"], rank: 1, kanji: ["十", "二"]),
    characters: [ten, two])

  func learner() -> Learner {
    Learner(cards: [SessionCard(word: twelve, state: .review)])
  }

  @Test func thePromptIsTheReadingAndMeaningWithBoxesNeverTheKanji() {
    var learner = learner()
    #expect(learner.screenText.contains("[__][  ]"))
    #expect(learner.screenText.contains("□□ — twelve"))
    #expect(learner.screenText.contains("reading: じゅうに"))
    #expect(!learner.screenText.contains("十") && !learner.screenText.contains("二"))
    learner.draw(ten)
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("[十][__]"))
    #expect(learner.screenText.contains("Kanji 2 of 2"))
    #expect(!learner.screenText.contains("二"))
    // The canvas is clear for the second kanji.
    #expect(learner.session.screen.canvases[0].strokes.isEmpty)
  }

  /// On a narrow terminal the title shortens, so the boxes and where the learner is share the
  /// first line and neither is cut.
  @Test func theTitleShortensToKeepTheBoxesAndTheProgressOnANarrowScreen() {
    var learner = learner()
    for (columns, title) in [(80, "Write the word  [__][  ]"), (34, "Word [__][  ]")] {
      learner.send(.resize(columns: columns, rows: 24))
      let first = learner.session.screen.texts.filter { $0.row == 0 }
      #expect(first.map(\.text).first == title)
      #expect(first.allSatisfy { $0.column + DisplayWidth.of($0.text) <= columns }, "\(columns)")
      #expect(first.contains { $0.text.hasPrefix("1 of 1") })
    }
  }

  @Test func bothRightIsGoodAndEachKanjisGradeIsLogged() throws {
    var learner = learner()
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.draw(two)
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.proposed == .good)
    #expect(feedback.parts.map(\.character) == ["十", "二"])
    #expect(learner.session.screen.canvases.map(\.title) == ["yours", "十", "yours", "二"])
    learner.send(.key(.enter))
    let record = try #require(learner.records.first)
    #expect(record.kanji == "word:十二" && record.rating == .good)
    let grade = try #require(WordGrade.stored(record.gradeJSON))
    #expect(grade.word == "十二")
    #expect(grade.parts.map(\.kanji) == ["十", "二"])
    #expect(grade.parts.map(\.rating) == [Rating.good.rawValue, Rating.good.rawValue])
  }

  @Test func aWrongKanjiRatesTheWordAndIsNamed() throws {
    var learner = learner()
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.draw(two, order: [0])
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.proposed == .again)
    #expect(feedback.reason.hasPrefix("二: "))
    #expect(learner.screenText.contains("十: right   二: not right"))
    learner.send(.key(.enter))
    let grade = try #require(WordGrade.stored(learner.records.first?.gradeJSON))
    #expect(grade.parts.map(\.rating) == [Rating.good.rawValue, Rating.again.rawValue])
    // No writing again for a word: the session goes on.
    #expect(learner.session.phase == .summary)
  }

  @Test func takingBackAWordAsksTheWholeWordAgain() {
    var learner = Learner(
      cards: [SessionCard(word: twelve, state: .review), SessionCard(kanji: ten, isNew: false)])
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.draw(two)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    #expect(learner.records.map(\.kanji) == ["word:十二"])
    learner.press("U")
    #expect(learner.effects.last == .undoReview(kanji: "word:十二"))
    learner.send(.undone)
    #expect(learner.screenText.contains("Took back your Good for 十二: write it again."))
    #expect(learner.screenText.contains("[__][  ]"))
  }
}

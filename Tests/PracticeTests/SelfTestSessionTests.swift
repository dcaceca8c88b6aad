import Foundation
import KanjiData
import Practice
import StrokeMatch
import TestSupport
import Testing

@Suite struct SelfTestSessionTests {
  static let characters = Fixtures.selfTestCharacters
  let kanji = Fixtures.selfTestKanji
  let start = Fixtures.now

  func session(_ grades: [String: Grade] = [:]) -> SelfTestSession {
    SelfTestSession(
      kanji: kanji, judge: ScriptedJudge(grades: grades), columns: 80, rows: 30, now: start)
  }

  @Test func opensOnTheFirstKanjiByMeaningAndReadingsOnly() {
    let texts = session().screen.texts.map(\.text)
    #expect(texts.contains("number 1"))
    #expect(texts.contains("on: オン   kun: くん"))
    #expect(texts.contains(SelfTestSession.rules))
    #expect(!texts.joined().contains("一"))
  }

  @Test func enterNeedsADrawingAndMovesOnWithoutFeedback() {
    var test = session()
    #expect(test.handle(.key(.enter), at: start).isEmpty)
    #expect(test.index == 0)
    Fixtures.drawStroke(&test)
    #expect(test.handle(.key(.enter), at: start).isEmpty)
    #expect(test.index == 1)
    #expect(test.screen.texts.map(\.text).contains("number 2"))
    #expect(test.screen.canvases[0].strokes.isEmpty)
  }

  @Test func afterTheTenthTheTestIsSavedWithItsScoreAndReviews() throws {
    let grades = [
      "三": Fixtures.grade("三", [.init(type: .reversed, stroke: 2, message: "backwards")]),
      "四": Fixtures.grade("四", pass: true, [.init(type: .order, stroke: 3, message: "order")]),
    ]
    var test = session(grades)
    var effects: [Effect] = []
    for number in 0..<10 {
      if number == 4 {
        effects = test.handle(.key(.character("x")), at: start.addingTimeInterval(40))
      } else {
        Fixtures.drawStroke(&test)
        effects = test.handle(.key(.enter), at: start.addingTimeInterval(Double(number) * 10))
      }
    }
    let saved = try #require(effects.first)
    guard case .saveSelfTest(let outcome) = saved else {
      Issue.record("expected the test to be saved, got \(effects)")
      return
    }
    #expect(outcome.score.produced == 7)
    #expect(outcome.score.percent == 70)
    #expect(outcome.date == start)
    let ratings = outcome.reviews.map(\.rating)
    #expect(ratings.filter { $0 == .again }.count == 3)
    #expect(outcome.reviews[2].rating == .again)
    #expect(outcome.reviews[0].rating == .good)
    #expect(outcome.reviews.allSatisfy { $0.hintsUsed == 0 })
    #expect(test.phase == .results(selected: 0))
    let title = test.screen.texts.first?.text
    #expect(title == "Self-test: 7 of 10 written completely (70%)")
  }

  @Test func resultsShowEachDrawingBesideTheRightCharacter() {
    let grades = ["三": Fixtures.grade("三", [.init(type: .reversed, stroke: 2, message: "")])]
    var test = session(grades)
    for _ in 0..<10 {
      Fixtures.drawStroke(&test)
      _ = test.handle(.key(.enter), at: start)
    }
    _ = test.handle(.key(.character("3")), at: start)
    #expect(test.phase == .results(selected: 2))
    let screen = test.screen
    #expect(screen.canvases.map(\.title) == ["yours", "三"])
    #expect(screen.canvases[0].strokes.count == 1)
    let texts = screen.texts.map(\.text)
    #expect(texts.contains("3. 三  not written completely"))
    #expect(texts.contains("draws stroke 2 of 三 backwards"))
    _ = test.handle(.key(.character("0")), at: start)
    #expect(test.phase == .results(selected: 9))
    _ = test.handle(.key(.character("n")), at: start)
    #expect(test.phase == .results(selected: 0))
    #expect(test.handle(.key(.enter), at: start) == [.close])
  }

  @Test func quittingMidwayStoresNothing() {
    var test = session()
    Fixtures.drawStroke(&test)
    _ = test.handle(.key(.enter), at: start)
    #expect(test.handle(.key(.character("q")), at: start) == [.close])
    #expect(test.outcome == nil)
  }

  @Test func strokesBeyondTheGradersLimitAreRefusedWithAMessage() {
    var test = session()
    let canvas = test.layout.canvas
    let centre = ScreenPoint(
      x: Double(canvas.column) + Double(canvas.columns) / 2,
      y: Double(canvas.row) + Double(canvas.rows) / 2)
    for _ in 0..<(Ink.maxStrokes + 50) {
      _ = test.handle(.press(centre), at: start)
      _ = test.handle(.release(centre), at: start)
    }
    guard case .asking(let ask) = test.phase else { return }
    #expect(ask.ink.strokes.count == Ink.maxStrokes)
    #expect(ask.current == nil)
    #expect(test.screen.texts.map(\.text).contains { $0.hasPrefix("At most 200 strokes: press u") })
    _ = test.handle(.key(.enter), at: start)
    guard case .asking(let afterAnswer) = test.phase, let answered = test.answers.first else {
      Issue.record("Enter should answer with the full canvas")
      return
    }
    #expect(answered.ink.strokes.count == Ink.maxStrokes)
    #expect(afterAnswer.ink.strokes.isEmpty)
  }

  @Test func aDragOfTooManyPointsKeepsTheStrokeButStopsAdding() {
    var test = session()
    let canvas = test.layout.canvas
    let row = Double(canvas.row) + 1.5
    let left = Double(canvas.column) + 1.5
    _ = test.handle(.press(ScreenPoint(x: left, y: row)), at: start)
    for step in 1...(Ink.maxPointsPerStroke + 500) {
      _ = test.handle(.drag(ScreenPoint(x: left + Double(step % 2), y: row)), at: start)
    }
    #expect(test.screen.texts.map(\.text).contains { $0.hasPrefix("A stroke keeps at most 2000") })
    _ = test.handle(.release(ScreenPoint(x: left + 10, y: row + 3)), at: start)
    guard case .asking(let ask) = test.phase else { return }
    #expect(ask.ink.strokes.map(\.count) == [Ink.maxPointsPerStroke])
    // The points kept are the first ones, back and forth: the release is not among them.
    let stroke = ask.ink.strokes.first ?? []
    #expect(stroke.count > 1 && stroke.allSatisfy { $0 == stroke[0] || $0 == stroke[1] })
  }

  @Test func undoAndClearOnlyTouchTheInk() {
    var test = session()
    Fixtures.drawStroke(&test)
    Fixtures.drawStroke(&test)
    _ = test.handle(.key(.character("u")), at: start)
    guard case .asking(let ask) = test.phase else { return }
    #expect(ask.ink.strokes.count == 1)
    _ = test.handle(.key(.character("c")), at: start)
    guard case .asking(let cleared) = test.phase else { return }
    #expect(cleared.ink.strokes.isEmpty)
  }

  @Test func theReportAfterwardsListsWhatWasWrong() throws {
    let grades = ["三": Fixtures.grade("三", [.init(type: .reversed, stroke: 1, message: "")])]
    var test = session(grades)
    var saved: SelfTestOutcome?
    for number in 0..<10 {
      if number == 1 {
        _ = test.handle(.key(.character("x")), at: start)
        continue
      }
      Fixtures.drawStroke(&test)
      for case .saveSelfTest(let outcome) in test.handle(.key(.enter), at: start) {
        saved = outcome
      }
    }
    let lines = SelfTestResultReport(outcome: try #require(saved), kanji: kanji).lines
    #expect(lines[0] == "Self-test: 8 of 10 written completely (80%).")
    #expect(lines[1] == "  ✓ 一")
    #expect(lines[2] == "  ✗ 二  could not write it")
    #expect(lines[3] == "  ✗ 三  draws stroke 1 of 三 backwards")
    #expect(!lines.contains { $0.hasPrefix("Writable") })
    // With the gap before and after the test, the new estimate stands beside the old.
    let before = WritingGap(
      readingLevel: 30, tests: [Array(repeating: true, count: 7) + [false, false, false]])
    let after = WritingGap(
      readingLevel: 30, tests: [Array(repeating: true, count: 8) + [false, false]])
    let compared = SelfTestResultReport(
      outcome: try #require(saved), kanji: kanji, gap: after, previousGap: before
    ).lines
    #expect(compared.contains("Writable: ≈24 of the 30 kanji you read (was ≈21)."))
    #expect(compared.last?.hasPrefix("Stored.") == true)
  }
}

@Suite struct EmptySelfTestTests {
  @Test func aTestWithoutKanjiNeitherCrashesNorSaves() {
    var test = SelfTestSession(
      kanji: [], judge: ScriptedJudge(grades: [:]), columns: 80, rows: 30, now: Fixtures.now)
    #expect(test.screen.canvases.isEmpty)
    #expect(test.handle(.key(.character("x")), at: Fixtures.now).isEmpty)
    #expect(test.handle(.key(.character("q")), at: Fixtures.now) == [.close])
  }
}

import Foundation
import KanjiData
import Scheduler
import Testing

@testable import Practice

@Suite struct SessionTests {
  private let reviews = [
    SessionCard(kanji: ten, isNew: false), SessionCard(kanji: two, isNew: false),
  ]

  @Test func promptShowsMeaningsReadingsAndProgressButNeverTheCharacter() {
    let learner = Learner(cards: reviews)
    guard case .prompt = learner.session.phase else {
      Issue.record("expected the prompt, got \(learner.session.phase)")
      return
    }
    let text = learner.screenText
    #expect(text.contains("ten"))
    #expect(text.contains("ジュウ"))
    #expect(text.contains("とお"))
    #expect(text.contains("1 of 2 · review"))
    #expect(!text.contains("十"))
    #expect(!text.contains("strokes"))
    #expect(learner.session.screen.canvases.count == 1)
  }

  @Test func strokeCountOnlyWhenTurnedOn() {
    let learner = Learner(cards: reviews, settings: PracticeSettings(showStrokeCount: true))
    #expect(learner.screenText.contains("2 strokes"))
  }

  /// Passes what the endpoint judge passes, with a loose hand's slip noted, as the real grader
  /// does when the recogniser confirms the kanji.
  struct ForgivingJudge: DrawingJudge {
    func assess(_ ink: Ink, against kanji: Kanji) -> Assessment {
      var assessment = EndpointJudge().assess(ink, against: kanji)
      assessment.messages = ["stroke 2 is in the wrong place, forgiven in a loose hand"]
      return assessment
    }

    func checkLastStroke(_ ink: Ink, against kanji: Kanji) -> StrokeCheck {
      EndpointJudge().checkLastStroke(ink, against: kanji)
    }
  }

  @Test func aPassSaysSoAboveAnySlipsLetGo() {
    var plain = Learner(cards: reviews)
    plain.draw(ten)
    plain.send(.key(.enter))
    #expect(plain.screenText.contains("All strokes right."))
    var forgiven = Learner(cards: reviews, judge: ForgivingJudge())
    forgiven.draw(ten)
    forgiven.send(.key(.enter))
    let lines = forgiven.screenText.split(separator: "\n").map(String.init)
    let pass = lines.firstIndex(of: "Right, with slips let go:")
    let slip = lines.firstIndex(of: "stroke 2 is in the wrong place, forgiven in a loose hand")
    #expect(pass != nil && slip != nil && pass! < slip!, "\(lines)")
    #expect(!lines.contains("All strokes right."))
  }

  @Test func correctDrawingIsSavedAsGoodBeforeTheNextCard() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    #expect(learner.session.screen.canvases[0].strokes.count == 2)
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.proposed == .good)
    #expect(learner.screenText.contains("十"))
    #expect(learner.session.screen.canvases.count == 2)
    #expect(learner.records.isEmpty)
    learner.send(.key(.enter))
    #expect(learner.records.count == 1)
    #expect(learner.records.first?.kanji == "十")
    #expect(learner.records.first?.rating == .good)
    #expect(learner.records.first?.proposedRating == .good)
    #expect(learner.records.first?.gradeJSON == "{\"pass\":true}")
    #expect(learner.session.index == 1)
    #expect(learner.screenText.contains("2 of 2"))
  }

  @Test func swappedStrokesAreAnOrderErrorAndHard() {
    var learner = Learner(cards: reviews)
    learner.draw(ten, order: [1, 0])
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.assessment.orderOrDirectionErrors == 2)
    #expect(feedback.proposed == .hard)
    #expect(learner.screenText.contains("out of order"))
    let reference = learner.session.screen.canvases[1]
    #expect(reference.strokes.map(\.style) == [.order, .order])
    #expect(reference.marks.map(\.text) == ["1", "2"])
  }

  @Test func learnerCanChangeTheRatingAndBothAreLogged() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.press("4")
    learner.send(.key(.character(" ")))
    #expect(learner.records.first?.rating == .easy)
    #expect(learner.records.first?.proposedRating == .good)
  }

  @Test func hintsLowerTheRating() {
    var startHint = Learner(cards: reviews)
    startHint.press("h")
    #expect(startHint.session.screen.canvases[0].marks.map(\.text) == ["1"])
    startHint.draw(ten)
    startHint.send(.key(.enter))
    startHint.send(.key(.enter))
    #expect(startHint.records.first?.rating == .hard)
    #expect(startHint.records.first?.hintsUsed == 1)

    var strokeHint = Learner(cards: reviews)
    strokeHint.press("h")
    strokeHint.press("h")
    strokeHint.draw(ten)
    strokeHint.send(.key(.enter))
    strokeHint.send(.key(.enter))
    #expect(strokeHint.records.first?.rating == .again)

    var wholeHint = Learner(cards: reviews)
    for _ in 0..<4 { wholeHint.press("h") }
    #expect(wholeHint.session.screen.canvases[0].strokes.count == 2)
    wholeHint.draw(ten)
    wholeHint.send(.key(.enter))
    guard case .feedback(let feedback) = wholeHint.session.phase else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.revealed)
    #expect(feedback.proposed == .again)
  }

  @Test func showingTheAnswerSavesAgain() {
    var learner = Learner(cards: reviews)
    learner.press("s")
    #expect(learner.screenText.contains("十"))
    learner.send(.key(.enter))
    #expect(learner.records.first?.rating == .again)
  }

  @Test func undoAndClear() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.press("u")
    guard case .prompt(let afterUndo) = learner.session.phase else { return }
    #expect(afterUndo.ink.strokes.count == 1)
    learner.send(.key(.backspace))
    learner.draw(ten)
    learner.press("c")
    guard case .prompt(let afterClear) = learner.session.phase else { return }
    #expect(afterClear.ink.strokes.isEmpty)
    learner.draw(ten)
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("Good: all strokes right"))
    learner.send(.key(.enter))
    // Strokes taken back are mouse slips, not lapses: the rating stays Good.
    #expect(learner.records.first?.rating == .good)
  }

  @Test func enterWithNothingDrawnAsksForADrawing() {
    var learner = Learner(cards: reviews)
    learner.send(.key(.enter))
    guard case .prompt = learner.session.phase else {
      Issue.record("should stay on the prompt")
      return
    }
    #expect(learner.screenText.contains("Draw the kanji first"))
  }

  @Test func pressOutsideTheCanvasDrawsNothing() {
    var learner = Learner(cards: reviews)
    learner.send(.press(ScreenPoint(x: 0.5, y: 0.5)))
    learner.send(.drag(ScreenPoint(x: 40.5, y: 10.5)))
    learner.send(.release(ScreenPoint(x: 40.5, y: 12.5)))
    guard case .prompt(let prompt) = learner.session.phase else { return }
    #expect(prompt.ink.strokes.isEmpty)
  }

  @Test func strokesBeyondTheGradersLimitAreRefusedWithAMessage() {
    var learner = Learner(cards: reviews)
    let canvas = learner.session.layout.canvas
    let centre = ScreenPoint(
      x: Double(canvas.column) + Double(canvas.columns) / 2,
      y: Double(canvas.row) + Double(canvas.rows) / 2)
    // Pasted clicks: thousands of one-point strokes, more than the grader takes.
    for _ in 0..<(Ink.maxStrokes + 50) {
      learner.send(.press(centre))
      learner.send(.release(centre))
    }
    guard case .prompt(let full) = learner.session.phase else { return }
    #expect(full.ink.strokes.count == Ink.maxStrokes)
    #expect(full.current == nil)
    #expect(learner.screenText.contains("At most 200 strokes: press u to undo"))
    learner.press("u")
    learner.send(.press(centre))
    learner.send(.release(centre))
    guard case .prompt(let refilled) = learner.session.phase else { return }
    #expect(refilled.ink.strokes.count == Ink.maxStrokes)
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("Enter should grade the full canvas")
      return
    }
    #expect(feedback.ink.strokes.count == Ink.maxStrokes)
  }

  @Test func aDragOfTooManyPointsKeepsTheStrokeButStopsAdding() {
    var learner = Learner(cards: reviews)
    let canvas = learner.session.layout.canvas
    let row = Double(canvas.row) + 1.5
    let left = Double(canvas.column) + 1.5
    learner.send(.press(ScreenPoint(x: left, y: row)))
    // Back and forth between two cells: every report is a new point.
    for step in 1...(Ink.maxPointsPerStroke + 500) {
      learner.send(.drag(ScreenPoint(x: left + Double(step % 2), y: row)))
    }
    #expect(learner.screenText.contains("A stroke keeps at most 2000 points"))
    learner.send(.release(ScreenPoint(x: left + 10, y: row + 3)))
    guard case .prompt(let prompt) = learner.session.phase else { return }
    #expect(prompt.ink.strokes.count == 1)
    #expect(prompt.ink.strokes.first?.count == Ink.maxPointsPerStroke)
    // The points kept are the first ones: the release past the limit is not among them.
    let stroke = prompt.ink.strokes.first ?? []
    #expect(stroke.last == canvas.unit(ScreenPoint(x: left + 1, y: row)))
    #expect(!stroke.contains(canvas.unit(ScreenPoint(x: left + 10, y: row + 3))))
    learner.draw(from: ten.strokes.strokes[0].points[0], to: ten.strokes.strokes[0].points[1])
    guard case .prompt(let next) = learner.session.phase else { return }
    #expect(next.ink.strokes.count == 2)
    #expect(next.message == nil)
  }

  @Test func resizeKeepsTheStrokes() {
    var learner = Learner(cards: reviews)
    learner.draw(from: ten.strokes.strokes[0].points[0], to: ten.strokes.strokes[0].points[1])
    guard case .prompt(let before) = learner.session.phase else { return }
    learner.send(.resize(columns: 120, rows: 40))
    guard case .prompt(let after) = learner.session.phase else { return }
    #expect(after.ink.strokes == before.ink.strokes)
    #expect(after.ink.columns == learner.session.layout.canvas.columns)
    #expect(after.ink.columns > before.ink.columns)
    learner.draw(from: ten.strokes.strokes[1].points[0], to: ten.strokes.strokes[1].points[1])
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else { return }
    #expect(feedback.proposed == .good)
  }

  @Test func tooSmallShowsAMessageUntilEnlarged() {
    var learner = Learner(cards: reviews)
    learner.draw(from: ten.strokes.strokes[0].points[0], to: ten.strokes.strokes[0].points[1])
    learner.send(.resize(columns: 30, rows: 12))
    #expect(learner.screenText.contains("Terminal too small"))
    #expect(learner.session.screen.canvases.isEmpty)
    learner.send(.key(.enter))
    learner.send(.resize(columns: 80, rows: 24))
    guard case .prompt(let prompt) = learner.session.phase else {
      Issue.record("still on the prompt")
      return
    }
    #expect(prompt.ink.strokes.count == 1)
  }

  @Test func perStrokeModeFlagsAWrongStrokeAndShowsItAfterThreeMisses() {
    var learner = Learner(cards: reviews, settings: PracticeSettings(perStrokeMode: true))
    let vertical = ten.strokes.strokes[1].points
    learner.draw(from: vertical[0], to: vertical[1])
    guard case .prompt(let first) = learner.session.phase else { return }
    #expect(first.ink.strokes.isEmpty)
    #expect(first.rejected != nil)
    #expect(learner.screenText.contains("Stroke 1 is wrong"))
    learner.draw(from: vertical[0], to: vertical[1])
    learner.draw(from: vertical[0], to: vertical[1])
    guard case .prompt(let third) = learner.session.phase else { return }
    #expect(third.shownStrokes == [0])
    learner.draw(ten)
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else { return }
    #expect(feedback.attempt.misses == 3)
    #expect(feedback.proposed == .again)
  }

  @Test func perStrokeModeOneMissOnATwoStrokeKanjiIsAgain() {
    var learner = Learner(cards: reviews, settings: PracticeSettings(perStrokeMode: true))
    let vertical = two.strokes.strokes[1].points
    learner.draw(from: vertical[0], to: vertical[1])
    learner.draw(ten)
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else { return }
    #expect(feedback.attempt.misses == 1)
    #expect(feedback.proposed == .again)
  }

  @Test func newKanjiAreStudiedFirstAndStudyIsNotAReview() {
    var learner = Learner(cards: [SessionCard(kanji: ten, isNew: true)])
    guard case .study = learner.session.phase else {
      Issue.record("expected study")
      return
    }
    #expect(learner.screenText.contains("十"))
    #expect(learner.screenText.contains("1 of 1 · new"))
    #expect(learner.session.screen.canvases[0].strokes.count == 1)
    learner.clock += 5
    learner.send(.tick)
    #expect(learner.session.screen.canvases[0].strokes.count == 2)
    #expect(learner.session.screen.canvases[0].marks.map(\.text) == ["1", "2"])
    learner.press("r")
    #expect(learner.session.screen.canvases[0].strokes.count == 1)
    learner.send(.key(.enter))
    guard case .prompt = learner.session.phase else {
      Issue.record("expected the prompt")
      return
    }
    #expect(!learner.screenText.contains("十"))
    #expect(learner.records.isEmpty)
    #expect(learner.effects == [.recordStudy(kanji: "十", time: learner.clock)])
  }

  @Test func practiceSkipsStudy() {
    let learner = Learner(
      cards: [SessionCard(kanji: ten, isNew: true)],
      settings: PracticeSettings(studyNewCards: false))
    guard case .prompt = learner.session.phase else {
      Issue.record("expected the prompt at once")
      return
    }
  }

  @Test func summaryCountsTheSession() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    learner.press("s")
    learner.send(.key(.enter))
    learner.send(.key(.escape))
    #expect(learner.effects.last == .sessionFinished)
    // Sent a quarter second after the last answer, on the learner's clock.
    learner.send(.outlook(SessionOutlook(streak: 3, nextDue: learner.clock + 600.25)))
    let text = learner.screenText
    #expect(text.contains("Reviewed:          2"))
    #expect(text.contains("Right first time:  1"))
    #expect(text.contains("Again:             1"))
    #expect(text.contains("Streak:            3 days"))
    #expect(text.contains("Next review:       in 10 min"))
    learner.press("q")
    #expect(learner.effects.last == .close)
  }

  @Test func learningCardsDueSoonAreAskedAgainAtTheEnd() {
    var learner = Learner(cards: [reviews[0]])
    learner.press("s")
    learner.send(.key(.enter))
    learner.send(.key(.escape))
    #expect(learner.effects.last == .sessionFinished)
    learner.send(.moreCards([SessionCard(kanji: ten, isNew: false, state: .relearning)]))
    guard case .prompt = learner.session.phase else {
      Issue.record("expected the card again")
      return
    }
    #expect(learner.screenText.contains("2 of 2 · learning"))
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    #expect(learner.records.map(\.rating) == [.again, .good])
    #expect(learner.session.stats.reviewed == 2)
    #expect(learner.session.stats.rightFirstTime == 0)
  }

  @Test func quitOnFeedbackSavesTheAnsweredCardThenShowsTheSummary() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.press("q")
    #expect(learner.records.count == 1)
    #expect(!learner.effects.contains(.quit))
    guard case .summary = learner.session.phase else {
      Issue.record("expected the summary, got \(learner.session.phase)")
      return
    }
    let text = learner.screenText
    #expect(text.contains("Session stopped"))
    #expect(text.contains("Reviewed:          1"))
    #expect(text.contains("Enter or q quit"))
    learner.press("w")
    #expect(learner.effects.last == .record(learner.records[0]))
    learner.press("q")
    #expect(learner.effects.last == .quit)
    #expect(learner.records.count == 1)
  }

  @Test func quitWhileDrawingSavesNothingAndShowsTheSummary() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    learner.draw(two, order: [0])
    learner.press("q")
    #expect(learner.records.count == 1)
    #expect(learner.screenText.contains("Reviewed:          1"))
    learner.send(.key(.enter))
    #expect(learner.effects.last == .quit)
  }

  @Test func interruptOnTheFeedbackSavesAndLeavesAtOnce() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.interrupt))
    #expect(learner.records.count == 1)
    #expect(learner.effects.last == .quit)
  }

  @Test func interruptWhileDrawingSavesNothingUnanswered() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.interrupt))
    #expect(learner.records.isEmpty)
    #expect(learner.effects == [.quit])
  }

  @Test func aFailedSaveGoesBackToTheFeedback() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    learner.send(.saveFailed("disk full"))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected the feedback again")
      return
    }
    #expect(feedback.error == "Could not save: disk full")
    #expect(learner.session.index == 0)
    #expect(learner.session.stats.reviewed == 0)
  }

  // MARK: The daily loop

  @Test func enteringTheFeedbackAsksForTheIntervalsAndShowsThem() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    #expect(learner.effects == [.previewIntervals(kanji: "十")])
    #expect(learner.screenText.contains("Rating: Good   1 Again  2 Hard  [3 Good]  4 Easy"))
    let day = 86400.0
    learner.send(
      .intervals(
        RatingIntervals(
          kanji: "十", seconds: [.again: 600, .hard: day, .good: 3 * day, .easy: 75 * day])))
    #expect(
      learner.screenText.contains(
        "Rating: Good   1 Again 10m  2 Hard 1d  [3 Good 3d]  4 Easy 2.5mo"))
    // Another card's intervals, come late, are not shown.
    learner.send(.intervals(RatingIntervals(kanji: "二", seconds: [.again: 60])))
    #expect(learner.screenText.contains("1 Again 10m"))
  }

  @Test func shortIntervals() {
    let day = 86400.0
    let cases: [(TimeInterval, String)] = [
      (60, "1m"), (330, "6m"), (600, "10m"), (3 * 3600, "3h"), (day, "1d"), (29 * day, "29d"),
      (60 * day, "2mo"), (75 * day, "2.5mo"), (365 * day, "1y"), (438 * day, "1.2y"),
    ]
    for (seconds, label) in cases {
      #expect(Session.shortInterval(seconds) == label)
    }
  }

  @Test func theReasonForTheProposalAndTheProposalOnlyWhenChanged() {
    var learner = Learner(cards: reviews)
    learner.draw(ten)
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("Good: all strokes right"))
    #expect(!learner.screenText.contains("proposed"))
    #expect(!learner.screenText.contains("Proposed"))
    learner.press("4")
    #expect(learner.screenText.contains("Rating: Easy"))
    #expect(learner.screenText.contains("Proposed Good: all strokes right"))

    var hinted = Learner(cards: reviews)
    hinted.press("h")
    hinted.draw(ten)
    hinted.send(.key(.enter))
    #expect(hinted.screenText.contains("Hard: you used a hint"))

    var shown = Learner(cards: reviews)
    shown.press("s")
    #expect(shown.screenText.contains("Again: the whole kanji was shown"))

    var missing = Learner(cards: reviews)
    missing.draw(ten, order: [0])
    missing.send(.key(.enter))
    #expect(missing.screenText.contains("Again: stroke 2 is missing"))

    var swapped = Learner(cards: reviews)
    swapped.draw(ten, order: [1, 0])
    swapped.send(.key(.enter))
    #expect(swapped.screenText.contains("Hard: stroke 1 out of order"))
  }

  @Test func learningCardsSayLearning() {
    let cards = [
      SessionCard(kanji: ten, isNew: false, state: .learning),
      SessionCard(kanji: two, isNew: false, state: .review),
    ]
    var learner = Learner(cards: cards)
    #expect(learner.screenText.contains("1 of 2 · learning"))
    learner.draw(ten)
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("2 of 2 · review"))
  }

  @Test func afterAFailureTheKanjiIsWrittenAgainOverTheReference() {
    var learner = Learner(cards: reviews)
    learner.draw(ten, order: [0])
    learner.send(.key(.enter))
    learner.send(.key(.enter))
    #expect(learner.records.map(\.rating) == [.again])
    guard case .rewrite = learner.session.phase else {
      Issue.record("expected the rewrite, got \(learner.session.phase)")
      return
    }
    #expect(learner.session.index == 0)
    #expect(learner.screenText.contains("Write it again: 十"))
    let canvas = learner.session.screen.canvases[0]
    #expect(canvas.strokes.map(\.style) == [.hint, .hint])
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("or press Esc to skip"))
    learner.draw(ten, reversed: [1])
    #expect(learner.session.screen.canvases[0].strokes.map(\.style) == [.hint, .hint, .ink, .ink])
    learner.send(.key(.enter))
    // Graded and said, but the review stays as recorded.
    #expect(learner.records.map(\.rating) == [.again])
    #expect(learner.session.index == 1)
    #expect(learner.screenText.contains("Written again: stroke 2 drawn backwards"))
    #expect(learner.session.stats.again == 1)
    learner.draw(two, order: [0])
    #expect(!learner.screenText.contains("Written again"))
  }

  @Test func aRightRewriteSaysSoAndShowAnswerAsksForOne() {
    var learner = Learner(cards: reviews)
    learner.press("s")
    learner.send(.key(.enter))
    guard case .rewrite = learner.session.phase else {
      Issue.record("expected the rewrite after show answer")
      return
    }
    learner.draw(ten)
    learner.send(.key(.enter))
    #expect(learner.screenText.contains("Written again: right"))
    #expect(learner.records.map(\.rating) == [.again])
  }

  @Test func escSkipsTheRewrite() {
    var learner = Learner(cards: reviews)
    learner.press("s")
    learner.send(.key(.enter))
    learner.send(.key(.escape))
    guard case .prompt = learner.session.phase else {
      Issue.record("expected the next card, got \(learner.session.phase)")
      return
    }
    #expect(learner.session.index == 1)
    #expect(!learner.screenText.contains("Written again"))
  }

  @Test func noRewriteAfterAPassEvenRatedAgainNorWithTheSettingOff() {
    var passed = Learner(cards: reviews)
    passed.draw(ten)
    passed.send(.key(.enter))
    passed.press("1")
    passed.send(.key(.enter))
    #expect(passed.session.index == 1)
    #expect(passed.records.map(\.rating) == [.again])

    var off = Learner(cards: reviews, settings: PracticeSettings(rewriteAfterFailure: false))
    off.press("s")
    off.send(.key(.enter))
    guard case .prompt = off.session.phase else {
      Issue.record("expected the next card, got \(off.session.phase)")
      return
    }
    #expect(off.session.index == 1)
  }

  @Test func aFailedSaveDuringTheRewriteGoesBackToTheFeedback() {
    var learner = Learner(cards: reviews)
    learner.press("s")
    learner.send(.key(.enter))
    learner.send(.saveFailed("disk full"))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected the feedback again")
      return
    }
    #expect(feedback.error == "Could not save: disk full")
  }

  @Test func firstRunAsksWhatToStudy() {
    var learner = Learner(cards: [], deckIsEmpty: true)
    #expect(learner.screenText.contains("What would you like to study?"))
    learner.press("1")
    #expect(learner.effects == [.addToDeck("jlpt:N5")])
    learner.send(.deckAdded([SessionCard(kanji: ten, isNew: true)]))
    guard case .study = learner.session.phase else {
      Issue.record("expected study of the first new kanji")
      return
    }
  }

  @Test func firstRunTypedKanjiOrFile() {
    var learner = Learner(cards: [], deckIsEmpty: true)
    learner.press("7")
    for character in "十二" { learner.press(character) }
    learner.send(.key(.enter))
    #expect(learner.effects.last == .addToDeck("十二"))
    learner.send(.deckFailed("nothing found"))
    #expect(learner.screenText.contains("nothing found"))
    learner.send(.key(.escape))
    learner.press("7")
    for character in "list.txt" { learner.press(character) }
    learner.send(.key(.enter))
    #expect(learner.effects.last == .addToDeck("file:list.txt"))
  }

  @Test func aNoteOnTheDeckChoiceShowsUntilTheLearnerActs() {
    var learner = Learner(cards: [], deckIsEmpty: true)
    learner.press("1")
    learner.send(.deckAdded([SessionCard(kanji: ten, isNew: true)], note: "skipped x"))
    #expect(learner.screenText.contains("skipped x"))
    learner.press("r")
    #expect(!learner.screenText.contains("skipped x"))
  }

  @Test func nothingDueSaysSo() {
    let learner = Learner(cards: [])
    #expect(learner.screenText.contains("Nothing is due now."))
  }

  @Test func helpShowsKeysAndAnyKeyCloses() {
    var learner = Learner(cards: reviews)
    learner.press("?")
    #expect(learner.screenText.contains("undo the last stroke"))
    #expect(learner.screenText.contains("KanjiVG"))
    #expect(learner.screenText.contains("KANJIDIC2 (EDRDG), CC BY-SA 4.0"))
    #expect(learner.screenText.contains("words: JMdict (EDRDG)"))
    learner.press("x")
    #expect(!learner.screenText.contains("undo the last stroke"))
  }
}

@Suite struct RatingPolicyTests {
  @Test(arguments: [
    (AttemptSummary(strokeCount: 5, passed: true), Rating.good),
    (AttemptSummary(strokeCount: 5, passed: false), .again),
    (AttemptSummary(strokeCount: 5, passed: true, revealed: true), .again),
    (AttemptSummary(strokeCount: 5, passed: true, strokeHintShown: true), .again),
    (AttemptSummary(strokeCount: 5, passed: true, startHintUsed: true), .hard),
    (AttemptSummary(strokeCount: 5, passed: true, orderOrDirectionErrors: 1), .hard),
    (AttemptSummary(strokeCount: 5, passed: true, misses: 2), .hard),
    (AttemptSummary(strokeCount: 5, passed: true, misses: 3), .again),
    (AttemptSummary(strokeCount: 2, passed: true, misses: 1), .again),
    (AttemptSummary(strokeCount: 9, passed: true, misses: 3), .hard),
    (AttemptSummary(strokeCount: 9, passed: true, misses: 4), .again),
  ])
  func proposal(attempt: AttemptSummary, expected: Rating) {
    #expect(RatingPolicy.propose(attempt) == expected)
  }

  @Test(arguments: [
    (AttemptSummary(strokeCount: 5, passed: true), "all strokes right"),
    (AttemptSummary(strokeCount: 5, passed: true, revealed: true), "the whole kanji was shown"),
    (AttemptSummary(strokeCount: 5, passed: true, strokeHintShown: true), "a hint showed a stroke"),
    (AttemptSummary(strokeCount: 5, passed: false), "the drawing is not right"),
    (AttemptSummary(strokeCount: 5, passed: true, startHintUsed: true), "you used a hint"),
    (AttemptSummary(strokeCount: 5, passed: true, misses: 1), "1 stroke was refused"),
    (
      AttemptSummary(strokeCount: 5, passed: true, misses: 3),
      "3 strokes were refused, more than the 2 allowed"
    ),
  ])
  func reason(attempt: AttemptSummary, expected: String) {
    #expect(RatingPolicy.reason(attempt) == expected)
  }

  @Test func theGradersProblemNamesAFailure() {
    let failed = AttemptSummary(strokeCount: 5, passed: false)
    #expect(RatingPolicy.reason(failed, problem: "stroke 3 is missing") == "stroke 3 is missing")
  }

  @Test func easyIsNeverProposed() {
    for passed in [false, true] {
      #expect(RatingPolicy.propose(AttemptSummary(strokeCount: 1, passed: passed)) != .easy)
    }
  }
}

@Suite struct LayoutTests {
  @Test func canvasIsSquareLookingAndAtLeastTheMinimum() {
    let smallest = Layout(columns: Layout.minimumColumns, rows: Layout.minimumRows)
    #expect(!smallest.isTooSmall)
    #expect(smallest.canvas.columns >= 32)
    #expect(smallest.canvas.rows >= 16)
    let large = Layout(columns: 200, rows: 60)
    #expect(large.canvas.columns == 2 * large.canvas.rows)
    #expect(large.canvas.row + large.canvas.rows < large.statusRow)
    #expect(Layout(columns: 80, rows: 22).isTooSmall)
  }

  @Test func feedbackPanelsFitSideBySide() {
    for (columns, rows) in [(34, 24), (80, 24), (200, 60)] {
      let layout = Layout(columns: columns, rows: rows)
      let panels = layout.feedbackPanels
      #expect(panels.reference.column + panels.reference.columns < columns)
      #expect(panels.ink.column >= 1)
      #expect(layout.feedbackTextRow < layout.statusRow)
    }
  }
}

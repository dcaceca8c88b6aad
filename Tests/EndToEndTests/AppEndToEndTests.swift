import Foundation
import TestSupport
import Testing

/// The real binary in tmux: drawing with injected SGR drags, reading the screen and the store.
@Suite(.timeLimit(.minutes(1))) struct AppEndToEndTests {
  @Test func correctDrawingIsAcceptedAndSavedAsGood() throws {
    let app = try AppUnderTest(["practice", "学"])
    try app.tmux.waitForMouseMode()
    #expect(try app.tmux.mouseFlags() == "111")
    let prompt = try app.tmux.waitForText("1 of 1 · review").joined(separator: "\n")
    #expect(!prompt.contains("学"))
    try app.draw("学")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("学  right"))
    #expect(feedback.contains("proposed Good"))
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    #expect(try app.waitForExit() == 0)
    let reviews = try app.reviews()
    #expect(reviews.count == 1)
    #expect(reviews.first?["kanji"] as? String == "学")
    #expect(reviews.first?["rating"] as? Int == LoggedRating.good.rawValue)
    #expect(reviews.first?["proposedRating"] as? Int == LoggedRating.good.rawValue)
  }

  @Test func swappedStrokesAreReportedAsAnOrderError() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    try app.draw("十", order: [2, 1])
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("order"))
    #expect(!feedback.contains("proposed Good"))
  }

  @Test func anotherKanjiDrawnIsNamed() throws {
    let app = try AppUnderTest(["practice", "人"])
    try app.tmux.waitForMouseMode()
    try app.draw("入")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("入, not 人"))
    #expect(feedback.contains("proposed Again"))
  }

  @Test func aHintLowersTheRating() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    try app.tmux.type("h")
    _ = try app.tmux.waitForText("Hint:")
    try app.draw("十")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("proposed Hard"))
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    _ = try app.waitForExit()
    #expect(try app.reviews().first?["rating"] as? Int == LoggedRating.hard.rawValue)
  }

  @Test func showingTheAnswerSavesAgain() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    try app.tmux.type("s")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("十  the answer"))
    #expect(feedback.contains("proposed Again"))
    try app.tmux.type(" ")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    _ = try app.waitForExit()
    #expect(try app.reviews().first?["rating"] as? Int == LoggedRating.again.rawValue)
  }

  @Test func undoAndClear() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    let canvas = try app.canvas()
    try app.draw("十")
    #expect(try canvas.inside(app.tmux.screen()).joined().contains { $0 != " " })
    try app.tmux.type("u")
    _ = try app.tmux.waitForText("Undid the last stroke.")
    let afterUndo = try canvas.inside(app.tmux.screen())
    let strokeTwo = try AppUnderTest.kanji("十").strokes.strokes[1].points
    let top = canvas.cell(x: strokeTwo.first!.x, y: strokeTwo.first!.y)
    #expect(afterUndo[top.row - canvas.row].allSatisfy { $0 == " " })
    #expect(afterUndo.joined().contains { $0 != " " })
    try app.tmux.type("c")
    _ = try app.tmux.waitForText("Cleared.")
    #expect(try canvas.inside(app.tmux.screen()).joined().allSatisfy { $0 == " " })
  }

  @Test func quitRestoresTheTerminalAndKeepsAnsweredReviews() throws {
    let app = try AppUnderTest(["practice", "十", "二"])
    try app.tmux.waitForMouseMode()
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("2 of 2")
    try app.draw("二", order: [1])
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.tmux.format("#{alternate_on}") == "0")
    let reviews = try app.reviews()
    #expect(reviews.map { $0["kanji"] as? String } == ["十"])
  }

  @Test func quitOnTheFeedbackSavesThatReview() throws {
    let app = try AppUnderTest(["practice", "十", "二"])
    try app.tmux.waitForMouseMode()
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try app.reviews().count == 1)
  }

  @Test func resizingMidDrawingKeepsTheStrokes() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    let small = try app.canvas()
    let kanji = try AppUnderTest.kanji("十")
    try app.draw(kanji.strokes.strokes[0], on: small)
    try app.waitForStrokeCount(1)
    try app.tmux.resize(columns: 110, rows: 34)
    let lines = try app.tmux.waitFor("a larger canvas") {
      (FramedCanvas.find(in: $0)?.rows ?? 0) > small.rows
    }
    let large = FramedCanvas.find(in: lines)!
    #expect(large.columns == 2 * large.rows)
    #expect(large.inside(lines).joined().contains { $0 != " " })
    try app.draw(kanji.strokes.strokes[1], on: large)
    try app.waitForStrokeCount(2)
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("十  right"))
  }

  @Test func aWindowBelowTheMinimumShowsAMessage() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    _ = try app.canvas()
    try app.tmux.resize(columns: 30, rows: 15)
    _ = try app.tmux.waitForText("Terminal too small")
    try app.tmux.resize(columns: 80, rows: 24)
    _ = try app.canvas()
  }

  @Test func firstRunOnAnEmptyDeckAsksWhatToStudy() throws {
    let app = try AppUnderTest([])
    _ = try app.tmux.waitForText("What would you like to study?")
    try app.tmux.type("7")
    _ = try app.tmux.waitForText("then Enter")
    try app.tmux.type("十二")
    try app.tmux.key("Enter")
    let study = try app.tmux.waitForText("New kanji: 十").joined(separator: "\n")
    #expect(study.contains("1 of 2 · new"))
    try app.tmux.key("Enter")
    let prompt = try app.tmux.waitForText("Write the kanji").joined(separator: "\n")
    #expect(!prompt.contains("十"))
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("New kanji: 二")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try app.reviews().map { $0["kanji"] as? String } == ["十"])
    #expect(try app.studies() == ["十"])
  }

  @Test func sigtermSavesAnsweredReviewsAndRestores() throws {
    let app = try AppUnderTest(["practice", "十", "二"])
    try app.tmux.waitForMouseMode()
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("2 of 2")
    kill(try app.appProcess(), SIGTERM)
    _ = try app.waitForExit()
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.reviews().count == 1)
  }

  @Test func suspendGivesTheTerminalBackAndResumeSwitchesTheMouseOnAgain() throws {
    let app = try AppUnderTest(["practice", "十"], jobControl: true)
    try app.tmux.waitForMouseMode()
    try app.draw("十", order: [1])
    try app.tmux.key("C-z")
    _ = try app.tmux.waitForText("Stopped")
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.tmux.format("#{alternate_on}") == "0")
    try app.tmux.type("fg")
    try app.tmux.key("Enter")
    try app.tmux.waitForMouseMode()
    try app.waitForStrokeCount(1)
    try app.draw("十", order: [2], total: 2)
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
  }

  @Test func perStrokeModeFlagsAWrongStrokeAtOnce() throws {
    let app = try AppUnderTest(["practice", "十"], settings: ["per_stroke_mode": "on"])
    try app.tmux.waitForMouseMode()
    let canvas = try app.canvas()
    let strokes = try AppUnderTest.kanji("十").strokes.strokes
    try app.draw(strokes[1], on: canvas)
    _ = try app.tmux.waitForText("Draw it again.")
    try app.draw(strokes[0], on: canvas)
    try app.waitForStrokeCount(1)
    try app.draw(strokes[1], on: canvas)
    try app.waitForStrokeCount(2)
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("十  right"))
    #expect(feedback.contains("proposed Again"))
  }

  @Test func aDumbTerminalIsAClearError() throws {
    let app = try AppUnderTest(["practice", "十"], terminal: ["TERM": "dumb"])
    #expect(try app.waitForExit() == 2)
    #expect(try app.tmux.screen().joined().contains("TERM is 'dumb'"))
  }

  @Test func aLocaleThatIsNotUTF8IsAClearErrorNamingTheFix() throws {
    let app = try AppUnderTest(["practice", "十"], terminal: ["LANG": "C", "LC_ALL": "C"])
    #expect(try app.waitForExit() == 2)
    let screen = try app.tmux.screen().joined(separator: " ")
    #expect(screen.contains("UTF-8"))
    #expect(screen.contains("export LANG=C.UTF-8"))
  }

  @Test func noTerminalIsAClearError() throws {
    let result = try spawn(
      [BuiltBinary.path, "practice", "十"],
      environment: ProcessInfo.processInfo.environment.merging(["TERM": "xterm-256color"]) { $1 })
    #expect(result.status == 2)
    #expect(result.output.contains("not a terminal"))
  }
}

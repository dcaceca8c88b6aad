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
    #expect(feedback.contains("Good: all strokes right"))
    #expect(!feedback.contains("Proposed"))
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
    #expect(!feedback.contains("Good: all strokes right"))
  }

  @Test func anotherKanjiDrawnIsNamed() throws {
    let app = try AppUnderTest(["practice", "人"])
    try app.tmux.waitForMouseMode()
    try app.draw("入")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("入, not 人"))
    #expect(feedback.contains("Again: "))
  }

  @Test func aHintLowersTheRating() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    try app.tmux.type("h")
    _ = try app.tmux.waitForText("Hint:")
    try app.draw("十")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("Hard: you used a hint"))
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
    #expect(feedback.contains("Again: the whole kanji was shown"))
    try app.tmux.type(" ")
    _ = try app.tmux.waitForText("Write it again")
    try app.tmux.key("Escape")
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
    let summary = try app.tmux.waitForText("Session stopped").joined(separator: "\n")
    #expect(summary.contains("Reviewed:          1"))
    #expect(summary.contains("Enter or q quit"))
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
    _ = try app.tmux.waitForText("Session stopped")
    #expect(try app.reviews().count == 1)
    try app.tmux.key("Enter")
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
    _ = try app.tmux.waitForText("Session stopped")
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
    #expect(feedback.contains("Again: 1 stroke was refused"))
  }

  /// The feedback's intervals are what `review` gives for each rating on a store with the same
  /// history: here a new card, each rating recorded in a home of its own.
  @Test func theFeedbackShowsWhatEachRatingWouldSchedule() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    try app.tmux.type("s")
    let lines = try app.tmux.waitFor("the intervals") { $0.contains { $0.contains("4 Easy ") } }
    let line = try #require(lines.first { $0.contains("Rating: Again") })
    var labels: [String] = []
    for rating in ["again", "hard", "good", "easy"] {
      let runner = try ProgressHomeRunner()
      try runner.seed(["十"])
      let at = "2026-01-01T00:00:00Z"
      let result = try runner.run(
        "review", "--kanji", "十", "--rating", rating, "--at", at, "--json")
      #expect(result.status == 0, "\(result.stderr)")
      let card = try #require(runner.json(result.stdout))
      let days = try #require(card["interval_days"] as? Int)
      let formatter = ISO8601DateFormatter()
      let dueText = try #require(card["due"] as? String)
      let due = try #require(formatter.date(from: dueText))
      let start = try #require(formatter.date(from: at))
      let seconds = due.timeIntervalSince(start)
      // A new card's steps are minutes; graduating gives days, under a month for a first review.
      labels.append(days > 0 ? "\(days)d" : "\(Int((seconds / 60).rounded()))m")
    }
    let expected =
      "Rating: Again   [1 Again \(labels[0])]  2 Hard \(labels[1])  3 Good \(labels[2])  "
      + "4 Easy \(labels[3])"
    #expect(line.trimmingCharacters(in: .whitespaces) == expected)
    #expect(labels[0] == "1m")
  }

  /// After the answer is shown and accepted, the kanji is written once more over its faint
  /// reference, graded, and the next card comes.
  @Test func afterShowingTheAnswerItIsWrittenAgain() throws {
    // Without word cues: one for 二 (□十 にじゅう) would show 十 on purpose.
    let app = try AppUnderTest(["practice", "十", "二"], settings: ["prompt_words": "off"])
    try app.tmux.waitForMouseMode()
    let empty = try app.canvas()
    #expect(try empty.inside(app.tmux.screen()).joined().allSatisfy { $0 == " " })
    try app.tmux.type("s")
    _ = try app.tmux.waitForText("Rating: Again")
    try app.tmux.key("Enter")
    let rewrite = try app.tmux.waitForText("Write it again: 十")
    // The reference, faint, before anything is drawn.
    let canvas = try #require(FramedCanvas.find(in: rewrite))
    #expect(canvas.inside(rewrite).joined().contains { $0 != " " })
    try app.draw("十")
    try app.tmux.key("Enter")
    let next = try app.tmux.waitForText("2 of 2 · review").joined(separator: "\n")
    #expect(next.contains("Written again: right"))
    #expect(!next.contains("十"))
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Session stopped")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try app.reviews().map { $0["rating"] as? Int } == [LoggedRating.again.rawValue])
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

import Foundation
import Testing

/// The real binary in tmux under input no hand makes: a flood of pasted clicks, escape sequences
/// split by a slow link, replies the app never asked for, and Ctrl-\.
@Suite(.timeLimit(.minutes(1))) struct HostileInputEndToEndTests {
  /// Text a Swift crash or backtrace, or a shell reporting a death by SIGQUIT, leaves on screen.
  static let backtraceMarks = [
    "Backtrac", "crashed", "Program crashed", "Thread 0", "Quit", "core dumped",
  ]

  @Test func fiveThousandPastedClicksAreCappedAndGradedQuickly() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    let canvas = try app.canvas()
    var clicks = ""
    for click in 0..<5000 {
      let column = canvas.column + click % canvas.columns + 1
      let row = canvas.row + click / canvas.columns % canvas.rows + 1
      clicks += "\u{1b}[<0;\(column);\(row)M\u{1b}[<0;\(column);\(row)m"
    }
    let process = try app.appProcess()
    let start = Date()
    try app.tmux.paste(clicks)
    _ = try app.tmux.waitForText("At most 200 strokes: press u to undo", timeout: 20)
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:", timeout: max(1, 20 - Date().timeIntervalSince(start)))
    let seconds = Date().timeIntervalSince(start)
    // Before the cap, grading 5,000 strokes took 133 s and 222 MB.
    #expect(seconds < 20)
    #expect(try AppUnderTest.peakMemoryKB(of: process) < 150_000)
    // Still answering keys.
    try app.tmux.type("3")
    _ = try app.tmux.waitForText("Rating: Good")
    try app.tmux.key("Enter")
    // The scribble failed: it is to be written again, which Escape skips.
    _ = try app.tmux.waitForText("Write it again")
    try app.tmux.key("Escape")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    #expect(try app.waitForExit() == 0)
    let drawing = try #require(app.reviews().first?["drawingJSON"] as? String)
    let strokes = try JSONSerialization.jsonObject(with: Data(drawing.utf8)) as? [String: Any]
    #expect((strokes?["strokes"] as? [Any])?.count == 200)
  }

  @Test func aMouseReportSplitByASlowLinkStillDraws() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    let canvas = try app.canvas()
    let strokes = try AppUnderTest.kanji("十").strokes.strokes
    let start = canvas.cell(x: strokes[0].points.first!.x, y: strokes[0].points.first!.y)
    let end = canvas.cell(x: strokes[0].points.last!.x, y: strokes[0].points.last!.y)
    // Each report in two parts 100 ms apart: longer than the Escape key waits.
    try app.tmux.type("\u{1b}[<0;\(start.column + 1)")
    usleep(100_000)
    try app.tmux.type(";\(start.row + 1)M")
    try app.tmux.type("\u{1b}[<32;\(end.column + 1);\(end.row + 1)M")
    try app.tmux.type("\u{1b}[")
    usleep(100_000)
    try app.tmux.type("<0;\(end.column + 1);\(end.row + 1)m")
    try app.waitForStrokeCount(1)
    try app.draw(strokes[1], on: canvas)
    try app.waitForStrokeCount(2)
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("十  right"))
  }

  @Test func colourRepliesAndAltKeysNeitherQuitNorActAsKeys() throws {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    let canvas = try app.canvas()
    let strokes = try AppUnderTest.kanji("十").strokes.strokes
    try app.draw(strokes[0], on: canvas)
    try app.waitForStrokeCount(1)
    // Replies to colour queries, ended by ST and by BEL, one split 100 ms apart; their c would
    // clear, their s show the answer, their q quit.
    try app.tmux.type("\u{1b}]11;rgb:cccc/cccc/cccc\u{1b}\\")
    try app.tmux.type("\u{1b}]10;rgb:ssss/")
    usleep(100_000)
    try app.tmux.type("qqqq/cccc\u{07}")
    try app.tmux.type("\u{1b}P1$r0m\u{1b}\\")
    // Alt+q and Alt+c.
    try app.tmux.key("M-q")
    try app.tmux.key("M-c")
    try app.draw(strokes[1], on: canvas)
    let lines = try app.tmux.waitForText("Strokes drawn: 2")
    #expect(!lines.joined().contains("[exit"))
    #expect(!lines.joined().contains("Cleared."))
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("十  right"))
  }

  /// Answers 十, reaches the second card, then stops the app with `stop`; the answered review
  /// must be stored, the terminal given back, and no backtrace shown.
  private func stopAfterOneAnswer(
    _ app: AppUnderTest, stop: () throws -> Void, status: () throws -> Int
  ) throws {
    try app.tmux.waitForMouseMode()
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("2 of 2")
    try stop()
    #expect(try status() == 0)
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.tmux.format("#{alternate_on}") == "0")
    let screen = try app.tmux.screen().joined(separator: "\n")
    for mark in Self.backtraceMarks {
      #expect(!screen.contains(mark), "\(mark) on screen:\n\(screen)")
    }
    #expect(try app.reviews().map { $0["kanji"] as? String } == ["十"])
  }

  @Test func ctrlBackslashSavesRestoresAndLeavesWithoutABacktrace() throws {
    // In an interactive shell, as a learner runs it: the shell ignores SIGQUIT, the app gets it.
    let app = try AppUnderTest(["practice", "十", "二"], jobControl: true)
    try stopAfterOneAnswer(
      app, stop: { try app.tmux.key("C-\\") }, status: { try app.exitStatusFromShell() })
  }

  @Test func sigquitSavesRestoresAndLeavesWithoutABacktrace() throws {
    let app = try AppUnderTest(["practice", "十", "二"])
    try stopAfterOneAnswer(
      app, stop: { _ = kill(try app.appProcess(), SIGQUIT) }, status: { try app.waitForExit() })
  }

  @Test func ctrlBackslashAsAByteSavesAndLeaves() throws {
    // With no quit character the terminal sends Ctrl-\ as the byte 0x1c, not as SIGQUIT.
    let app = try AppUnderTest(["practice", "十", "二"], shellSetup: "stty quit undef")
    try stopAfterOneAnswer(
      app, stop: { try app.tmux.key("C-\\") }, status: { try app.waitForExit() })
  }
}

import Foundation
import Testing

/// The real binary in tmux under input no hand makes, such as a flood of pasted clicks.
@Suite(.timeLimit(.minutes(1))) struct HostileInputEndToEndTests {
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
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    #expect(try app.waitForExit() == 0)
    let drawing = try #require(app.reviews().first?["drawingJSON"] as? String)
    let strokes = try JSONSerialization.jsonObject(with: Data(drawing.utf8)) as? [String: Any]
    #expect((strokes?["strokes"] as? [Any])?.count == 200)
  }
}

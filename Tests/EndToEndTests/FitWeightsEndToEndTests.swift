import Foundation
import TestSupport
import Testing

/// The progress page's scheduler section and `o` there in the real app: the calibration of the
/// weights in use, the fit with its progress bar, and saving the fitted weights.
@Suite(.timeLimit(.minutes(1))) struct FitWeightsEndToEndTests {
  @Test func progressPageFitsAndSavesTheWeights() throws {
    let kanji = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    let batch = try TemporaryFolder()
    let now = Date()
    var lines: [String] = []
    for (index, character) in kanji.enumerated() {
      // Easy, then Hard or Easy two days later: one prediction each, nothing due now.
      let first = now.addingTimeInterval(-3 * 86_400 + Double(index) * 60).iso8601
      let second = now.addingTimeInterval(-86_400 + Double(index) * 60).iso8601
      lines.append(#"{"kanji": "\#(character)", "rating": "easy", "at": "\#(first)"}"#)
      let rating = index % 2 == 0 ? "hard" : "easy"
      lines.append(#"{"kanji": "\#(character)", "rating": "\#(rating)", "at": "\#(second)"}"#)
    }
    try lines.joined(separator: "\n")
      .write(toFile: batch.file("reviews.jsonl"), atomically: true, encoding: .utf8)
    let app = try AppUnderTest(
      [], columns: 100, rows: 70,
      before: [["add", kanji.joined()], ["review", "--batch", batch.file("reviews.jsonl")]])
    _ = try app.tmux.waitForText("Reviewed today")
    try app.tmux.type("p")
    let progress = try app.tmux.waitForText("Scheduler (FSRS-6):").joined(separator: "\n")
    #expect(progress.contains("Weights: the FSRS-6 defaults"))
    #expect(progress.contains("Predicted recall against actual"))
    #expect(progress.contains("of 10"))
    #expect(progress.contains("o fit your FSRS weights"))

    try app.tmux.type("o")
    let result = try app.tmux.waitForText("Log loss:").joined(separator: "\n")
    #expect(result.contains("20 reviews, 10 on a later day than the card's previous review."))
    #expect(result.contains("only the initial stabilities w0-w3 were fitted"))
    #expect(result.contains("fitted"))
    #expect(result.contains("s save them"))

    try app.tmux.type("s")
    let saved = try app.tmux.waitForText("Weights fitted").joined(separator: "\n")
    #expect(saved.contains("to 20 reviews: log loss"))
    // Before and after: the defaults beside the fitted weights now in use.
    #expect(saved.contains("  predicted defaults"))
    #expect(saved.contains("fitted, in use"))
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Reviewed today")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)

    let replay = try app.run(["replay", "--json"])
    let weights = try #require(
      (try? JSONSerialization.jsonObject(with: Data(replay.output.utf8)) as? [String: Any])?[
        "parameters"] as? [Double])
    // Easy was recalled every time: its initial stability grew; the rest kept their defaults.
    #expect(weights[3] > 8.2956)
    #expect(weights[4] == 6.4133)
  }

  @Test func optimizeAsksBeforeSavingOnATerminal() throws {
    let folder = try TemporaryFolder()
    let log = folder.file("log.csv")
    try OptimizeCLITests.writeLog(100, to: log)
    let declined = try AppUnderTest(["optimize", "--revlog", log])
    _ = try declined.tmux.waitForText("Save these weights for your reviews? [y/N]")
    try declined.tmux.type("n")
    try declined.tmux.key("Enter")
    let kept = try declined.tmux.waitForText("[exit 0]").joined(separator: "\n")
    #expect(kept.contains("Not saved."))
    #expect(!FileManager.default.fileExists(atPath: declined.home + "/progress.sqlite"))

    let accepted = try AppUnderTest(["optimize", "--revlog", log], sharing: declined)
    _ = try accepted.tmux.waitForText("Save these weights for your reviews? [y/N]")
    try accepted.tmux.type("y")
    try accepted.tmux.key("Enter")
    _ = try accepted.tmux.waitForText("[exit 0]")
    let replay = try BuiltBinary.run(
      ["replay", "--json"], environment: BuiltBinary.environment(home: accepted.home))
    let weights = try #require(
      (try? JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])?[
        "parameters"] as? [Double])
    #expect(abs(weights[2] - 2.3065) > 0.05)
  }
}

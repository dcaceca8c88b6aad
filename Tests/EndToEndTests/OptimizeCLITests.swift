import Foundation
import TestSupport
import Testing

/// `optimize` and `replay` through the built binary: the shared log's figures, saving, the
/// next review using the saved weights, revert, and the small-log rules.
@Suite struct OptimizeCLITests {
  /// ../shared/srs/revlog.csv beside the package; absent in clones without the shared folder.
  static let sharedLog = Repository.root.deletingLastPathComponent()
    .appendingPathComponent("shared/srs/revlog.csv").path
  static var hasSharedLog: Bool { FileManager.default.fileExists(atPath: sharedLog) }

  init() throws {
    try #require(BuiltBinary.exists, "build kanji-write first: \(BuiltBinary.path) is missing")
  }

  /// `count` cards reviewed Good on 2024-05-01 and again two days later, every third forgotten.
  static func writeLog(_ count: Int, to path: String) throws {
    var text = "card_id,review_rating,review_time,review_duration\n"
    for card in 0..<count {
      text += "\(card),3,2024-05-01T10:00:00Z,4000\n"
      text += "\(card),\(card % 3 == 0 ? 1 : 3),2024-05-03T10:00:00Z,4000\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test(.enabled(if: hasSharedLog)) func replayReproducesFsrsRsOnTheSharedLog() throws {
    let runner = try ProgressHomeRunner()
    let result = try runner.run("replay", "--revlog", Self.sharedLog, "--json")
    #expect(result.status == 0, "\(result.stderr)")
    let figures = try #require(runner.json(result.stdout))
    #expect(figures["predictions"] as? Int == 6276)
    #expect(abs((figures["logLoss"] as? Double ?? 0) - 0.453473) <= 1e-5)
    #expect(abs((figures["rmseBins"] as? Double ?? 0) - 0.076601) <= 1e-5)
  }

  @Test(.enabled(if: hasSharedLog)) func fitOnTheSharedLogBeatsTheTargetsAndReplayAgrees() throws {
    let runner = try ProgressHomeRunner()
    let fit = try runner.run("optimize", "--revlog", Self.sharedLog, "--json")
    #expect(fit.status == 0, "\(fit.stderr)")
    let figures = try #require(runner.json(fit.stdout))
    let logLoss = try #require(figures["logLoss"] as? Double)
    let rmse = try #require(figures["rmseBins"] as? Double)
    #expect(logLoss <= 0.4409)
    #expect(rmse <= 0.045)
    #expect(abs((figures["defaultLogLoss"] as? Double ?? 0) - 0.453473) <= 1e-5)
    let weights = try #require(figures["parameters"] as? [Double])
    let replay = try runner.run(
      "replay", "--revlog", Self.sharedLog, "--json", "--params",
      weights.map { "\($0)" }.joined(separator: ","))
    let replayed = try #require(runner.json(replay.stdout))
    #expect(abs((replayed["logLoss"] as? Double ?? 0) - logLoss) <= 1e-12)
    #expect(abs((replayed["rmseBins"] as? Double ?? 0) - rmse) <= 1e-12)
    // Nothing was saved without --save, and no store was made for a file's fit.
    #expect(!FileManager.default.fileExists(atPath: runner.database))
  }

  @Test func savedWeightsAreUsedByTheNextReviewAndRevertGoesBack() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学", "校"])
    let log = runner.home + "/log.csv"
    try Self.writeLog(100, to: log)
    let notAsked = try runner.run("optimize", "--revlog", log)
    #expect(notAsked.stdout.contains("Not saved; run again with --save"))
    let fit = try runner.run("optimize", "--revlog", log, "--save", "--json")
    #expect(fit.status == 0, "\(fit.stderr)")
    let weights = try #require(runner.json(fit.stdout)?["parameters"] as? [Double])
    #expect(abs(weights[2] - 2.3065) > 0.05, "Good's initial stability did not move")

    let review = try runner.run(
      "review", "--kanji", "学", "--rating", "good", "--at", "2024-06-01T10:00:00Z", "--json")
    let card = try #require(runner.json(review.stdout))
    #expect((card["stability"] as? Double).map { abs($0 - weights[2]) < 1e-9 } == true)

    let revert = try runner.run("optimize", "--revert")
    #expect(revert.status == 0, "\(revert.stderr)")
    #expect(revert.stdout.hasPrefix("Back to the default weights of "))
    let next = try runner.run(
      "review", "--kanji", "校", "--rating", "good", "--at", "2024-06-01T10:00:00Z", "--json")
    #expect(
      (runner.json(next.stdout)?["stability"] as? Double).map { abs($0 - 2.3065) < 1e-9 } == true)

    let again = try runner.run("optimize", "--revert")
    #expect(again.status == 2)
    #expect(
      again.stderr
        == "kanji-write: no earlier scheduler weights to go back to: the ones in use are the first stored\n"
    )
  }

  @Test func fitsTheLearnersOwnLogAndStatsShowsTheFit() throws {
    let runner = try ProgressHomeRunner()
    let kanji = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    try runner.seed(kanji)
    var batch = ""
    for (index, character) in kanji.enumerated() {
      batch += #"{"kanji": "\#(character)", "rating": "good", "at": "2024-05-01T10:00:00Z"}"# + "\n"
      let rating = index < 3 ? "again" : "good"
      batch +=
        #"{"kanji": "\#(character)", "rating": "\#(rating)", "at": "2024-05-04T10:00:00Z"}"#
        + "\n"
    }
    try batch.write(toFile: runner.home + "/batch.jsonl", atomically: true, encoding: .utf8)
    #expect(try runner.run("review", "--batch", runner.home + "/batch.jsonl").status == 0)
    let before = try runner.run("stats")
    #expect(before.stdout.contains("  Weights: the FSRS-6 defaults"))
    let fit = try runner.run("optimize", "--save")
    #expect(fit.status == 0, "\(fit.stderr)")
    #expect(fit.stdout.hasPrefix("20 reviews, 10 predicted"))
    #expect(fit.stdout.contains("only the initial stabilities w0-w3 are fitted"))
    #expect(fit.stdout.contains("Saved: the next review uses them"))
    let after = try runner.run("stats")
    #expect(after.stdout.contains("to 20 reviews: log loss "))
    #expect(after.stdout.contains("Predicted recall against actual"))
  }

  @Test func smallLogsFollowTheEightAndSixtyFourRules() throws {
    let runner = try ProgressHomeRunner()
    let log = runner.home + "/log.csv"
    try Self.writeLog(5, to: log)
    let tooFew = try runner.run("optimize", "--revlog", log, "--save")
    #expect(tooFew.status == 0, "\(tooFew.stderr)")
    #expect(tooFew.stdout.contains("Fewer than 8 predicted reviews: too few to fit"))
    #expect(!FileManager.default.fileExists(atPath: runner.database))

    try Self.writeLog(30, to: log)
    let few = try runner.run("optimize", "--revlog", log, "--json")
    let figures = try #require(runner.json(few.stdout))
    #expect(figures["scope"] as? String == "initialStabilities")
    let weights = try #require(figures["parameters"] as? [Double])
    #expect(weights[4] == 6.4133 && weights[20] == 0.1542)

    let retention = try runner.run("optimize", "--revlog", log, "--retention", "--json")
    let simulated = try #require(runner.json(retention.stdout)?["retention"] as? [String: Any])
    let proposed = try #require(simulated["proposed"] as? Double)
    #expect((0.70...0.95).contains(proposed))
    #expect((simulated["candidates"] as? [Any])?.count == 26)
    let text = try runner.run("optimize", "--revlog", log, "--retention")
    #expect(
      text.stdout.contains(
        "Proposed: \(String(format: "%.2f", proposed)). To use it: kanji-write config desired_retention"
      ))
  }

  @Test func badInputIsRefusedWithExitTwo() throws {
    let runner = try ProgressHomeRunner()
    let log = runner.home + "/log.csv"
    try "card_id,review_rating,review_time\n1,9,2024-05-01T10:00:00Z\n".write(
      toFile: log, atomically: true, encoding: .utf8)
    let bad = try runner.run("optimize", "--revlog", log)
    #expect(bad.status == 2)
    #expect(
      bad.stderr
        == "kanji-write: the review log \(log) cannot be read: line 2: review_rating \"9\" is not 0-4\n"
    )
    let missing = try runner.run("replay", "--revlog", runner.home + "/none.csv")
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("kanji-write: cannot read the review log "))
    try Self.writeLog(10, to: log)
    let params = try runner.run("replay", "--revlog", log, "--params", "1,2,3")
    #expect(params.status == 2)
    #expect(params.stderr == "kanji-write: --params: FSRS-6 needs 21 weights, got 3\n")
    let both = try runner.run("optimize", "--revert", "--save")
    #expect(both.status == 2)
    // A home without a store is reported and left without one.
    let empty = try ProgressHomeRunner()
    let nothing = try empty.run("optimize")
    #expect(nothing.status == 2)
    #expect(nothing.stderr.contains("no progress in \(empty.home) yet"))
    #expect(!FileManager.default.fileExists(atPath: empty.database))
  }
}

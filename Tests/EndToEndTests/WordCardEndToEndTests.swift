import Foundation
import TestSupport
import Testing

/// A word card in the real app in tmux: written kanji by kanji, graded as a whole.
@Suite(.timeLimit(.minutes(1))) struct WordCardEndToEndTests {
  @Test func writingBothKanjiRightIsAGoodForTheWord() throws {
    let app = try AppUnderTest(["practice", "--word", "勉強"])
    try app.tmux.waitForMouseMode()
    let prompt = try app.tmux.waitForText("べんきょう").joined(separator: "\n")
    #expect(prompt.contains("[__][  ]") && prompt.contains("□□ — study"))
    #expect(!prompt.contains("勉") && !prompt.contains("強"))
    try app.draw("勉")
    try app.tmux.key("Enter")
    let second = try app.tmux.waitForText("Kanji 2 of 2").joined(separator: "\n")
    #expect(second.contains("[勉][__]") && !second.contains("強"))
    try app.draw("強")
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("勉強  right"))
    #expect(feedback.contains("勉: right") && feedback.contains("強: right"))
    #expect(feedback.contains("Good: all strokes right"))
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    #expect(try app.waitForExit() == 0)
    let reviews = try app.reviews()
    #expect(reviews.count == 1)
    #expect(reviews.first?["kanji"] as? String == "word:勉強")
    #expect(reviews.first?["rating"] as? Int == LoggedRating.good.rawValue)
  }

  @Test func aWrongKanjiRatesTheWordAndTheWeakListNamesIt() throws {
    let app = try AppUnderTest(["practice", "--word", "勉強"])
    try app.tmux.waitForMouseMode()
    try app.draw("勉")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Kanji 2 of 2")
    // 強 without its last three strokes.
    try app.draw("強", order: Array(1...8))
    try app.tmux.key("Enter")
    let feedback = try app.tmux.waitForText("Rating:").joined(separator: "\n")
    #expect(feedback.contains("勉強  not right"))
    #expect(feedback.contains("勉: right") && feedback.contains("強: not right"))
    #expect(feedback.contains("Again: 強: "))
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Session done")
    try app.tmux.key("q")
    #expect(try app.waitForExit() == 0)
    let reviews = try app.reviews()
    #expect(reviews.first?["rating"] as? Int == LoggedRating.again.rawValue)

    let weak = try app.run(["weak", "--json"])
    #expect(weak.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(weak.output.utf8)) as? [String: Any])
    let listed = try #require(object["kanji"] as? [[String: Any]])
    #expect(listed.map { $0["kanji"] as? String } == ["強"])
    let reasons = (listed.first?["reasons"] as? [String]) ?? []
    // 強's own grade from the word's review gives the reason.
    #expect(reasons == ["leaves out strokes 9, 10 and 11"])
    #expect(listed.first?["recentFailures"] as? Int == 1)
  }
}

/// The self-test on words in tmux: its own score and trend, apart from the kanji's.
@Suite(.timeLimit(.minutes(1))) struct WordSelfTestEndToEndTests {
  @Test func aWordTestIsScoredByWholeWordsAndKeptApart() throws {
    let app = try AppUnderTest(["test", "--words", "--word", "一つ", "十分"])
    try app.tmux.waitForMouseMode()
    let first = try app.tmux.waitForText("word 1 of 2").joined(separator: "\n")
    #expect(first.contains("[__]つ") && first.contains("ひとつ"))
    #expect(!first.contains("一"))
    try app.draw("一")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("word 2 of 2")
    try app.draw("十")
    try app.tmux.key("Enter")
    // 分 not written: the second word is not complete.
    _ = try app.tmux.waitForText("[十][__]")
    try app.tmux.type("x")
    let results = try app.tmux.waitForText("written completely").joined(separator: "\n")
    #expect(results.contains("Self-test: 1 of 2 words written completely (50%)"))
    try app.tmux.key("Enter")
    #expect(try app.waitForExit() == 0)

    func history(_ arguments: [String]) throws -> [[String: Any]] {
      let result = try app.run(["test", "--history", "--json"] + arguments)
      let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
      return try #require((object as? [String: Any])?["tests"] as? [[String: Any]])
    }
    let words = try history(["--words"])
    #expect(words.count == 1 && words.first?["score"] as? Double == 50)
    #expect(try history([]).isEmpty)
    #expect(try app.reviews().map { $0["kanji"] as? String } == ["word:一つ", "word:十分"])
  }
}

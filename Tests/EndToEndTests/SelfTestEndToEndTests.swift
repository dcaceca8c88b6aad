import Foundation
import TestSupport
import Testing

/// The self-test in tmux: ten kanji fixed with --kanji, drawn with injected mouse drags, some
/// wrong; then the stored score, the reviews and `test --history`.
@Suite(.timeLimit(.minutes(2))) struct SelfTestEndToEndTests {
  /// How each kanji is answered: its strokes in this order (reversed where listed), or "I can't".
  enum Answer {
    case draw(order: [Int]? = nil, reversed: Set<Int> = [])
    case cannot
  }

  static let answers: [(String, Answer)] = [
    ("一", .draw()), ("二", .draw(order: [2, 1])), ("三", .draw()), ("四", .cannot),
    ("五", .draw()), ("六", .draw()), ("七", .draw(reversed: [1])), ("八", .draw()),
    ("九", .draw()), ("十", .draw(order: [2, 1])),
  ]

  func run(_ arguments: [String], home: String) throws -> String {
    let result = try StoreFile(home: home).run(arguments)
    guard result.status == 0 else {
      throw HarnessError(description: "\(arguments.joined(separator: " ")): \(result.output)")
    }
    return result.output
  }

  @Test func tenKanjiWithSomeWrongAreScoredStoredAndCharted() throws {
    let app = try AppUnderTest(["test", "--kanji", "一二三四五六七八九十"], rows: 30)
    try app.tmux.waitForMouseMode()
    // The mouse modes go on before the first frame is drawn: wait for the frame.
    let first = try app.tmux.waitForText("1 of 10").joined(separator: "\n")
    #expect(first.contains("no hints, no feedback until the end"))
    #expect(!first.contains("一"))
    for (number, (character, answer)) in Self.answers.enumerated() {
      _ = try app.tmux.waitForText("\(number + 1) of 10")
      switch answer {
      case .cannot:
        try app.tmux.type("x")
      case .draw(let order, let reversed):
        try app.draw(character, order: order, reversed: reversed)
        try app.tmux.key("Enter")
      }
    }
    let results = try app.tmux.waitForText("written completely (60%)").joined(separator: "\n")
    #expect(results.contains("Self-test: 6 of 10"))
    #expect(results.contains("yours"))
    try app.tmux.key("Enter")
    #expect(try app.waitForExit() == 0)
    let printed = try app.tmux.screen().joined(separator: "\n")
    #expect(printed.contains("✗ 四  could not write it"))
    #expect(printed.contains("✗ 七  draws stroke 1 of 七 backwards"))

    let history = try JSONSerialization.jsonObject(
      with: Data(try run(["test", "--history", "--json"], home: app.home).utf8))
    let tests = try #require((history as? [String: Any])?["tests"] as? [[String: Any]])
    #expect(tests.count == 1)
    #expect(tests.first?["score"] as? Double == 60)
    let items = try #require(tests.first?["items"] as? [[String: Any]])
    #expect(
      items.filter { $0["produced"] as? Bool == false }.compactMap { $0["kanji"] as? String }
        == ["二", "四", "七", "十"])

    let reviews = try app.reviews()
    #expect(reviews.count == 10)
    #expect(
      reviews.filter { $0["rating"] as? Int == LoggedRating.again.rawValue }.count == 4)

    // The failures are reviews now, so the weak list names them from the logged grades.
    let weak = try JSONSerialization.jsonObject(
      with: Data(try run(["weak", "--json"], home: app.home).utf8))
    let weakKanji = try #require((weak as? [String: Any])?["kanji"] as? [[String: Any]])
    func reasons(_ kanji: String) -> [String] {
      weakKanji.first { $0["kanji"] as? String == kanji }?["reasons"] as? [String] ?? []
    }
    #expect(Set(weakKanji.compactMap { $0["kanji"] as? String }) == ["二", "四", "七", "十"])
    #expect(reasons("七") == ["draws stroke 1 of 七 backwards"])
    #expect(reasons("四") == ["could not write it"])
    #expect(reasons("十").first?.contains("order") == true)

    let text = try run(["test", "--history"], home: app.home)
    #expect(text.contains(" 60%  6/10  一二三四五六七八九十"))
    #expect(text.contains("take another test in a few weeks"))
  }

  /// `practice 十` answered (drawn right, or the answer shown) up to the session's summary,
  /// whose screen it returns.
  func sessionSummary(drawing: Bool) throws -> (AppUnderTest, String) {
    let app = try AppUnderTest(["practice", "十"])
    try app.tmux.waitForMouseMode()
    if drawing {
      try app.draw("十")
      try app.tmux.key("Enter")
    } else {
      try app.tmux.type("s")
    }
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    if !drawing {
      // A shown answer is to be written again; Escape skips it.
      _ = try app.tmux.waitForText("Write it again")
      try app.tmux.key("Escape")
    }
    return (app, try app.tmux.waitForText("Session done").joined(separator: "\n"))
  }

  @Test func theWeakListOpensFromTheEndOfASession() throws {
    let (app, summary) = try sessionSummary(drawing: false)
    #expect(summary.contains("w weak"))
    try app.tmux.type("w")
    let page = try app.tmux.waitForText("Weak kanji, most at risk first").joined(separator: "\n")
    #expect(page.contains("1. 十  relearning, failed 1 of 1 recent review"))
    #expect(page.contains("s practise them"))
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
  }

  @Test func progressOpensFromTheEndOfASession() throws {
    let (app, _) = try sessionSummary(drawing: true)
    try app.tmux.type("p")
    let page = try app.tmux.waitForText("Reviews per day, last 30 days").joined(separator: "\n")
    #expect(page.contains("Cards: new 0"))
    #expect(page.contains("Due in the next 14 days:"))
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
  }

  @Test func theSelfTestFromTheAppSaysWhenThereAreTooFewKanji() throws {
    let (app, _) = try sessionSummary(drawing: false)
    try app.tmux.type("t")
    _ = try app.tmux.waitForText("you have 1; review more")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
  }
}

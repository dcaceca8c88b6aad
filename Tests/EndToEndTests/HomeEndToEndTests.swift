import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The app's home screen in the real binary: every screen comes back to it; q there quits.
@Suite(.timeLimit(.minutes(1))) struct HomeEndToEndTests {
  /// A deck of 十, reviewed (Easy) `daysAgo` days ago: due now when that is past its interval.
  func deck(reviewedDaysAgo daysAgo: Double) -> [[String]] {
    let time = Date().addingTimeInterval(-daysAgo * 86_400).iso8601
    return [["add", "十"], ["review", "--kanji", "十", "--rating", "easy", "--at", time]]
  }

  func waitForHome(_ app: AppUnderTest) throws -> String {
    try app.tmux.waitForText("Reviewed today").joined(separator: "\n")
  }

  @Test func everyScreenComesBackToTheHomeScreenUntilQ() throws {
    let app = try AppUnderTest([], before: deck(reviewedDaysAgo: 60))
    // Something is due: today's session opens at once, with no key before it.
    try app.tmux.waitForMouseMode()
    _ = try app.tmux.waitForText("1 of 1 · review")
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    let summary = try app.tmux.waitForText("Session done").joined(separator: "\n")
    #expect(summary.contains("Enter or q home"))
    try app.tmux.key("Enter")

    var home = try waitForHome(app)
    #expect(home.contains("Kanji Write"))
    #expect(home.contains("Due now           0"))
    #expect(home.contains("Reviewed today    1"))
    #expect(home.contains("Next review       in "))
    #expect(home.contains("Nothing to study now; the next review is in "))
    #expect(!home.contains("study now:"))
    #expect(
      home.contains("t self-test  w weak kanji  p progress  d deck  o settings  ? help  q quit"))

    try app.tmux.type("p")
    let progress = try app.tmux.waitForText("Reviews per day, last 30 days")
      .joined(separator: "\n")
    #expect(progress.contains("Cards: new 0, learning 0, review 1"))
    try app.tmux.type("q")
    _ = try waitForHome(app)

    try app.tmux.type("w")
    _ = try app.tmux.waitForText("Weak kanji")
    try app.tmux.type("q")
    home = try waitForHome(app)
    #expect(home.contains("Reviewed today    1"))

    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.tmux.format("#{alternate_on}") == "0")
    #expect(try app.reviews().count == 2)
  }

  @Test func withNothingDueTheAppOpensOnTheHomeScreenAndSigtermLeaves() throws {
    let app = try AppUnderTest([], before: deck(reviewedDaysAgo: 0))
    let home = try waitForHome(app)
    #expect(home.contains("Due now           0"))
    #expect(home.contains("Nothing to study now; the next review is in "))
    try app.tmux.type("?")
    _ = try app.tmux.waitForText("Kanji Write: help")
    try app.tmux.type("q")
    _ = try waitForHome(app)
    kill(try app.appProcess(), SIGTERM)
    #expect(try app.waitForExit() == 0)
    #expect(try app.tmux.mouseFlags() == "000")
    #expect(try app.tmux.format("#{alternate_on}") == "0")
  }
}

/// The gap on the real app's home screen: the reading level, and when the next self-test is due.
@Suite(.timeLimit(.minutes(1))) struct GapEndToEndTests {
  @Test func theHomeScreenShowsTheGapAndTheNextSelfTest() throws {
    let time = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
    let app = try AppUnderTest(
      [],
      before: [
        ["known", "一二三四五六七八九"], ["add", "十"],
        ["review", "--kanji", "十", "--rating", "good", "--at", time],
        ["review", "--kanji", "十", "--rating", "good"],
      ])
    let home = try app.tmux.waitForText("Reviewed today").joined(separator: "\n")
    #expect(home.contains("Gap               read 10; no self-test yet"))
    #expect(home.contains("Next self-test    due now"))
  }

  /// The progress page draws the self-test scores and the gap week by week as braille lines.
  @Test func theProgressPageDrawsTheGapWeekByWeek() throws {
    let files = try TemporaryFolder()
    let now = Date()
    let kanji = Array("一二三四五六七八九十日月火水木金土山川田").map(String.init)
    func millis(daysAgo: Double) -> Int {
      Int(now.addingTimeInterval(-daysAgo * 86_400).timeIntervalSince1970 * 1000)
    }
    let tests: [[String: Any]] = [(1, 35.0, 4), (2, 14.0, 7)].map { id, daysAgo, produced in
      [
        "id": id, "time": millis(daysAgo: daysAgo), "score": produced * 10,
        "items": kanji.prefix(10).enumerated().map { ["kanji": $1, "produced": $0 < produced] },
      ]
    }
    let backup: [String: Any] = [
      "format": "kanji-write-progress", "version": 1, "exportedAt": millis(daysAgo: 0),
      "cards": [], "reviewLog": [], "settings": [:], "models": [], "selfTests": tests,
      "known": kanji.map { ["kanji": $0, "addedAt": millis(daysAgo: 40)] },
    ]
    let path = files.path + "/backup.json"
    try JSONSerialization.data(withJSONObject: backup).write(to: URL(fileURLWithPath: path))
    let app = try AppUnderTest(
      [], rows: 80,
      before: [
        ["import-progress", path], ["add", "十"], ["review", "--kanji", "十", "--rating", "easy"],
      ])
    _ = try app.tmux.waitForText("Reviewed today")
    try app.tmux.type("p")
    let page = try app.tmux.waitForText("week by week")
    let braille = page.filter { line in
      line.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }
    }
    let scores = try #require(page.firstIndex { $0.hasPrefix("100% ┤") })
    let gap = try #require(page.firstIndex { $0.contains("Kanji you read (⣀⣀ solid)") })
    #expect(page.contains { $0.hasPrefix("  0% └───") })
    #expect(page.contains { $0.hasPrefix("  20 ┤") })
    #expect(page.contains { $0.hasPrefix("   0 └───") })
    #expect(scores < gap)
    #expect(braille.count >= 6)
  }
}

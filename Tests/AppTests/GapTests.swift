import App
import Foundation
import Practice
import Progress
import ProgressRecords
import TestSupport
import Testing

/// The gap from a real store: `kanji-write gap --json` and the home screen's figures, after a
/// known set of 20 and one ten-kanji test with 8 written completely.
@Suite struct GapTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  let known = Array("一二三四五六七八九十日月火水木金土山川田").map(String.init)
  /// Five known kanji and five new ones; the last two are not written.
  let tested = Array("一二三四五人口目耳手").map(String.init)
  /// Reviewed outside the test, so the reading level counts the deck as well.
  let reviewed = Array("上下中大小").map(String.init)

  func run(_ arguments: [String], home: String) throws -> String {
    let result = try ChildProcess.run(
      [BuiltBinary.path] + arguments + ["--home", home, "--data", Repository.referenceDatabase])
    guard result.status == 0 else {
      throw HarnessError(description: "\(arguments.joined(separator: " ")): \(result.stderr)")
    }
    return result.stdout
  }

  /// A store with the known set declared through the command and the test recorded as the app
  /// saves one, taken `daysAgo` days before `now`.
  func prepared(daysAgo: Double) throws -> TemporaryStore {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try run(["known", known.joined()], home: temporary.path)
    _ = try store.addCards(reviewed, at: now)
    for kanji in reviewed {
      _ = try store.recordReview(ReviewInput(kanji: kanji, time: now, rating: .good))
    }
    let time = now.addingTimeInterval(-daysAgo * 86_400)
    let items = tested.enumerated().map { SelfTestItem(kanji: $1, produced: $0 < 8) }
    let reviews = items.map {
      ReviewInput(kanji: $0.kanji, time: time, rating: $0.produced ? .good : .again)
    }
    try store.recordSelfTest(time: time, items: items, score: 80, reviews: reviews)
    return temporary
  }

  @Test func gapJSONAfterTwentyKnownAndEightOfTenWritten() throws {
    let temporary = try prepared(daysAgo: 0)
    let output = try run(["gap", "--json"], home: temporary.path)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    // The 95% Wilson bounds for 8 of 10, by the centre-and-half-width form.
    let z = 1.959963984540054
    let n = 10.0
    let p = 0.8
    let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
    #expect(json["readingLevel"] as? Int == 30)
    #expect(json["writingRecall"] as? Double == 0.8)
    #expect(abs((json["low"] as? Double ?? 0) - (centre - half)) < 1e-9)
    #expect(abs((json["high"] as? Double ?? 0) - (centre + half)) < 1e-9)
    #expect(json["writable"] as? Int == 24)
    #expect(json["gap"] as? Int == 6)
    #expect(json["tests"] as? Int == 1)
    #expect(json["sampled"] as? Int == 10)

    let text = try run(["gap"], home: temporary.path)
    #expect(
      text.contains("You can read 30 kanji and write about 24 of them (95%: 15–28): a gap of 6."))
    // The same figures week by week, as a braille line chart with its axis and dates.
    let chart = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(chart.contains("Kanji you read (⣀⣀ solid) and can write (⡀⡀ dotted), week by week:"))
    #expect(chart.contains { $0.hasPrefix("50 ┤") })
    #expect(chart.contains { $0.hasPrefix(" 0 └───") })
  }

  @Test func gapWithNoSelfTestGivesTheReadingLevelAndNullRecall() throws {
    let temporary = try TemporaryStore()
    _ = try run(["known", known.joined()], home: temporary.path)
    let json = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try run(["gap", "--json"], home: temporary.path).utf8)) as? [String: Any])
    #expect(json["readingLevel"] as? Int == 20)
    #expect(json["writingRecall"] is NSNull)
    #expect(json["tests"] as? Int == 0)
    let text = try run(["gap"], home: temporary.path)
    #expect(text.contains("You can read 20 kanji."))
    #expect(text.contains("No self-test yet"))
  }

  @Test func homeScreenShowsTheGapAndWhenTheNextTestIsDue() throws {
    let temporary = try prepared(daysAgo: 16)
    let figures = try HomeFigures.load(store: temporary.store, now: now)
    let lines = HomeMenu(figures: figures, now: now).screen.texts.map(\.text)
    #expect(lines.contains("Gap               read 30, write ≈24 (15–28)"))
    #expect(lines.contains("Next self-test    in 5 days"))
    _ = try temporary.store.setSetting("self_test_every_days", "14")
    let overdue = try HomeFigures.load(store: temporary.store, now: now)
    #expect(
      HomeMenu(figures: overdue, now: now).screen.texts.map(\.text).contains(
        "Next self-test    due now"))
    let progress = try StatsReport.load(store: temporary.store, now: now).lines
    #expect(
      progress.contains(
        "  You can read 30 kanji and write about 24 of them (95%: 15–28): a gap of 6."))
    #expect(progress.contains("  Next self-test: due now"))
  }
}

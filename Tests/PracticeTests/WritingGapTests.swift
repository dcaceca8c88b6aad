import Foundation
import Practice
import Testing

@Suite struct WritingGapTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  /// The Wilson bounds by the other textbook form, (2np + z² ∓ z√(z² + 4np(1−p))) / 2(n + z²),
  /// so the check does not repeat the code's arithmetic.
  func wilson(_ successes: Int, _ trials: Int) -> (low: Double, high: Double) {
    let n = Double(trials)
    let p = Double(successes) / n
    let z = 1.959963984540054
    let root = z * (z * z + 4 * n * p * (1 - p)).squareRoot()
    let denominator = 2 * (n + z * z)
    return ((2 * n * p + z * z - root) / denominator, (2 * n * p + z * z + root) / denominator)
  }

  @Test func wilsonIntervalMatchesTheClosedForm() {
    for (successes, trials) in [(8, 10), (1, 10), (5, 10), (27, 30), (3, 3)] {
      let interval = WilsonInterval(successes: successes, trials: trials)
      let expected = wilson(successes, trials)
      #expect(abs(interval.low - expected.low) < 1e-12)
      #expect(abs(interval.high - expected.high) < 1e-12)
      #expect(interval.share == Double(successes) / Double(trials))
    }
    // Published figures for 8 of 10: 0.490 to 0.943.
    let eight = WilsonInterval(successes: 8, trials: 10)
    #expect((eight.low * 1000).rounded() == 490)
    #expect((eight.high * 1000).rounded() == 943)
  }

  @Test func wilsonIntervalStaysInsideZeroToOne() {
    let none = WilsonInterval(successes: 0, trials: 10)
    #expect(none.low == 0)
    #expect(none.high > 0.25 && none.high < 0.35)
    let all = WilsonInterval(successes: 10, trials: 10)
    #expect(all.high == 1)
    #expect(all.low > 0.65 && all.low < 0.75)
  }

  @Test func estimateIsReadingLevelTimesRecall() {
    let test = Array(repeating: true, count: 8) + [false, false]
    let gap = WritingGap(readingLevel: 30, tests: [test])
    let expected = wilson(8, 10)
    #expect(gap.recall?.share == 0.8)
    #expect(gap.writable == 24)
    #expect(gap.gap == 6)
    #expect(gap.writableLow == Int((30 * expected.low).rounded()))
    #expect(gap.writableHigh == Int((30 * expected.high).rounded()))
    #expect(gap.tests == 1)
    #expect(gap.sampled == 10)
    #expect(gap.summary == "read 30, write ≈24 (15–28)")
    #expect(
      gap.lines.first
        == "You can read 30 kanji and write about 24 of them (95%: 15–28): a gap of 6.")
  }

  @Test func recallIsMeasuredOverTheLatestThirtyKanjiOrThreeTests() {
    let right = Array(repeating: true, count: 10)
    let wrong = Array(repeating: false, count: 10)
    // Newest first: the fourth, oldest test is left out.
    let four = WritingGap(readingLevel: 100, tests: [right, right, wrong, wrong])
    #expect(four.tests == 3)
    #expect(four.sampled == 30)
    #expect(four.recall?.successes == 20)
    // Longer tests: thirty kanji are reached within the second.
    let long = WritingGap(
      readingLevel: 100,
      tests: [Array(repeating: true, count: 20), Array(repeating: false, count: 20), right])
    #expect(long.tests == 2)
    #expect(long.sampled == 30)
    #expect(long.recall?.successes == 20)
    // Short tests: three of them, fewer than thirty kanji.
    let short = WritingGap(
      readingLevel: 100, tests: Array(repeating: [true, false], count: 5))
    #expect(short.tests == 3)
    #expect(short.sampled == 6)
  }

  @Test func withNoSelfTestOnlyTheReadingLevelIsKnown() {
    let gap = WritingGap(readingLevel: 12, tests: [])
    #expect(gap.recall == nil)
    #expect(gap.writable == nil)
    #expect(gap.gap == nil)
    #expect(gap.summary == "read 12; no self-test yet")
    #expect(gap.lines.first == "You can read 12 kanji.")
  }

  @Test func nextTestIsDueEveryNDaysAfterTheLast() {
    let last = now.addingTimeInterval(-16 * 86_400)
    let next = WritingGap.nextTest(last: last, everyDays: 21)
    #expect(WritingGap.nextTestText(next, now: now) == "in 5 days")
    #expect(
      WritingGap.nextTestText(WritingGap.nextTest(last: last, everyDays: 7), now: now) == "due now")
    #expect(WritingGap.nextTestText(nil, now: now) == "due now")
  }

  @Test func homeScreenShowsTheGapAndTheNextTestUnderTodaysFigures() {
    let gap = WritingGap(
      readingLevel: 30, tests: [Array(repeating: true, count: 8) + [false, false]])
    let home = HomeMenu(
      figures: HomeFigures(
        dueNow: 2, newAvailable: 0, reviewedToday: 1, streak: 1, nextReview: nil, gap: gap,
        nextSelfTest: now.addingTimeInterval(5 * 86_400 + 60)),
      now: now)
    let lines = home.screen.texts.map(\.text)
    let streak = lines.firstIndex(of: "Streak            1 day")
    #expect(
      lines.firstIndex(of: "Gap               read 30, write ≈24 (15–28)") == streak.map { $0 + 1 })
    #expect(lines.contains("Next self-test    in 5 days"))
    let untested = HomeMenu(
      figures: HomeFigures(
        dueNow: 2, newAvailable: 0, reviewedToday: 1, streak: 1, nextReview: nil,
        gap: WritingGap(readingLevel: 4, tests: [])),
      now: now)
    #expect(untested.screen.texts.map(\.text).contains("Next self-test    due now"))
  }
}

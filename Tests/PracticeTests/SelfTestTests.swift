import Foundation
import Practice
import TestSupport
import Testing

@Suite struct SelfTestTests {
  @Test func countsOnlyCompleteDrawingsInAnAcceptedOrder() {
    let clean = SelfTestAnswer.drawn(Fixtures.grade("右", pass: true, []))
    let toleratedShape = SelfTestAnswer.drawn(
      Fixtures.grade("右", pass: true, [.init(type: .shape, stroke: 2, message: "")]))
    let swapped = SelfTestAnswer.drawn(
      Fixtures.grade("右", pass: true, [.init(type: .order, stroke: 1, message: "")]))
    let failed = SelfTestAnswer.drawn(
      Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")]))
    #expect(clean.produced)
    #expect(toleratedShape.produced)
    #expect(!swapped.produced)
    #expect(!failed.produced)
    #expect(!SelfTestAnswer.cannot.produced)
  }

  @Test func scoreIsThePercentageProduced() {
    let pass = SelfTestAnswer.drawn(Fixtures.grade("一", pass: true, []))
    let items =
      Array(repeating: SelfTestEntry(kanji: "一", answer: pass), count: 7)
      + Array(repeating: SelfTestEntry(kanji: "二", answer: .cannot), count: 3)
    let score = SelfTestScore(date: Fixtures.now, items: items)
    #expect(score.produced == 7)
    #expect(score.percent == 70)
  }

  @Test func problemsSayWhatWasWrong() {
    let item = SelfTestEntry(
      kanji: "右",
      answer: .drawn(Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")])))
    #expect(item.problems(parts: Fixtures.parts["右"]) == ["draws stroke 3 of 右 backwards"])
    #expect(
      SelfTestEntry(kanji: "右", answer: .cannot).problems(parts: nil) == ["could not write it"])
  }

  let pool = "一二三四五六七八九十百千万円".map(String.init)

  @Test func pickingIsDeterministicForASeed() {
    let picker = SelfTestPicker()
    let a = picker.pick(pool: pool, history: [], seed: 42)
    #expect(a.count == 10)
    #expect(Set(a).count == 10)
    #expect(a == picker.pick(pool: pool.reversed(), history: [], seed: 42))
    let others = (1...5).map { picker.pick(pool: pool, history: [], seed: $0) }
    #expect(others.contains { $0 != a })
  }

  @Test func picksTheKanjiTestedLongestAgo() {
    let tenAgo = SelfTestScore(
      date: Fixtures.daysAgo(10), kanji: Array(pool.prefix(10)), produced: 5)
    let fiveAgo = SelfTestScore(
      date: Fixtures.daysAgo(5), kanji: Array(pool.prefix(4)), produced: 2)
    let picked = SelfTestPicker().pick(pool: pool, history: [fiveAgo, tenAgo], seed: 7)
    // The four never tested, then the six tested ten days ago; none of last week's four.
    #expect(Set(picked) == Set(pool.suffix(4) + pool[4..<10]))
  }

  /// A fresh set: nothing from the last two tests while the pool has enough else, drawn across
  /// the whole pool so that the estimate is fair, not only from some corner of it.
  @Test func aFreshSetLeavesOutTheLastTwoTestsAndSpreadsOverThePool() {
    let scalars = (0x4E00..<0x4E28).compactMap { UnicodeScalar($0) }
    let wide = scalars.map { String(Character($0)) }
    let last = SelfTestScore(
      date: Fixtures.daysAgo(7), kanji: Array(wide.prefix(10)), produced: 6)
    let before = SelfTestScore(
      date: Fixtures.daysAgo(28), kanji: Array(wide[10..<20]), produced: 5)
    var seen: Set<String> = []
    for seed in UInt64(1)...40 {
      let picked = SelfTestPicker().pick(pool: wide, history: [last, before], seed: seed)
      #expect(picked.count == 10)
      #expect(Set(picked).isDisjoint(with: last.kanji + before.kanji))
      seen.formUnion(picked)
    }
    #expect(seen == Set(wide[20...]))
  }

  @Test func aSmallPoolGivesWhatThereIs() {
    #expect(SelfTestPicker().pick(pool: ["一", "二"], history: [], seed: 1).sorted() == ["一", "二"])
  }
}

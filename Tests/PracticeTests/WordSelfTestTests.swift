import Foundation
import KanjiData
import ProgressRecords
import Scheduler
import StrokeMatch
import TestSupport
import Testing

@testable import Practice

/// The self-test on words: each kanji of each word in turn; a word counts when all its kanji
/// are written completely.
@Suite struct WordSelfTestTests {
  let start = Fixtures.now
  let kanji = Dictionary(uniqueKeysWithValues: Fixtures.selfTestKanji.map { ($0.character, $0) })

  /// Ten words of the fixture kanji: 一二, 三, 四五, 六, 七, 八九, 十, 一, 二三, 四.
  var words: [WordCard] {
    ["一二", "三", "四五", "六", "七", "八九", "十", "一", "二三", "四"].enumerated().map {
      number, written in
      let characters = written.map { kanji[String($0)]! }
      return WordCard(
        word: Word(
          written: written, readings: ["よみ\(number)"], meanings: ["meaning \(number)"],
          rank: number + 1, kanji: characters.map(\.character)),
        characters: characters)
    }
  }

  @Test func asksEachKanjiByTheWordsReadingAndMeaningOnly() {
    var test = SelfTestSession(
      words: words, judge: ScriptedJudge(grades: [:]), columns: 80, rows: 30, now: start)
    var texts = test.screen.texts.map(\.text)
    #expect(texts.contains("Self-test  [__][  ]"))
    #expect(texts.contains("□□ — meaning 0") && texts.contains("reading: よみ0"))
    #expect(!texts.joined().contains("一") && !texts.joined().contains("二"))
    Fixtures.drawStroke(&test)
    _ = test.handle(.key(.enter), at: start)
    texts = test.screen.texts.map(\.text)
    #expect(texts.contains("Self-test  [一][__]"))
    #expect(!texts.joined().contains("二"))
  }

  @Test func theScoreIsTheShareOfWordsWrittenCompletely() throws {
    // 五 (in 四五) fails; 三 (in 三 and 二三) is answered with x the second time.
    let grades = ["五": Fixtures.grade("五", [.init(type: .missing, stroke: 2, message: "missing")])]
    var test = SelfTestSession(
      words: words, judge: ScriptedJudge(grades: grades), columns: 80, rows: 30, now: start)
    var effects: [Effect] = []
    for number in 0..<test.kanji.count {
      if number == 12 {
        effects = test.handle(.key(.character("x")), at: start)
      } else {
        Fixtures.drawStroke(&test)
        effects = test.handle(.key(.enter), at: start)
      }
    }
    #expect(test.kanji.count == 14)
    guard case .saveSelfTest(let outcome) = try #require(effects.first) else {
      Issue.record("expected the test to be saved, got \(effects)")
      return
    }
    #expect(outcome.score.kanji.count == 10)
    #expect(outcome.score.produced == 8 && outcome.score.percent == 80)
    #expect(outcome.items.map(\.kanji).first == "word:一二")
    #expect(
      outcome.items.map(\.produced) == [
        true, true, false, true, true, true, true, true, false, true,
      ])
    let reviews = outcome.reviews
    #expect(reviews.count == 10 && reviews[2].kanji == "word:四五" && reviews[2].rating == .again)
    let grade = try #require(WordGrade.stored(reviews[2].gradeJSON))
    #expect(grade.parts.map(\.kanji) == ["四", "五"])
    #expect(grade.parts.map(\.rating) == [Rating.good.rawValue, Rating.again.rawValue])
    #expect(test.screen.texts.first?.text == "Self-test: 8 of 10 words written completely (80%)")
  }
}

import KanjiData
import TestSupport
import Testing

@testable import Practice

/// Common words as cues beside a kanji's prompt: `□強 べんきょう — study`.
@Suite struct PromptWordTests {
  func word(_ written: String, _ reading: String, _ meaning: String, rank: Int) -> Word {
    Word(
      written: written, readings: [reading], meanings: [meaning], rank: rank,
      kanji: written.unicodeScalars.filter { !Word.isKana($0) }.map { String(Character($0)) })
  }

  @Test func wordsWhoseOtherKanjiAreInTheDeckComeFirstThenTheMostFrequent() {
    let words = [
      word("強", "きょう", "strong", rank: 1),
      word("強化", "きょうか", "strengthening", rank: 2),
      word("強い", "つよい", "strong; powerful", rank: 3),
      word("勉強", "べんきょう", "study; diligence", rank: 4),
    ]
    let withDeck = PromptWord.choose(for: "強", from: words, deck: ["勉"])
    #expect(withDeck.map(\.line) == ["□い つよい — strong", "勉□ べんきょう — study"])
    let empty = PromptWord.choose(for: "強", from: words, deck: [])
    #expect(empty.map(\.blanked) == ["□い", "□化"])
  }

  @Test func theBlankedPromptNeverShowsTheTargetKanji() throws {
    let db = try ReferenceDatabase(path: Repository.requireReferenceDatabase())
    let words = try db.allWords()
    #expect(words.count > 15_000)
    var shown: [String] = []
    for word in words {
      for kanji in word.kanji {
        let line = PromptWord(word, blanking: kanji).line
        if line.contains(kanji) || !line.contains("□") { shown.append("\(kanji): \(line)") }
      }
    }
    #expect(shown.isEmpty, "\(shown.prefix(5))")
    // A word with its kanji twice: both are blanked.
    let twice = try #require(try db.words(written: "代代").first)
    #expect(PromptWord(twice, blanking: "代").blanked == "□□")
  }

  @Test func thePromptShowsTheCuesUnlessTurnedOff() {
    var card = SessionCard(kanji: ten, isNew: false)
    card.promptWords = [PromptWord(word("十分", "じゅうぶん", "enough", rank: 1), blanking: "十")]
    for on in [true, false] {
      let session = Session(
        cards: [card], settings: PracticeSettings(promptWords: on), judge: EndpointJudge(),
        columns: 80, rows: 24, now: Fixtures.now)
      let texts = session.screen.texts.map(\.text)
      #expect(texts.contains("□分 じゅうぶん") == on)
      #expect(texts.contains("enough") == on)
      #expect(!texts.joined().contains("十"))
    }
  }
}

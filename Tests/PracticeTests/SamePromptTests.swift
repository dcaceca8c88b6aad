import KanjiData
import TestSupport
import Testing

@testable import Practice

/// 国 and 國 share meanings and readings: the prompt says which one is meant.
@Suite struct SamePromptTests {
  func kanji(_ character: String, grade: Int?) -> Kanji {
    Kanji(
      character: character, strokes: StrokeSet(strokes: [], components: []),
      meanings: ["country"], onyomi: ["コク"], kunyomi: ["くに"], grade: grade)
  }

  @Test func theJoyoFormAndTheOldFormAreToldApart() {
    let new = kanji("国", grade: 2)
    let old = kanji("國", grade: 10)
    #expect(Screen.distinction(of: new, from: [old]) == "the Jōyō form, not 國")
    #expect(Screen.distinction(of: old, from: [new]) == "not 国, the Jōyō form")
    #expect(Screen.distinction(of: new, from: []) == nil)
    #expect(
      Screen.distinction(of: kanji("乾", grade: 8), from: [kanji("亁", grade: 8)]) == "not 亁")
  }

  @Test func thePromptSaysWhichIsMeant() {
    var card = SessionCard(kanji: kanji("国", grade: 2), isNew: false)
    card.samePrompt = [kanji("國", grade: 10)]
    let session = Session(
      cards: [card], settings: PracticeSettings(), judge: EndpointJudge(), columns: 80, rows: 24,
      now: Fixtures.now)
    let texts = session.screen.texts.map(\.text)
    #expect(texts.contains("country  (the Jōyō form, not 國)"))
    #expect(!texts.joined().contains("国"))
  }
}

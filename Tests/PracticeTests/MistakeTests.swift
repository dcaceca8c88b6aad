import Practice
import TestSupport
import Testing

@Suite struct MistakeTests {
  let migi = Fixtures.parts["右"]!
  let kami = Fixtures.parts["紙"]!

  @Test func reversedStrokeIsNamedWithItsKanji() {
    let grade = Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")])
    let mistakes = Mistake.found(in: grade, kanji: migi)
    #expect(mistakes == [.reversed(stroke: 3)])
    #expect(mistakes[0].phrase(kanji: "右") == "draws stroke 3 of 右 backwards")
  }

  @Test func orderErrorsOfOneDrawingFormOnePair() {
    let grade = Fixtures.grade(
      "右",
      [.init(type: .order, stroke: 5, message: ""), .init(type: .order, stroke: 4, message: "")])
    let mistakes = Mistake.found(in: grade, kanji: migi)
    #expect(mistakes == [.order(strokes: [4, 5])])
    #expect(mistakes[0].phrase(kanji: "右") == "strokes 4 and 5 in the wrong order")
  }

  @Test func missingStrokesOfAWholeComponentNameTheComponent() {
    let grade = Fixtures.grade("紙", Fixtures.missing(1...6) + Fixtures.missing(8...8))
    let mistakes = Mistake.found(in: grade, kanji: kami)
    #expect(mistakes == [.missingComponent("糸"), .missingStrokes([8])])
    #expect(
      mistakes.map { $0.phrase(kanji: "紙") } == ["misses the 糸 component", "leaves out stroke 8"])
  }

  @Test func anotherKanjiHidesItsStrokeErrors() {
    let grade = Fixtures.grade(
      "未",
      [
        .init(type: .character, stroke: 0, message: "", drawn: "末"),
        .init(type: .shape, stroke: 4, message: ""),
      ])
    #expect(Mistake.found(in: grade, kanji: Fixtures.parts["未"]!) == [.otherKanji("末")])
    #expect(Mistake.otherKanji("末").phrase(kanji: "未") == "wrote 末 instead")
  }

  @Test func anEmptyDrawingIsBlank() {
    let grade = Fixtures.grade("右", Fixtures.missing(1...5))
    #expect(Mistake.found(in: grade, kanji: migi) == [.blank])
  }

  @Test func componentsTouchedByAMistake() {
    #expect(migi.components(touchedBy: .reversed(stroke: 3)) == ["口"])
    #expect(migi.components(touchedBy: .order(strokes: [2, 3])) == ["𠂇", "口"])
    #expect(kami.components(touchedBy: .missingComponent("糸")) == ["糸"])
    #expect(kami.components(touchedBy: .extraStroke).isEmpty)
  }

  @Test func theWholeCharacterIsNotAComponent() {
    let parts = Fixtures.parts("口", strokes: 3, [("口", 0...2)])
    #expect(parts.components.isEmpty)
    #expect(parts.component(ofStroke: 1) == nil)
  }
}

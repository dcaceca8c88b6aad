import Foundation
import KanjiData
import StrokeMatch
import Testing

@Suite struct RecognizerTests {
  @Test func recognisesNeatDrawingsOverTheWholeDatabase() throws {
    let sample = try Reference.joyoSample(30)
    let recognizer = Recognizer(candidates: Reference.all)
    var first = 0
    for (index, kanji) in sample.enumerated() {
      let drawing = draw(kanji, level: .typical, seed: UInt64(index))
      let ranked = recognizer.recognize(drawing, top: 5).map(\.kanji)
      #expect(ranked.contains(kanji.character), "\(kanji.character): \(ranked)")
      if ranked.first == kanji.character { first += 1 }
    }
    #expect(first >= 28)
  }

  @Test func namesTheKanjiDrawnInstead() throws {
    let asked = try Reference.kanji("語")
    let drawn = try Reference.kanji("海")
    let drawing = draw(drawn, level: .neat, seed: 5)
    var grade = Grader(kanji: asked).grade(drawing)
    #expect(grade.suggestsAnotherCharacter)
    grade.review(drawing, using: Recognizer(candidates: Reference.all))
    #expect(grade.errors.first?.type == .character)
    #expect(grade.errors.first?.drawn == "海")
  }
}

@Suite struct StrokeJudgeTests {
  func prefix(_ drawing: Drawing, _ count: Int) -> Drawing {
    Drawing(canvas: drawing.canvas, strokes: Array(drawing.strokes.prefix(count)))
  }

  @Test func eachStrokeOfANeatDrawingIsTheExpectedOne() throws {
    for character in ["学", "右", "国", "書"] {
      let kanji = try Reference.kanji(character)
      let drawing = draw(kanji, level: .neat, seed: 2)
      for count in 1...drawing.strokes.count {
        #expect(
          judgeLastStroke(of: prefix(drawing, count), against: kanji, leniency: .normal)
            == .correct(stroke: count), "\(character) stroke \(count)")
      }
    }
  }

  @Test func aReversedOrSkippedAheadStrokeIsNamed() throws {
    let kanji = try Reference.kanji("三")
    let drawing = draw(kanji, level: .neat, seed: 4)
    var reversed = prefix(drawing, 2)
    reversed.strokes[1].reverse()
    #expect(
      judgeLastStroke(of: reversed, against: kanji, leniency: .normal) == .reversed(stroke: 2))
    let skipped = Drawing(
      canvas: drawing.canvas, strokes: [drawing.strokes[0], drawing.strokes[2]])
    #expect(
      judgeLastStroke(of: skipped, against: kanji, leniency: .normal)
        == .outOfOrder(expected: 2, drawn: 3))
    #expect(judgeLastStroke(of: drawing, against: kanji, leniency: .normal) == .correct(stroke: 3))
    var extra = drawing
    extra.strokes.append(drawing.strokes[0])
    #expect(judgeLastStroke(of: extra, against: kanji, leniency: .normal) == .extra)
  }
}

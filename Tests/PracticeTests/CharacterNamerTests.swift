import Foundation
import KanjiData
import Practice
import StrokeMatch
import Testing

@Suite struct CharacterNamerTests {
  /// 十 traced along its reference strokes on a 34 x 17 canvas.
  let tenInk = Ink(
    strokes: ten.strokes.strokes.map { stroke in
      let (a, b) = (stroke.points[0], stroke.points[1])
      return (0...8).map { step in
        let t = Double(step) / 8
        return UnitPoint(x: (a.x + (b.x - a.x) * t) / 109, y: (a.y + (b.y - a.y) * t) / 109)
      }
    }, columns: 34, rows: 17)

  struct Unreadable: Error {}

  @Test func namesTheKanjiDrawnInstead() throws {
    let judge = StrokeMatchJudge(
      leniency: .normal,
      namer: CharacterNamer { count in [ten, two].filter { $0.strokes.strokes.count == count } })
    let assessment = judge.assess(tenInk, against: two)
    let grade = try #require(Grade.stored(assessment.json))
    #expect(!grade.pass)
    #expect(grade.errors.first?.type == .character)
    #expect(grade.errors.first?.drawn == "十")
    #expect(Mistake.found(in: grade, kanji: KanjiParts(kanji: two)) == [.otherKanji("十")])
  }

  @Test func aRightDrawingOrNoReferenceSetNamesNothing() throws {
    let judge = StrokeMatchJudge(
      leniency: .normal,
      namer: CharacterNamer { count in [ten, two].filter { $0.strokes.strokes.count == count } })
    #expect(try #require(Grade.stored(judge.assess(tenInk, against: ten).json)).pass)
    let blind = StrokeMatchJudge(
      leniency: .normal, namer: CharacterNamer { _ in throw Unreadable() })
    let grade = try #require(Grade.stored(blind.assess(tenInk, against: two).json))
    #expect(!grade.errors.contains { $0.type == .character })
  }
}

import Foundation
import KanjiData
import SimulatedWriting
import Testing

@testable import StrokeMatch

/// A kanji the Jōyō table lets one write two ways (𠮟 or 叱; 喩 by hand as 喻) passes either
/// way, and is never named as another kanji for it.
@Suite struct HandwrittenFormTests {
  @Test(arguments: HandwrittenForms.pairs.map { [$0.printed, $0.accepted] })
  func eitherFormPassesAsTheKanji(_ pair: [String]) throws {
    let printed = try Reference.kanji(pair[0])
    let accepted = try Reference.kanji(pair[1])
    for (drawn, asked) in [(accepted, printed), (printed, accepted)] {
      for (index, canvas) in SimulatedWriter.CanvasSize.all.enumerated() {
        let drawing = draw(drawn, level: .neat, canvas: canvas, seed: UInt64(index))
        let grade = graded(asked, drawing)
        #expect(
          grade.pass, "\(drawn.character) failed as \(asked.character) on \(canvas): \(grade)")
      }
    }
  }

  /// The grader accepts the other form because the database gives it as a variant: without it,
  /// 頬 (15 strokes) fails as 頰 (16), and 叱 as 𠮟 (its last stroke a ㇟ where 𠮟's crosses).
  @Test func withoutItsVariantTheOtherFormFails() throws {
    for (printedName, acceptedName) in [("頰", "頬"), ("𠮟", "叱")] {
      var printed = try Reference.kanji(printedName)
      let accepted = try Reference.kanji(acceptedName)
      #expect(printed.variants.contains { $0.name == HandwrittenForms.variantName })
      printed.variants.removeAll { $0.name == HandwrittenForms.variantName }
      let drawing = draw(accepted, level: .neat, canvas: .init(columns: 64, rows: 32), seed: 2)
      #expect(!Grader(kanji: printed).grade(drawing).pass, "\(acceptedName) as \(printedName)")
    }
  }

  /// A look-alike of the kanji is another kanji, never its other form.
  @Test func lookalikesAreOtherKanji() throws {
    let yu = try Reference.kanji("喩")
    let recognizer = Recognizer(candidates: Reference.all)
    let lookalikes = recognizer.lookalikes(of: yu, count: 3)
    #expect(lookalikes.count == 3)
    #expect(!lookalikes.contains("喻") && !lookalikes.contains("喩"))
  }

  /// Another kanji drawn is still failed and named: 愉 is not 喩.
  @Test func anotherKanjiStillFails() throws {
    let yu = try Reference.kanji("喩")
    let pleasure = try Reference.kanji("愉")
    for (index, canvas) in SimulatedWriter.CanvasSize.all.enumerated() {
      let drawing = draw(pleasure, level: .neat, canvas: canvas, seed: UInt64(index))
      #expect(!graded(yu, drawing).pass, "愉 passed as 喩 on \(canvas)")
    }
  }
}

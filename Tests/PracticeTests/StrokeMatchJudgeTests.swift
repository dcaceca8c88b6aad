import Foundation
import KanjiData
import StrokeMatch
import Testing

@testable import Practice

/// The adapter between the session and the StrokeMatch grader: canvas, numbering, messages.
@Suite struct StrokeMatchJudgeTests {
  private let judge = StrokeMatchJudge(leniency: .normal)

  /// 十 traced along its reference strokes on a 34 x 17 canvas.
  private func ink(order: [Int] = [0, 1], reversed: Set<Int> = []) -> Ink {
    let strokes = order.map { number in
      let points = ten.strokes.strokes[number].points.map {
        UnitPoint(x: $0.x / 109, y: $0.y / 109)
      }
      let steps = 8
      let line = (0...steps).map { step -> UnitPoint in
        let t = Double(step) / Double(steps)
        return UnitPoint(
          x: points[0].x + (points[1].x - points[0].x) * t,
          y: points[0].y + (points[1].y - points[0].y) * t)
      }
      return reversed.contains(number) ? Array(line.reversed()) : line
    }
    return Ink(strokes: strokes, columns: 34, rows: 17)
  }

  @Test func drawingIsInCellsOnTheCanvas() throws {
    let drawing = StrokeMatchJudge.drawing(ink())
    #expect(drawing.canvas.columns == 34)
    #expect(drawing.canvas.rows == 17)
    #expect(drawing.canvas.cellAspect == 2)
    #expect(abs(drawing.strokes[0][0].column - 10.0 / 109 * 34) < 1e-9)
    let assessment = judge.assess(ink(), against: ten)
    let decoded = try JSONDecoder().decode(Drawing.self, from: Data(assessment.drawingJSON.utf8))
    #expect(decoded == drawing)
  }

  @Test func aCorrectDrawingPassesStrokeForStroke() throws {
    let assessment = judge.assess(ink(), against: ten)
    #expect(assessment.passed)
    #expect(assessment.verdictsByDrawnIndex == [0: .ok, 1: .ok])
    #expect(assessment.verdict(ofReferenceIndex: 0) == .ok)
    #expect(assessment.verdict(ofReferenceIndex: 1) == .ok)
    #expect(assessment.verdict(ofReferenceIndex: 2) == nil)
    let grade = try JSONDecoder().decode(Grade.self, from: Data(assessment.json.utf8))
    #expect(grade.kanji == "十")
  }

  /// The grader counts strokes from 1, the screens' indexes from 0.
  @Test func verdictsAreLookedUpByIndex() {
    let assessment = Assessment(
      passed: false, messages: [],
      strokes: [
        .init(stroke: 1, drawn: 2, verdict: .order), .init(stroke: 2, drawn: 1, verdict: .order),
        .init(stroke: 3, drawn: nil, verdict: .missing),
      ], json: "{}", drawingJSON: "{}")
    #expect(assessment.verdictsByDrawnIndex == [0: .order, 1: .order])
    #expect(assessment.verdict(ofReferenceIndex: 2) == .missing)
    #expect(assessment.verdict(ofReferenceIndex: 3) == nil)
    #expect(assessment.orderOrDirectionErrors == 2)
  }

  @Test func perStrokeChecks() {
    var first = ink(order: [0])
    #expect(judge.checkLastStroke(first, against: ten).accepted)
    first = ink(order: [0], reversed: [0])
    let backwards = judge.checkLastStroke(first, against: ten)
    #expect(!backwards.accepted)
    #expect(backwards.message == "Stroke 1 drawn backwards")
    let early = judge.checkLastStroke(ink(order: [1]), against: ten)
    #expect(!early.accepted)
  }
}

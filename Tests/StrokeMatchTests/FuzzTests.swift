import Foundation
import KanjiData
import SeededRandom
import Testing

@testable import StrokeMatch

/// Random and mutated drawings never crash the grader, the recogniser or the stroke judge, and
/// every grade keeps its shape.
@Suite struct FuzzTests {
  static func mutations(of drawing: Drawing, using generator: inout SeededGenerator) -> Drawing {
    var result = drawing
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      switch Int.random(in: 0..<8, using: &generator) {
      case 0 where !result.strokes.isEmpty:
        result.strokes.remove(at: Int.random(in: 0..<result.strokes.count, using: &generator))
      case 1 where !result.strokes.isEmpty:
        let index = Int.random(in: 0..<result.strokes.count, using: &generator)
        result.strokes[index] = Array(result.strokes[index].prefix(1))
      case 2:
        result.strokes.append(
          (0..<Int.random(in: 1...40, using: &generator)).map { _ in
            .init(
              column: Double.random(in: -5...60, using: &generator),
              row: Double.random(in: -5...30, using: &generator))
          })
      case 3 where !result.strokes.isEmpty:
        let index = Int.random(in: 0..<result.strokes.count, using: &generator)
        result.strokes[index] = result.strokes[index].shuffled(using: &generator)
      case 4 where result.strokes.count > 1:
        result.strokes.shuffle(using: &generator)
      case 5 where !result.strokes.isEmpty:
        // Every point of a stroke in one cell: a long press.
        let index = Int.random(in: 0..<result.strokes.count, using: &generator)
        result.strokes[index] = Array(repeating: result.strokes[index][0], count: 30)
      case 6:
        result.canvas = .init(
          columns: Double(Int.random(in: 1...200, using: &generator)),
          rows: Double(Int.random(in: 1...100, using: &generator)),
          cellAspect: Double.random(in: 0.1...10, using: &generator))
      default:
        result.strokes = result.strokes.map { stroke in
          stroke.map { .init(column: $0.column * 1000, row: -$0.row) }
        }
      }
    }
    return result
  }

  @Test func randomAndMutatedDrawingsNeverCrash() throws {
    let sample = try Reference.joyoSample(40)
    let recognizer = Recognizer(candidates: sample)
    var generator = SeededGenerator(seed: 99)
    for round in 0..<400 {
      let kanji = sample[round % sample.count]
      let base = draw(kanji, level: .sloppy, seed: UInt64(round))
      let drawing = Self.mutations(of: base, using: &generator)
      guard let valid = try? drawing.validated() else { continue }
      let grade = Grader(kanji: kanji, leniency: Leniency.allCases[round % 3]).grade(valid)
      #expect(grade.strokes.count == kanji.strokes.strokes.count)
      #expect((0...1).contains(grade.score))
      #expect(grade.pass == grade.errors.isEmpty)
      for error in grade.errors where error.type == .extra {
        #expect((1...valid.strokes.count).contains(error.stroke))
      }
      _ = recognizer.recognize(valid, top: 3)
      if !valid.strokes.isEmpty {
        _ = judgeLastStroke(of: valid, against: kanji, leniency: .normal)
      }
    }
  }

  @Test func degenerateDrawingsAreJudgedNotCrashedOn() throws {
    let kanji = try Reference.kanji("学")
    let canvas = Drawing.Canvas(columns: 48, rows: 24)
    let point = Drawing.CellPoint(column: 5, row: 5)
    let drawings = [
      Drawing(canvas: canvas, strokes: []),
      Drawing(canvas: canvas, strokes: [[point]]),
      Drawing(canvas: canvas, strokes: Array(repeating: [point], count: 50)),
      Drawing(canvas: canvas, strokes: [Array(repeating: point, count: 1000)]),
      Drawing(
        canvas: .init(columns: 1, rows: 1, cellAspect: 0.1),
        strokes: [[.init(column: 0, row: 0), .init(column: 0.5, row: 0.9)]]),
    ]
    for drawing in drawings {
      let grade = Grader(kanji: kanji).grade(try drawing.validated())
      #expect(!grade.pass)
      #expect(grade.strokes.count == 8)
    }
    let empty = Grader(kanji: kanji).grade(drawings[0])
    #expect(empty.errors.filter { $0.type == .missing }.count == 8)
  }
}

import Foundation
import KanjiData
import SimulatedWriting
import StrokeMatch
import Testing

@Suite struct RealHandTests {
  func drawStrokes(
    _ strokes: [ReferenceStroke], seed: UInt64 = 1,
    canvas: SimulatedWriter.CanvasSize = .init(columns: 48, rows: 24),
    level: SimulatedWriter.Level = .neat
  ) -> Drawing {
    var writer = SimulatedWriter(seed: seed)
    return writer.draw(strokes, level: level, canvas: canvas)
  }

  @Test func explore() throws {
    for (k, make) in [
      ("防", { (s: [ReferenceStroke]) in RealHandWriter.joining(s, at: 0) }),
      ("口", { (s: [ReferenceStroke]) in RealHandWriter.joining(s, at: 1) }),
      ("口", { (s: [ReferenceStroke]) in
        var r = s
        r[1].points += s[2].points.reversed()
        r.remove(at: 2)
        return r
      }),
      ("刀", { (s: [ReferenceStroke]) in RealHandWriter.splitting(s, 0, at: 0.5) }),
      ("三", { (s: [ReferenceStroke]) in Array(s.dropFirst()) }),
      ("右", { (s: [ReferenceStroke]) in [s[3], s[1]] }),
    ] {
      let kanji = try Reference.kanji(k)
      for seed in 1...3 {
        let grade = Grader(kanji: kanji).grade(drawStrokes(make(kanji.strokes.strokes), seed: UInt64(seed)))
        print("EXPLORE", k, seed, grade.pass, grade.errors.map { "\($0.type) \($0.stroke) \($0.strokes ?? []) \($0.message)" })
      }
    }
    let kuni = try Reference.kanji("国")
    print("EXPLORE 国", kuni.strokes.strokes.map(\.type), kuni.variants.map { ($0.name, $0.strokes.strokes.map(\.type)) })
  }
}

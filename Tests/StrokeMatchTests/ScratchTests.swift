import Foundation
import KanjiData
import SimulatedWriting
import Testing

@testable import StrokeMatch

@Suite struct ScratchTests {
  @Test func scratchMissing() throws {
    var writer = SimulatedWriter(seed: 99)
    var bad = 0
    for (index, kanji) in try Reference.joyoSample(300).enumerated() {
      let canvas = SimulatedWriter.CanvasSize.all[index % 4]
      guard let made = writer.makeCase(.missing, of: kanji, level: index % 2 == 0 ? .typical : .neat, canvas: canvas, id: "x") else { continue }
      let grade = Grader(kanji: kanji).grade(made.drawing)
      if !grade.errors.contains(where: { $0.type == .missing && made.stroke.contains($0.stroke) }) {
        bad += 1
        print("SCRATCH", kanji.character, made.stroke, grade.errors.map { "\($0.type) \($0.stroke) \($0.strokes ?? [])" })
      }
    }
    print("SCRATCH missing bad", bad)
  }

  @Test func scratchSplit() throws {
    var writer = RealHandWriter(seed: 5)
    for (index, kanji) in try Reference.joyoSample(150).enumerated() {
      let canvas = RealHandWriter.canvases[index % RealHandWriter.canvases.count]
      if let made = writer.split(kanji, canvas: canvas) {
        let grade = Grader(kanji: kanji).grade(made.drawing)
        if !grade.errors.contains(where: { $0.type == .split && $0.stroke == made.stroke }) {
          print("SCRATCH split", kanji.character, made.stroke, kanji.strokes.strokes[made.stroke - 1].type, canvas, grade.errors.map { "\($0.type) \($0.stroke) \($0.strokes ?? [])" })
        }
      }
      if let made = writer.joined(kanji, canvas: canvas) {
        let grade = Grader(kanji: kanji).grade(made.drawing)
        if !grade.errors.contains(where: { $0.type == .joined && $0.strokes == made.strokes }) {
          print("SCRATCH joined", kanji.character, made.strokes, canvas, grade.errors.map { "\($0.type) \($0.stroke) \($0.strokes ?? [])" })
        }
      }
    }
  }
}

@Suite struct ScratchTwo {
  @Test func scratchOne() throws {
    var writer = RealHandWriter(seed: 5)
    for (index, kanji) in try Reference.joyoSample(150).enumerated() {
      let canvas = RealHandWriter.canvases[index % RealHandWriter.canvases.count]
      _ = writer.split(kanji, canvas: canvas)
      guard let made = writer.joined(kanji, canvas: canvas), ["伯", "印", "排", "衣"].contains(kanji.character) else { continue }
      let prepared = PreparedDrawing(made.drawing)
      let tolerance = Tolerance(leniency: .normal, quantisation: prepared.quantisation)
      let form = PreparedStrokeSet(name: "", strokeSet: kanji.strokes)
      let match = Matcher(tolerance: tolerance).match(prepared, form)
      let paths = JoinedStrokes(tolerance: tolerance)
      let run = made.strokes.map { $0 - 1 }
      print("SCRATCH2", kanji.character, made.strokes, match.referenceOfDrawn, match.drawnOfReference)
      for i in prepared.strokes.indices {
        let path = paths.placed(prepared, i, match)
        let strokes = run.map { form.strokes[$0] }
        let longest = strokes.map(\.length).max()!
        let d = Polyline.length(path) + tolerance.quantisation
        if paths.follows(path, strokes.flatMap(\.polyline), length: longest) {
          print("SCRATCH2 dist", strokes.map { st in st.samples.map { Int(Polyline.distance(from: $0, to: path)) } }, 0.5 * tolerance.mean(longest), strokes.map(\.length), path.count)
        }
        print("SCRATCH2  drawn", i, d / strokes.reduce(0) { $0 + $1.length }, Polyline.distance(from: path[0], to: [strokes[0].samples[0], strokes[0].samples[0]]) / tolerance.endpoint(longest), strokes.map { paths.covers(path, $0, limit: tolerance.mean(longest)) }, paths.follows(path, strokes.flatMap(\.polyline), length: longest), paths.isJoined(path, strokes))
      }
    }
  }
}

import Foundation
import KanjiData
import SimulatedWriting
import StrokeMatch
import Testing

/// The grader against the project's simulated writer over a spread of Jōyō kanji: correct
/// drawings pass, and each wrong case is caught and named.
@Suite struct PropertyTests {
  static let canvases = SimulatedWriter.CanvasSize.all

  @Test func neatDrawingsPassOnEveryCanvas() throws {
    var failures: [String] = []
    for (index, kanji) in try Reference.joyoSample(160).enumerated() {
      let canvas = Self.canvases[index % Self.canvases.count]
      let grade = Grader(kanji: kanji).grade(draw(kanji, canvas: canvas, seed: UInt64(index)))
      if !grade.pass || !grade.errors.isEmpty {
        failures.append("\(kanji.character) on \(canvas): \(grade.errors.map(\.message))")
      }
    }
    // A teacher accepts every neat drawing; allow one in 160 for the writer's rare extremes.
    #expect(failures.count <= 1, "\(failures)")
  }

  @Test func typicalAndSloppyDrawingsMostlyPass() throws {
    for (level, floor) in [(SimulatedWriter.Level.typical, 0.98), (.sloppy, 0.97)] {
      let sample = try Reference.joyoSample(100)
      var passed = 0
      for (index, kanji) in sample.enumerated() {
        let canvas = Self.canvases[index % Self.canvases.count]
        let drawing = draw(kanji, level: level, canvas: canvas, seed: UInt64(1000 + index))
        if graded(kanji, drawing).pass { passed += 1 }
      }
      let rate = Double(passed) / Double(sample.count)
      #expect(rate >= floor, "\(level): \(passed) of \(sample.count) passed")
    }
  }

  @Test(arguments: [
    (SimulatedCase.Kind.swap, Grade.Problem.Kind.order),
    (.reverse, .reversed),
    (.missing, .missing),
    (.extra, .extra),
  ])
  func wrongStrokesAreCaughtAndNamed(_ kind: SimulatedCase.Kind, _ type: Grade.Problem.Kind) throws
  {
    var writer = SimulatedWriter(seed: 7)
    var total = 0
    var caught = 0
    var named = 0
    var misses: [String] = []
    for (index, kanji) in try Reference.joyoSample(120).enumerated() {
      let canvas = Self.canvases[index % Self.canvases.count]
      guard
        let item = writer.makeCase(
          kind, of: kanji, level: .neat, canvas: canvas, id: "\(kind)-\(index)")
      else { continue }
      let grade = Grader(kanji: kanji).grade(item.drawing)
      total += 1
      if !grade.pass { caught += 1 }
      if grade.errors.contains(where: { $0.type == type && item.stroke.contains($0.stroke) }) {
        named += 1
      } else {
        misses.append("\(kanji.character) \(item.stroke): \(grade.errors.map(\.message))")
      }
    }
    #expect(total >= 100)
    #expect(Double(caught) >= 0.99 * Double(total), "\(kind): caught \(caught) of \(total)")
    #expect(Double(named) >= 0.96 * Double(total), "\(kind): named \(named) of \(total) \(misses)")
  }

  @Test func anotherKanjiOfTheSameStrokeCountFails() throws {
    let sample = try Reference.joyoSample(200)
    let byCount = Dictionary(grouping: sample) { $0.strokes.strokes.count }
    var checked = 0
    for (index, kanji) in sample.enumerated() {
      guard let other = byCount[kanji.strokes.strokes.count]?.first(where: { $0 != kanji }) else {
        continue
      }
      let drawing = draw(other, level: .typical, seed: UInt64(index))
      #expect(
        !Grader(kanji: kanji).grade(drawing).pass, "\(other.character) passed as \(kanji.character)"
      )
      checked += 1
    }
    #expect(checked > 100)
  }
}

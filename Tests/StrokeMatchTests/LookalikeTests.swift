import Foundation
import KanjiData
import SimulatedWriting
import Testing

@testable import StrokeMatch

/// Hand-picked look-alike pairs: each drawn neatly must fail as the other, on every canvas.
@Suite struct LookalikeTests {
  @Test(arguments: [
    ("末", "未"), ("土", "士"), ("右", "石"), ("午", "牛"), ("八", "入"), ("扶", "抉"),
  ])
  func lookalikesFailAsEachOther(_ first: String, _ second: String) throws {
    let a = try Reference.kanji(first)
    let b = try Reference.kanji(second)
    for (drawn, asked) in [(a, b), (b, a)] {
      for (index, canvas) in SimulatedWriter.CanvasSize.all.enumerated() {
        var passed = 0
        for seed in 0..<3 {
          let drawing = draw(drawn, level: .neat, canvas: canvas, seed: UInt64(10 * index + seed))
          if graded(asked, drawing).pass { passed += 1 }
          // And the kanji actually drawn passes as itself.
          #expect(graded(drawn, drawing).pass, "\(drawn.character) failed as itself")
        }
        // On 32 x 16 a row is 7 units, as much as the gap that tells 入 from 八: there the
        // grader must catch at least one neat drawing in three, elsewhere every one.
        let allowed = canvas.columns < 48 ? 2 : 0
        #expect(
          passed <= allowed,
          "\(drawn.character) passed as \(asked.character) \(passed) times in 3 on \(canvas)")
      }
    }
  }

  /// 皃 is not 完, in a neat or a typical hand: 白 squashed is not 宀 (its ㇕ comes down a long
  /// way where 宀's ㇖ ends in a short hook), however the component is refitted. On 32 x 16 a
  /// row is 7 units, as long as the hook: only the finer canvases are held to it.
  @Test func whiteIsNotTheRoof() throws {
    let complete = try Reference.kanji("完")
    let countenance = try Reference.kanji("皃")
    var passed: [String] = []
    for (index, canvas) in SimulatedWriter.CanvasSize.all.enumerated() where canvas.columns >= 48 {
      for level in [SimulatedWriter.Level.neat, .typical] {
        for seed in 0..<6 {
          let drawing = draw(
            countenance, level: level, canvas: canvas, seed: UInt64(100 * index + seed))
          if graded(complete, drawing).pass { passed.append("\(level) \(canvas) \(seed)") }
        }
      }
    }
    // One typical drawing in 36 passes today (48x24p); 11 did when a refit could squash 白.
    #expect(passed.count <= 1, "皃 passed as 完: \(passed)")
  }

  /// 王 drawn inside 国 (玉 without its dot) is not 国: the dot is missing.
  /// The recogniser's review forgives a loose hand's slips only in the kanji asked: a look-alike
  /// the grader fails, in a typical or sloppy hand, it never lets through.
  @Test(arguments: [("末", "未"), ("土", "士"), ("右", "石"), ("午", "牛"), ("八", "入"), ("人", "入")])
  func theReviewNeverForgivesALookalike(_ first: String, _ second: String) throws {
    let a = try Reference.kanji(first)
    let b = try Reference.kanji(second)
    var reviewed = 0
    for (drawn, asked) in [(a, b), (b, a)] {
      for (index, canvas) in SimulatedWriter.CanvasSize.all.enumerated() {
        for (seed, level) in zip(
          0..<4, [SimulatedWriter.Level.typical, .typical, .sloppy, .sloppy])
        {
          let drawing = draw(drawn, level: level, canvas: canvas, seed: UInt64(40 * index + seed))
          let alone = Grader(kanji: asked).grade(drawing)
          guard !alone.pass else { continue }
          if alone.needsReview { reviewed += 1 }
          #expect(
            !graded(asked, drawing).pass,
            "\(drawn.character) (\(level), \(canvas)) forgiven as \(asked.character)")
        }
      }
    }
    // The review must have been asked at least once, or this test proves nothing.
    #expect(reviewed > 0)
  }

  /// A look-alike drawn neatly is named, not only failed: "this looks like 末, not 未".
  @Test func aNeatLookalikeIsNamed() throws {
    var named: [String] = []
    var total = 0
    for pair in [("末", "未"), ("土", "士"), ("右", "石"), ("午", "牛"), ("八", "入"), ("人", "入")] {
      let a = try Reference.kanji(pair.0)
      let b = try Reference.kanji(pair.1)
      for (drawn, asked) in [(a, b), (b, a)] {
        let drawing = draw(drawn, level: .neat, canvas: .init(columns: 64, rows: 32), seed: 3)
        let grade = graded(asked, drawing)
        total += 1
        if grade.errors.first?.type == .character {
          #expect(grade.errors.first?.drawn == drawn.character)
          named.append(drawn.character)
        }
      }
    }
    // 10 of the 12 today (右 and 石 are too close to name); three in four at least.
    #expect(named.count * 4 >= total * 3, "named only \(named) of \(total)")
  }

  @Test func kingInsideCountryIsMissingTheDot() throws {
    let country = try Reference.kanji("国")
    let strokes = country.strokes.strokes
    let dot = strokes.indices.min {
      Polyline.length(strokes[$0].points) < Polyline.length(strokes[$1].points)
    }!
    var withoutDot = strokes
    withoutDot.remove(at: dot)
    var writer = SimulatedWriter(seed: 3)
    let drawing = writer.draw(withoutDot, level: .neat, canvas: .init(columns: 48, rows: 24))
    let grade = Grader(kanji: country).grade(drawing)
    #expect(!grade.pass)
    #expect(grade.errors.contains { $0.type == .missing && $0.stroke == dot + 1 })
  }
}

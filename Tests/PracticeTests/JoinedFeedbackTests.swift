import Foundation
import KanjiData
import StrokeMatch
import Testing

@testable import Practice

/// The feedback after strokes drawn as one: the grader's message, a `^` on the reference where
/// the pen should have lifted, and the strictness the drawing was graded at.
@Suite struct JoinedFeedbackTests {
  /// A square 口: the left side, ㇕ across the top and down the right, the bottom.
  let mouth = Kanji(
    character: "口",
    strokes: StrokeSet(
      strokes: [
        ReferenceStroke(points: [Point(x: 22, y: 20), Point(x: 22, y: 90)], type: "㇑"),
        ReferenceStroke(
          points: [Point(x: 22, y: 20), Point(x: 88, y: 20), Point(x: 88, y: 90)], type: "㇕"),
        ReferenceStroke(points: [Point(x: 22, y: 88), Point(x: 88, y: 88)], type: "㇐"),
      ], components: []),
    meanings: ["mouth"], onyomi: ["コウ"], kunyomi: ["くち"])

  func learner(_ strictness: Strictness) -> Learner {
    Learner(
      cards: [SessionCard(kanji: mouth, isNew: false)],
      judge: StrokeMatchJudge(strictness: strictness))
  }

  @Test func strokesDrawnAsOneAreNamedAndTheLiftIsMarked() throws {
    var learner = learner(.standard)
    learner.draw(from: Point(x: 22, y: 20), to: Point(x: 22, y: 90))
    // ㇕ carried on leftwards along the bottom in one stroke.
    learner.draw(
      through: [Point(x: 22, y: 20), Point(x: 88, y: 20), Point(x: 88, y: 90), Point(x: 22, y: 89)])
    learner.send(.key(.enter))
    guard case .feedback(let feedback) = learner.session.phase else {
      Issue.record("expected the feedback, got \(learner.session.phase)")
      return
    }
    #expect(!feedback.assessment.passed)
    #expect(feedback.assessment.liftAfter == [1])
    let text = learner.screenText
    #expect(text.contains("strokes 2 and 3 are drawn as one stroke"))
    #expect(text.contains("^ on the reference: lift the pen there"))
    #expect(text.contains("口  not right  (standard grading)"))
    let reference = try #require(learner.session.screen.canvases.last)
    #expect(reference.marks.contains { $0.text == "^" })
  }

  @Test func theFeedbackNamesTheStrictnessInForce() {
    for strictness in Strictness.allCases {
      var learner = learner(strictness)
      learner.draw(from: Point(x: 22, y: 20), to: Point(x: 22, y: 90))
      learner.draw(through: [Point(x: 22, y: 20), Point(x: 88, y: 20), Point(x: 88, y: 90)])
      learner.draw(from: Point(x: 22, y: 88), to: Point(x: 88, y: 88))
      learner.send(.key(.enter))
      #expect(learner.screenText.contains("口  right  (\(strictness.rawValue) grading)"))
      // Where it does not fit beside the progress, the strictness gives way to it.
      learner.send(.resize(columns: 34, rows: 24))
      let first = learner.session.screen.texts.filter { $0.row == 0 }
      #expect(first.first?.text == "口  right")
      #expect(first.allSatisfy { $0.column + DisplayWidth.of($0.text) <= 34 })
      #expect(first.contains { $0.text.hasPrefix("1 of 1") })
    }
  }
}

extension Learner {
  /// Draws one stroke through the points (KanjiVG's 109 space), dragging along each segment.
  mutating func draw(through points: [Point], steps: Int = 6) {
    let canvas = session.layout.canvas
    func screen(_ p: Point) -> ScreenPoint {
      ScreenPoint(
        x: Double(canvas.column) + p.x / 109 * Double(canvas.columns),
        y: Double(canvas.row) + p.y / 109 * Double(canvas.rows))
    }
    send(.press(screen(points[0])))
    for (a, b) in zip(points, points.dropFirst()) {
      for step in 1...steps {
        let t = Double(step) / Double(steps)
        send(.drag(screen(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))))
      }
    }
    send(.release(screen(points[points.count - 1])))
  }
}

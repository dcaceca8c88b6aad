import Foundation
import Testing

@testable import Practice

@Suite struct StrokeHintTests {
  func distance(_ point: UnitPoint, toPolyline points: [UnitPoint]) -> Double {
    zip(points, points.dropFirst()).map { a, b in
      let dx = b.x - a.x
      let dy = b.y - a.y
      let t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)))
      return hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy))
    }.min() ?? .infinity
  }

  func length(_ points: [UnitPoint]) -> Double {
    zip(points, points.dropFirst()).map { hypot($1.x - $0.x, $1.y - $0.y) }.reduce(0, +)
  }

  /// A stroke going right, then turning down: 亅-like, 0.8 long in all.
  let bent = [
    UnitPoint(x: 0.1, y: 0.2), UnitPoint(x: 0.3, y: 0.2), UnitPoint(x: 0.5, y: 0.2),
    UnitPoint(x: 0.5, y: 0.6),
  ]

  @Test func theSegmentFollowsTheStrokesFirstQuarterFromItsStart() throws {
    let hint = try #require(StrokeHint(stroke: bent))
    #expect(hint.segment.first == bent[0])
    #expect(abs(length(hint.segment) - 0.8 * StrokeHint.fraction) < 1e-9)
    for point in hint.segment {
      #expect(distance(point, toPolyline: Array(bent.prefix(2))) < 1e-9)
    }
    // Several braille cells long on the smallest canvas (64 dots across), not one dot.
    #expect(length(hint.segment) * 64 >= 7)
  }

  @Test func theArrowHeadPointsTheStrokesWay() throws {
    for stroke in [bent, bent.reversed()] {
      let hint = try #require(StrokeHint(stroke: Array(stroke)))
      let end = hint.segment.last!
      let before = hint.segment[hint.segment.count - 2]
      let direction = (x: end.x - before.x, y: end.y - before.y)
      #expect(hint.barbs.count == 2)
      var sides: [Double] = []
      for barb in hint.barbs {
        #expect(barb.first == end)
        let tip = barb.last!
        let back = (x: tip.x - end.x, y: tip.y - end.y)
        // Each barb goes back from the head, and the two open to either side of the line.
        #expect(back.x * direction.x + back.y * direction.y < 0)
        sides.append(direction.x * back.y - direction.y * back.x)
      }
      #expect(sides[0] * sides[1] < 0)
    }
  }

  @Test func aShortStrokeGetsASegmentLongEnoughToSee() throws {
    let short = [UnitPoint(x: 0.5, y: 0.5), UnitPoint(x: 0.5, y: 0.7)]
    let hint = try #require(StrokeHint(stroke: short))
    #expect(abs(length(hint.segment) - StrokeHint.minimumLength) < 1e-9)
    #expect(StrokeHint(stroke: [UnitPoint(x: 0.5, y: 0.5)]) == nil)
  }

  @Test func thePromptDrawsTheSegmentAndItsArrowHeadOnTheFirstHint() throws {
    var learner = Learner(cards: [SessionCard(kanji: ten, isNew: false)])
    learner.press("h")
    let canvas = try #require(learner.session.screen.canvases.first)
    let hint = try #require(StrokeHint(stroke: Session.unitPoints(ten.strokes.strokes[0])))
    let drawn = canvas.strokes.filter { $0.style == .hint }.map(\.points)
    #expect(drawn == [hint.segment] + hint.barbs)
    #expect(canvas.marks.map(\.text) == ["1"])
  }
}

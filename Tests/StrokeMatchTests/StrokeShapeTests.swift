import Foundation
import KanjiData
import SimulatedWriting
import Testing

@testable import StrokeMatch

/// What tells one stroke's shape from another's beyond its distance from the model: a corner in
/// a straight stroke (夬's ㇕ for 夫's 一), and a component refit that may resize a radical but
/// not reshape it (白 squashed into 宀).
@Suite struct StrokeShapeTests {
  let judge = FormJudge(
    tolerance: Tolerance(leniency: .normal, quantisation: 2.5), cell: (2.3, 4.5))
  /// 夫's second horizontal, as KanjiVG has it.
  let horizontal = PreparedStroke(
    points: [Point(x: 42, y: 58), Point(x: 70, y: 55), Point(x: 92, y: 53.5)], type: "㇐")

  func samples(_ points: [Point]) -> [Point] {
    Polyline.resample(points, count: sampleCount)
  }

  @Test func aStraightStrokeDrawnWithACornerHasTheWrongShape() {
    // The horizontal, then 14 units straight down: 夬's ㇕, bowing no more than a bow may.
    let turned = samples([Point(x: 42, y: 50), Point(x: 84, y: 47), Point(x: 85, y: 61)])
    #expect(judge.turnsACorner(turned, horizontal))
    let measure = Matcher(tolerance: judge.tolerance).measure(turned, horizontal)
    #expect(
      judge.judgeStroke(turned, horizontal, measure, drawnLength: Polyline.length(turned))
        == .shape)
  }

  @Test func aFlickOrABowIsNoCorner() {
    // A flick of 5 units as the pen leaves: shorter than a leg.
    let flicked = samples([Point(x: 42, y: 58), Point(x: 91, y: 53.5), Point(x: 93, y: 58)])
    #expect(!judge.turnsACorner(flicked, horizontal))
    // A deep, even bow: its halves are not straight.
    let bowed = samples(
      (0...20).map { k in
        let t = Double(k) / 20
        return Point(x: 42 + 50 * t, y: 58 - 4.5 * t - 14 * sin(.pi * t))
      })
    #expect(!judge.turnsACorner(bowed, horizontal))
    // A gentle turn of 45 degrees is a slant, not a corner.
    let slanted = samples([Point(x: 42, y: 58), Point(x: 70, y: 55), Point(x: 85, y: 70)])
    #expect(!judge.turnsACorner(slanted, horizontal))
  }

  /// A stroke that has a corner in the model (口's ㇕) is never judged by this rule.
  @Test func onlyStraightStrokesAreJudged() {
    let corner = PreparedStroke(
      points: [Point(x: 30, y: 30), Point(x: 80, y: 28), Point(x: 78, y: 80)], type: "㇕")
    #expect(!corner.isStraight && horizontal.isStraight)
    let drawn = samples([Point(x: 30, y: 30), Point(x: 80, y: 28), Point(x: 78, y: 80)])
    #expect(!judge.turnsACorner(drawn, corner))
  }

  /// 明 with its 日's verticals run on down as 月's do (each drawn 2.3 times its length) has
  /// them the wrong shape; drawn as it is, it passes.
  @Test func aStrokeDrawnFarLongerThanTheRestHasTheWrongShape() throws {
    let bright = try Reference.kanji("明")
    var strokes = bright.strokes.strokes
    for j in [0, 1] {
      let points = strokes[j].points
      let last = points[points.count - 1]
      let direction = last - points[points.count - 2]
      let extra = 1.3 * Polyline.length(points) / direction.length
      strokes[j].points.append(last + direction * extra)
    }
    let canvas = SimulatedWriter.CanvasSize(columns: 64, rows: 32)
    var writer = SimulatedWriter(seed: 5)
    let drawing = writer.draw(strokes, level: .neat, canvas: canvas)
    let grade = Grader(kanji: bright).grade(drawing)
    #expect(!grade.pass)
    #expect(grade.errors.contains { $0.type == .shape && $0.stroke == 1 })
    #expect(Grader(kanji: bright).grade(draw(bright, level: .neat, canvas: canvas, seed: 5)).pass)
  }

  @Test func aRefitResizesAComponentButDoesNotReshapeIt() {
    var reference: [Point] = []
    for x in 0..<10 {
      for y in 0..<10 {
        reference.append(Point(x: 30 + 4 * Double(x), y: 30 + 4 * Double(y)))
      }
    }
    func drawn(_ scaleX: Double, _ scaleY: Double) -> [(Point, Point)] {
      reference.map { point in
        let x = 50 + (point.x - 48) / scaleX
        let y = 50 + (point.y - 48) / scaleY
        return (Point(x: x, y: y), point)
      }
    }
    // Drawn smaller all round: refitted to size.
    let smaller = ComponentRefit.fit(drawn(1.2, 1.2))!
    #expect(abs(smaller.scaleX - 1.2) < 1e-9 && abs(smaller.scaleY - 1.2) < 1e-9)
    // Drawn tall and narrow (白 for 宀): the refit changes its proportions by at most 1.4.
    let squashed = ComponentRefit.fit(drawn(1.33, 0.75))!
    #expect(abs(squashed.scaleX / squashed.scaleY - ComponentRefit.mostAspectChange) < 1e-9)
    #expect(abs(squashed.scaleX * squashed.scaleY - 1.33 * 0.75) < 1e-9)
  }
}

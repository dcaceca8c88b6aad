import Foundation
import KanjiData
import ProgressRecords
import StrokeMatch

@testable import Practice

/// 十: a horizontal stroke, then a vertical one.
let ten = Kanji(
  character: "十",
  strokes: StrokeSet(
    strokes: [
      ReferenceStroke(points: [Point(x: 10, y: 54), Point(x: 99, y: 54)], type: "㇐"),
      ReferenceStroke(points: [Point(x: 54, y: 10), Point(x: 54, y: 99)], type: "㇑"),
    ], components: []),
  meanings: ["ten"], onyomi: ["ジュウ"], kunyomi: ["とお"])

/// 二: two horizontal strokes.
let two = Kanji(
  character: "二",
  strokes: StrokeSet(
    strokes: [
      ReferenceStroke(points: [Point(x: 25, y: 30), Point(x: 85, y: 30)], type: "㇐"),
      ReferenceStroke(points: [Point(x: 10, y: 85), Point(x: 99, y: 85)], type: "㇐"),
    ], components: []),
  meanings: ["two"], onyomi: ["ニ"], kunyomi: ["ふた"])

/// A judge that matches each drawn stroke to the reference stroke whose ends are nearest, in
/// unit coordinates: enough to play sessions without the real grader.
struct EndpointJudge: DrawingJudge {
  func assess(_ ink: Ink, against kanji: Kanji) -> Assessment {
    let reference = kanji.strokes.strokes
    var outcomes: [Grade.StrokeResult] = []
    var messages: [String] = []
    for (number, stroke) in reference.enumerated() {
      let start = unit(stroke.points.first!)
      let end = unit(stroke.points.last!)
      guard
        let drawn = ink.strokes.firstIndex(where: {
          near($0.first!, start) && near($0.last!, end)
            || near($0.first!, end) && near($0.last!, start)
        })
      else {
        outcomes.append(.init(stroke: number + 1, drawn: nil, verdict: .missing))
        messages.append("stroke \(number + 1) is missing")
        continue
      }
      if near(ink.strokes[drawn].first!, end) {
        outcomes.append(.init(stroke: number + 1, drawn: drawn + 1, verdict: .reversed))
        messages.append("stroke \(number + 1) drawn backwards")
      } else if drawn != number {
        outcomes.append(.init(stroke: number + 1, drawn: drawn + 1, verdict: .order))
        messages.append("stroke \(number + 1) out of order")
      } else {
        outcomes.append(.init(stroke: number + 1, drawn: drawn + 1, verdict: .ok))
      }
    }
    let passed =
      !outcomes.contains { $0.verdict == .missing } && ink.strokes.count == reference.count
    return Assessment(
      passed: passed, messages: messages, strokes: outcomes, json: "{\"pass\":\(passed)}",
      drawingJSON: "{\"strokes\":\(ink.strokes.count)}")
  }

  func checkLastStroke(_ ink: Ink, against kanji: Kanji) -> StrokeCheck {
    let number = ink.strokes.count - 1
    let reference = kanji.strokes.strokes
    guard reference.indices.contains(number), let drawn = ink.strokes.last else {
      return StrokeCheck(accepted: false, message: "Too many strokes")
    }
    let ok =
      near(drawn.first!, unit(reference[number].points.first!))
      && near(drawn.last!, unit(reference[number].points.last!))
    return ok
      ? StrokeCheck(accepted: true)
      : StrokeCheck(accepted: false, message: "Stroke \(number + 1) is wrong")
  }

  private func unit(_ point: Point) -> UnitPoint { UnitPoint(x: point.x / 109, y: point.y / 109) }
  private func near(_ a: UnitPoint, _ b: UnitPoint) -> Bool { hypot(a.x - b.x, a.y - b.y) < 0.15 }
}

/// Drives a session like a learner at an 80 x 24 terminal.
struct Learner {
  var session: Session
  var clock = Date(timeIntervalSince1970: 1_800_000_000)
  var effects: [Effect] = []

  init(
    cards: [SessionCard], settings: PracticeSettings = PracticeSettings(),
    deckIsEmpty: Bool = false,
    judge: any DrawingJudge = EndpointJudge()
  ) {
    session = Session(
      cards: cards, settings: settings, judge: judge, columns: 80, rows: 24,
      now: clock, deckIsEmpty: deckIsEmpty)
  }

  var records: [ReviewInput] {
    effects.compactMap { if case .record(let review) = $0 { review } else { nil } }
  }

  mutating func send(_ event: Event) {
    clock += 0.25
    effects += session.handle(event, at: clock)
  }

  mutating func press(_ key: Character) { send(.key(.character(key))) }

  /// Draws a stroke between two points given in KanjiVG's 109 space, through the canvas.
  mutating func draw(from a: Point, to b: Point, steps: Int = 6) {
    let canvas = session.layout.canvas
    func screen(_ p: Point) -> ScreenPoint {
      ScreenPoint(
        x: Double(canvas.column) + p.x / 109 * Double(canvas.columns),
        y: Double(canvas.row) + p.y / 109 * Double(canvas.rows))
    }
    send(.press(screen(a)))
    for step in 1..<steps {
      let t = Double(step) / Double(steps)
      send(.drag(screen(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))))
    }
    send(.release(screen(b)))
  }

  mutating func draw(_ kanji: Kanji, order: [Int]? = nil, reversed: Set<Int> = []) {
    let strokes = kanji.strokes.strokes
    for number in order ?? Array(strokes.indices) {
      let points = strokes[number].points
      if reversed.contains(number) {
        draw(from: points.last!, to: points.first!)
      } else {
        draw(from: points.first!, to: points.last!)
      }
    }
  }

  var screenText: String {
    session.screen.texts.map(\.text).joined(separator: "\n")
  }
}

import Foundation
import KanjiData
import StrokeMatch

/// One benchmark or test drawing, in the same form as `../shared/bench/dev-cases.jsonl`.
public struct SimulatedCase: Codable, Sendable {
  public enum Kind: String, Codable, CaseIterable, Sendable {
    case correct, swap, reverse, missing, extra, lookalike, other
    /// Two consecutive strokes drawn as one (`RealHandWriter`); `stroke` names both.
    case joined
    /// One stroke drawn in two pieces (`RealHandWriter`).
    case split
  }

  public var id: String
  /// The kanji the learner was asked to write.
  public var kanji: String
  /// The kanji actually drawn.
  public var drawn: String
  public var `case`: Kind
  public var level: String
  /// The strokes the case is about (1-based): both swapped ones, the reversed or missing one,
  /// or the extra one's place in the drawing order.
  public var stroke: [Int]
  public var canvas: String
  public var drawing: Drawing

  public init(
    id: String, kanji: String, drawn: String, case kind: Kind, level: String, stroke: [Int],
    canvas: String, drawing: Drawing
  ) {
    self.id = id
    self.kanji = kanji
    self.drawn = drawn
    self.case = kind
    self.level = level
    self.stroke = stroke
    self.canvas = canvas
    self.drawing = drawing
  }
}

extension SimulatedWriter {
  /// Whether `kanji`'s strokes `a` and `b` (zero-based) drawn in each other's place make one of
  /// its accepted stroke orders (止 with its horizontal first): no error to catch.
  public static func swapIsAcceptedOrder(_ kanji: Kanji, _ a: Int, _ b: Int) -> Bool {
    swapIsAcceptedOrder(a, b, among: Grader(kanji: kanji).acceptedOrders)
  }

  /// The same, against the kanji's accepted orders found once (`Grader.acceptedOrders`).
  static func swapIsAcceptedOrder(_ a: Int, _ b: Int, among orders: [[Int]]) -> Bool {
    orders.contains { order in
      order.indices.allSatisfy { order[$0] == ($0 == a ? b : $0 == b ? a : $0) }
    }
  }

  /// A drawing of `kanji` for the case `kind`: right, or wrong in exactly the way named.
  /// `lookalike` and `other` draw `stand_in` instead; nil when the case does not apply (a kanji
  /// with one stroke cannot have two swapped).
  public mutating func makeCase(
    _ kind: SimulatedCase.Kind, of kanji: Kanji, standIn: Kanji? = nil, level: Level,
    canvas: CanvasSize, id: String
  ) -> SimulatedCase? {
    var strokes = kanji.strokes.strokes
    var marked: [Int] = []
    var drawn = kanji.character
    switch kind {
    case .correct:
      break
    case .swap:
      guard strokes.count >= 2 else { return nil }
      let first = Int.random(in: 0..<(strokes.count - 1), using: &generator)
      let second =
        chance(0.6) ? first + 1 : Int.random(in: (first + 1)..<strokes.count, using: &generator)
      // Two strokes that look the same cannot be told apart by order: swap visibly different ones.
      let a = PreparedStroke(points: strokes[first].points)
      let b = PreparedStroke(points: strokes[second].points)
      guard a.centroid.distance(to: b.centroid) > 6,
        !Self.swapIsAcceptedOrder(kanji, first, second)
      else { return nil }
      strokes.swapAt(first, second)
      marked = [first + 1, second + 1]
    case .reverse:
      let candidates = strokes.indices.filter { Polyline.length(strokes[$0].points) >= 20 }
      guard let index = candidates.randomElement(using: &generator) else { return nil }
      strokes[index].points.reverse()
      marked = [index + 1]
    case .missing:
      guard strokes.count >= 2 else { return nil }
      let index = Int.random(in: 0..<strokes.count, using: &generator)
      strokes.remove(at: index)
      marked = [index + 1]
    case .extra:
      let length = Double.random(in: 15...40, using: &generator)
      let angle = Double.random(in: 0..<(2 * .pi), using: &generator)
      let start = Point(
        x: Double.random(in: 10...99, using: &generator),
        y: Double.random(in: 10...99, using: &generator))
      let end = start + Point(x: cos(angle), y: sin(angle)) * length
      let place = Int.random(in: 0...strokes.count, using: &generator)
      strokes.insert(ReferenceStroke(points: [start, end], type: ""), at: place)
      marked = [place + 1]
    case .lookalike, .other:
      guard let standIn, standIn.character != kanji.character else { return nil }
      strokes = standIn.strokes.strokes
      drawn = standIn.character
    case .joined, .split:
      // A real hand's habits: `RealHandWriter` draws them.
      return nil
    }
    let drawing = draw(strokes, level: level, canvas: canvas)
    return SimulatedCase(
      id: id, kanji: kanji.character, drawn: drawn, case: kind, level: level.rawValue,
      stroke: marked, canvas: canvas.description, drawing: drawing)
  }
}

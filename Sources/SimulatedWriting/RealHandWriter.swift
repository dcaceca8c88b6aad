import Foundation
import KanjiData
import SeededRandom
import StrokeMatch

/// A second simulated writer, with the habits real hands showed and `SimulatedWriter` never has:
/// bends carried on into the next stroke, long strokes lifted midway, hooks and overshoots at
/// the ends, strokes that stop short of meeting or cross a little too far, one component
/// cramped, and uneven speed along a stroke (the mouse reports fewer cells where it hurries).
/// The terminal side (cells, quantisation) is `SimulatedWriter`'s at its typical level.
public struct RealHandWriter: Sendable {
  public var writer: SimulatedWriter

  /// The canvases it draws on: `SimulatedWriter`'s and a small 40 x 20 one.
  public static let canvases =
    SimulatedWriter.CanvasSize.all + [SimulatedWriter.CanvasSize(columns: 40, rows: 20)]

  /// How near (units) one stroke's end must be to the next one's start for a hand to join them.
  static let joinReach = 40.0
  /// The shortest stroke (units) a hand lifts the pen in.
  static let splitLength = 45.0

  public init(seed: UInt64) {
    writer = SimulatedWriter(seed: seed)
  }

  /// `kanji` written right, with the habits a teacher lets pass.
  public mutating func correct(_ kanji: Kanji, canvas: SimulatedWriter.CanvasSize) -> Drawing {
    draw(habits(kanji), canvas: canvas)
  }

  /// `kanji` with two consecutive strokes drawn as one, and the strokes joined (1-based); nil
  /// when no stroke ends near where the next starts.
  public mutating func joined(_ kanji: Kanji, canvas: SimulatedWriter.CanvasSize) -> (
    drawing: Drawing, strokes: [Int]
  )? {
    let strokes = habits(kanji)
    let candidates = strokes.indices.dropLast().filter { j in
      guard let end = strokes[j].points.last, let start = strokes[j + 1].points.first else {
        return false
      }
      return end.distance(to: start) <= Self.joinReach
    }
    guard let j = candidates.randomElement(using: &writer.generator) else { return nil }
    return (draw(Self.joining(strokes, at: j), canvas: canvas), [j + 1, j + 2])
  }

  /// `kanji` with one long stroke drawn in two pieces, and that stroke (1-based); nil when no
  /// stroke is long enough.
  public mutating func split(_ kanji: Kanji, canvas: SimulatedWriter.CanvasSize) -> (
    drawing: Drawing, stroke: Int
  )? {
    let strokes = habits(kanji)
    let candidates = strokes.indices.filter {
      Polyline.length(strokes[$0].points) >= Self.splitLength
    }
    guard let j = candidates.randomElement(using: &writer.generator) else { return nil }
    let at = Double.random(in: 0.35...0.65, using: &writer.generator)
    return (draw(Self.splitting(strokes, j, at: at), canvas: canvas), j + 1)
  }

  /// A drawing of `kanji` for the case `kind`, with the real hand's habits: right, joined,
  /// split, two close strokes swapped, a stroke missing, or `standIn` drawn instead
  /// (`lookalike`, `other`); nil when the case does not apply to the kanji.
  public mutating func makeCase(
    _ kind: SimulatedCase.Kind, of kanji: Kanji, standIn: Kanji? = nil,
    canvas: SimulatedWriter.CanvasSize, id: String
  ) -> SimulatedCase? {
    var drawn = kanji.character
    var marked: [Int] = []
    let drawing: Drawing
    switch kind {
    case .correct:
      drawing = correct(kanji, canvas: canvas)
    case .joined:
      guard let made = joined(kanji, canvas: canvas) else { return nil }
      (drawing, marked) = made
    case .split:
      guard let made = split(kanji, canvas: canvas) else { return nil }
      drawing = made.drawing
      marked = [made.stroke]
    case .swap:
      var strokes = habits(kanji)
      guard let (a, b) = closePair(kanji) else { return nil }
      strokes.swapAt(a, b)
      drawing = draw(strokes, canvas: canvas)
      marked = [a + 1, b + 1]
    case .missing:
      var strokes = habits(kanji)
      guard strokes.count >= 2 else { return nil }
      let index = Int.random(in: 0..<strokes.count, using: &writer.generator)
      strokes.remove(at: index)
      drawing = draw(strokes, canvas: canvas)
      marked = [index + 1]
    case .lookalike, .other:
      guard let standIn, standIn.character != kanji.character else { return nil }
      drawing = correct(standIn, canvas: canvas)
      drawn = standIn.character
    case .reverse, .extra:
      return nil
    }
    return SimulatedCase(
      id: id, kanji: kanji.character, drawn: drawn, case: kind, level: "real", stroke: marked,
      canvas: canvas.description, drawing: drawing)
  }

  /// Two strokes close together, as real hands swap them: near-parallel neighbours (the last
  /// two of 衤) or strokes that cross, told apart by place or direction (zero-based).
  mutating func closePair(_ kanji: Kanji) -> (Int, Int)? {
    let strokes = kanji.strokes.strokes.map { PreparedStroke(points: $0.points) }
    let orders = Grader(kanji: kanji).acceptedOrders
    var pairs: [(Int, Int)] = []
    for a in strokes.indices {
      for b in strokes.indices where b > a {
        let apart = strokes[a].centroid.distance(to: strokes[b].centroid)
        // Close, but not the same stroke twice over: those no order can tell apart; and not
        // two an accepted order draws the other way round.
        if apart > 6, apart < 30, !SimulatedWriter.swapIsAcceptedOrder(a, b, among: orders) {
          pairs.append((a, b))
        }
      }
    }
    return pairs.randomElement(using: &writer.generator)
  }

  /// The strokes with stroke `j` and the next drawn as one: the pen goes straight on from the
  /// end of one to the start of the other.
  public static func joining(_ strokes: [ReferenceStroke], at j: Int) -> [ReferenceStroke] {
    var result = strokes
    let joined = ReferenceStroke(
      points: strokes[j].points + strokes[j + 1].points, type: strokes[j + 1].type)
    result.replaceSubrange(j...(j + 1), with: [joined])
    return result
  }

  /// The strokes with stroke `j` drawn in two pieces, lifted at the share `at` of its length
  /// (at its sharpest bend when it has one), a unit or two apart.
  public static func splitting(_ strokes: [ReferenceStroke], _ j: Int, at share: Double)
    -> [ReferenceStroke]
  {
    let points = Polyline.deduplicated(strokes[j].points)
    let length = Polyline.length(points)
    let first = SimulatedWriter.trimmed(points, keep: length * share - 1)
    let second = Array(
      SimulatedWriter.trimmed(points.reversed(), keep: length * (1 - share) - 1).reversed())
    var result = strokes
    result.replaceSubrange(
      j...j,
      with: [
        ReferenceStroke(points: first, type: ""),
        ReferenceStroke(points: second, type: strokes[j].type),
      ])
    return result
  }

  /// The kanji's strokes with a real hand's accepted slips: ends stopping short or running past
  /// (2-5 units), a little hook at some ends, and one component drawn smaller about its centre.
  mutating func habits(_ kanji: Kanji) -> [ReferenceStroke] {
    var strokes = kanji.strokes.strokes
    let components = kanji.strokes.components.filter { $0.depth == 0 }.map(\.strokes)
    if components.count >= 2, chance(0.5),
      let cramped = components.randomElement(using: &writer.generator)
    {
      let centre = Polyline.centroid(cramped.flatMap { strokes[$0].points })
      let scale = Double.random(in: 0.82...0.92, using: &writer.generator)
      for j in cramped {
        strokes[j].points = strokes[j].points.map { centre + ($0 - centre) * scale }
      }
    }
    for j in strokes.indices {
      let length = Polyline.length(strokes[j].points)
      guard length >= 20 else { continue }
      let start = Double.random(in: -4...4, using: &writer.generator)
      let end = Double.random(in: -4...5, using: &writer.generator)
      var points = SimulatedWriter.extended(strokes[j].points, start: start, end: end)
      if chance(0.2), let last = points.last, points.count >= 2 {
        // A flick at the end, as a pen leaves the paper: short and sideways.
        let direction = last - points[points.count - 2]
        let norm = max(direction.length, 1e-9)
        let side = Point(x: -direction.y / norm, y: direction.x / norm)
        let size = Double.random(in: 2...4, using: &writer.generator)
        points.append(last + side * (chance(0.5) ? size : -size))
      }
      strokes[j].points = points
    }
    return strokes
  }

  /// The strokes through the terminal, then the hand's uneven speed: in a stretch of each
  /// stroke, only every second or third report kept.
  mutating func draw(_ strokes: [ReferenceStroke], canvas: SimulatedWriter.CanvasSize) -> Drawing {
    var drawing = writer.draw(strokes, level: .typical, canvas: canvas)
    for index in drawing.strokes.indices {
      let points = drawing.strokes[index]
      guard points.count >= 8, chance(0.5) else { continue }
      let from = Int.random(in: 1..<(points.count / 2), using: &writer.generator)
      let to = min(points.count - 1, from + points.count / 3)
      let keep = Int.random(in: 2...3, using: &writer.generator)
      drawing.strokes[index] = points.enumerated().filter { offset, _ in
        offset < from || offset >= to || (offset - from) % keep == 0
      }.map(\.element)
    }
    return drawing
  }

  mutating func chance(_ probability: Double) -> Bool {
    writer.chance(probability)
  }
}

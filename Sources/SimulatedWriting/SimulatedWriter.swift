import Foundation
import KanjiData
import SeededRandom
import StrokeMatch

/// Turns reference strokes into the drawing a mouse in a terminal would record: the hand's
/// distortions (global and per-stroke affine, wobble, over- and undershoot, dropped hooks), then
/// the terminal's (motion events along the path, cells skipped when the mouse moves fast,
/// quantisation to cells or pixels).
public struct SimulatedWriter: Sendable {
  public enum Level: String, CaseIterable, Sendable {
    case neat, typical, sloppy
  }

  /// A canvas size the terminal may offer; `pixelPrecise` reports 10 x 20 pixels a cell.
  public struct CanvasSize: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int
    public var pixelPrecise: Bool

    public init(columns: Int, rows: Int, pixelPrecise: Bool = false) {
      self.columns = columns
      self.rows = rows
      self.pixelPrecise = pixelPrecise
    }

    public var description: String { "\(columns)x\(rows)\(pixelPrecise ? "p" : "")" }

    public static let all = [
      CanvasSize(columns: 32, rows: 16), CanvasSize(columns: 48, rows: 24),
      CanvasSize(columns: 64, rows: 32), CanvasSize(columns: 48, rows: 24, pixelPrecise: true),
    ]
  }

  /// How far each distortion may go at a level (uniform ranges, KanjiVG units and degrees).
  struct Hand {
    var globalScale: Double
    var globalRotation: Double
    var globalShear: Double
    var strokeOffset: Double
    var strokeScale: Double
    var strokeRotation: Double
    var wobble: Double
    var overshoot: Double
    var hookDrop: Double
    var fastMove: Double

    static func of(_ level: Level) -> Hand {
      switch level {
      case .neat:
        Hand(
          globalScale: 0.05, globalRotation: 2, globalShear: 0.03, strokeOffset: 1.5,
          strokeScale: 0.04, strokeRotation: 2, wobble: 0.5, overshoot: 2, hookDrop: 0.3,
          fastMove: 0.05)
      case .typical:
        Hand(
          globalScale: 0.12, globalRotation: 4, globalShear: 0.06, strokeOffset: 3,
          strokeScale: 0.08, strokeRotation: 4, wobble: 1.2, overshoot: 4, hookDrop: 0.6,
          fastMove: 0.15)
      case .sloppy:
        Hand(
          globalScale: 0.2, globalRotation: 6, globalShear: 0.1, strokeOffset: 7.5,
          strokeScale: 0.18, strokeRotation: 9, wobble: 3, overshoot: 8, hookDrop: 0.8,
          fastMove: 0.3)
      }
    }
  }

  public var generator: SeededGenerator

  public init(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
  }

  mutating func uniform(_ range: Double) -> Double {
    range > 0 ? Double.random(in: -range...range, using: &generator) : 0
  }

  mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &generator) < probability
  }

  /// Draws the strokes (KanjiVG units, in the order given) at a level on a canvas.
  public mutating func draw(_ strokes: [ReferenceStroke], level: Level, canvas: CanvasSize)
    -> Drawing
  {
    let hand = Hand.of(level)
    let aspect = 2.0
    let width = Double(canvas.columns)
    let height = Double(canvas.rows) * aspect
    let side = min(width, height)
    // Where the kanji's 109-unit box lands on the canvas (screen units: column widths).
    let boxSize = side * Double.random(in: 0.65...0.82, using: &generator)
    let originX = Double.random(in: 0...(width - boxSize), using: &generator)
    let originY = Double.random(in: 0...(height - boxSize), using: &generator)
    let unit = boxSize / 109
    let scaleX = 1 + uniform(hand.globalScale)
    let scaleY = 1 + uniform(hand.globalScale)
    let angle = uniform(hand.globalRotation) * .pi / 180
    let shear = uniform(hand.globalShear)
    let center = Point(x: 54.5, y: 54.5)
    func global(_ p: Point) -> Point {
      let d = p - center
      let sheared = Point(x: d.x + shear * d.y, y: d.y)
      let rotated = Point(
        x: sheared.x * cos(angle) - sheared.y * sin(angle),
        y: sheared.x * sin(angle) + sheared.y * cos(angle))
      return Point(
        x: originX + (54.5 + rotated.x * scaleX) * unit,
        y: originY + (54.5 + rotated.y * scaleY) * unit)
    }
    var result: [[Drawing.CellPoint]] = []
    for stroke in strokes {
      let path = distort(stroke.points, type: stroke.type, hand: hand).map(global)
      result.append(sample(path, canvas: canvas, aspect: aspect, hand: hand))
    }
    return Drawing(
      canvas: .init(columns: width, rows: Double(canvas.rows), cellAspect: aspect),
      strokes: result)
  }

  /// One stroke as a hand draws it, still in KanjiVG units.
  mutating func distort(_ stroke: [Point], type: String, hand: Hand) -> [Point] {
    var points = Polyline.deduplicated(stroke)
    guard points.count > 1 else { return points }
    if chance(hand.hookDrop) {
      points = Self.withoutHook(points, type: type) ?? points
    }
    let length = Polyline.length(points)
    // Over- or undershoot at each end, never more than a fifth of a short stroke.
    let reach = min(hand.overshoot, 0.2 * length)
    points = Self.extended(points, start: uniform(reach), end: uniform(reach))
    let centroid = Polyline.centroid(points)
    let scale = 1 + uniform(hand.strokeScale)
    let angle = uniform(hand.strokeRotation) * .pi / 180
    let offset = Point(x: uniform(hand.strokeOffset), y: uniform(hand.strokeOffset))
    let dense = Polyline.resample(points, count: max(8, Int(Polyline.length(points) / 1.5)))
    let phase1 = Double.random(in: 0..<(2 * .pi), using: &generator)
    let phase2 = Double.random(in: 0..<(2 * .pi), using: &generator)
    let amplitude = hand.wobble * Double.random(in: 0.3...1, using: &generator)
    var wobbled: [Point] = []
    for (index, point) in dense.enumerated() {
      let t = Double(index) / Double(max(1, dense.count - 1))
      let next = dense[min(index + 1, dense.count - 1)]
      let previous = dense[max(index - 1, 0)]
      let tangent = next - previous
      let norm = max(tangent.length, 1e-9)
      let normal = Point(x: -tangent.y / norm, y: tangent.x / norm)
      let wave = amplitude * (0.7 * sin(2 * .pi * t + phase1) + 0.3 * sin(5 * .pi * t + phase2))
      let d = point + normal * wave - centroid
      let rotated = Point(
        x: d.x * cos(angle) - d.y * sin(angle), y: d.x * sin(angle) + d.y * cos(angle))
      wobbled.append(centroid + rotated * scale + offset)
    }
    return wobbled
  }

  static func withoutHook(_ points: [Point], type: String) -> [Point]? {
    let prepared = PreparedStroke(points: points, type: type)
    guard let hookless = prepared.samplesWithoutHook, let end = hookless.last else { return nil }
    // Cut at the polyline vertex nearest the hookless end.
    let index = points.indices.min { points[$0].distance(to: end) < points[$1].distance(to: end) }
    guard let index, index >= 1 else { return nil }
    return Array(points[...index])
  }

  /// The polyline with its ends moved along their own direction (negative shortens).
  static func extended(_ points: [Point], start: Double, end: Double) -> [Point] {
    var result = points
    let length = Polyline.length(points)
    guard length > 1e-6 else { return points }
    if end < 0 {
      result = trimmed(result, keep: length + end)
    } else if end > 0, let last = result.last {
      let direction = last - result[max(0, result.count - 3)]
      if direction.length > 1e-9 { result.append(last + direction * (end / direction.length)) }
    }
    if start < 0 {
      result = trimmed(result.reversed(), keep: Polyline.length(result) + start).reversed()
    } else if start > 0, let first = result.first {
      let direction = first - result[min(result.count - 1, 2)]
      if direction.length > 1e-9 {
        result.insert(first + direction * (start / direction.length), at: 0)
      }
    }
    return result
  }

  static func trimmed(_ points: [Point], keep: Double) -> [Point] {
    var result = [points[0]]
    var travelled = 0.0
    for index in points.indices.dropFirst() {
      let segment = points[index].distance(to: points[index - 1])
      if travelled + segment >= keep {
        let t = segment > 0 ? (keep - travelled) / segment : 0
        result.append(points[index - 1] + (points[index] - points[index - 1]) * t)
        return result
      }
      travelled += segment
      result.append(points[index])
    }
    return result
  }

  /// Mouse events along a path in screen units: cells (or pixels) visited, fast moves skipping some.
  mutating func sample(_ path: [Point], canvas: CanvasSize, aspect: Double, hand: Hand)
    -> [Drawing.CellPoint]
  {
    let total = Polyline.length(path)
    var points: [Drawing.CellPoint] = []
    func report(_ p: Point) {
      let column = p.x
      let row = p.y / aspect
      let cell: Drawing.CellPoint
      if canvas.pixelPrecise {
        cell = .init(column: (column * 10).rounded(.down) / 10, row: (row * 20).rounded(.down) / 20)
      } else {
        cell = .init(column: column.rounded(.down), row: row.rounded(.down))
      }
      let clamped = Drawing.CellPoint(
        column: min(max(cell.column, 0), Double(canvas.columns) - 0.1),
        row: min(max(cell.row, 0), Double(canvas.rows) - 0.05))
      if points.last != clamped { points.append(clamped) }
    }
    guard total > 1e-9 else {
      report(path[0])
      return points
    }
    let dense = Polyline.resample(path, count: max(2, Int(total / 0.2) + 1))
    let spacing = total / Double(dense.count - 1)
    var travelled = 0.0
    var nextReport = 0.0
    for (index, point) in dense.enumerated() {
      if index > 0 { travelled += spacing }
      if travelled >= nextReport || index == dense.count - 1 {
        report(point)
        let step = chance(hand.fastMove) ? Double.random(in: 1.5...3, using: &generator) : 0.4
        nextReport = travelled + step * (canvas.pixelPrecise ? 0.5 : 1)
      }
    }
    return points
  }
}

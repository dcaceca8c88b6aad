import KanjiData

/// How many points every stroke is resampled to before two strokes are compared.
let sampleCount = 16

/// A reference stroke ready for comparison: resampled, measured, its hook found.
package struct PreparedStroke: Sendable {
  /// The stroke's arrays, shared by every copy: a prepared stroke is passed around for every
  /// pair of strokes compared, and a copy then retains one object rather than every array.
  private final class Arrays: Sendable {
    let polyline: [Point]
    let samples: [Point]
    let samplesWithoutHook: [Point]?
    let straightPieces: [ClosedRange<Int>]
    let profiles: [[Double]]

    init(
      polyline: [Point], samples: [Point], samplesWithoutHook: [Point]?,
      straightPieces: [ClosedRange<Int>], profiles: [[Double]]
    ) {
      self.polyline = polyline
      self.samples = samples
      self.samplesWithoutHook = samplesWithoutHook
      self.straightPieces = straightPieces
      self.profiles = profiles
    }
  }

  private let arrays: Arrays

  var polyline: [Point] { arrays.polyline }
  var samples: [Point] { arrays.samples }
  /// The samples without a closing hook, when the stroke has one; a mouse drawing may omit it.
  package var samplesWithoutHook: [Point]? { arrays.samplesWithoutHook }
  let length: Double
  package let centroid: Point
  /// Short strokes are dots: judged by where they are, not by their shape or direction.
  let isDot: Bool
  /// No corner or bow: every sample within a few units of the chord (一, 丨, a straight 丿).
  let isStraight: Bool

  /// Runs of samples that lie along a straight line at least 15 units long: the bars of a bent
  /// stroke (㇕ is two), or the whole of a straight one.
  var straightPieces: [ClosedRange<Int>] { arrays.straightPieces }

  /// `deviations` of the samples, then of the hookless samples when there are any: what every
  /// drawn stroke's bend is compared with, worked out once.
  var profiles: [[Double]] { arrays.profiles }

  static let dotLength = 12.0

  /// KanjiVG's stroke types that end in a hook (hane): ㇚ ㇆ ㇁ ㇂ ㇃ ㇈ ㇉ ㇌ ㇎ ㇖ ㇟ ㇠ ㇡ ㇙.
  static let hookTypes: Set<Character> = [
    "㇚", "㇆", "㇁", "㇂", "㇃", "㇈", "㇉", "㇌", "㇎", "㇖", "㇟", "㇠", "㇡", "㇙",
  ]

  package init(points: [Point], type: String = "") {
    var polyline = Polyline.deduplicated(points)
    if polyline.isEmpty { polyline = [Point(x: 54.5, y: 54.5)] }
    length = Polyline.length(polyline)
    let samples = Polyline.resample(polyline, count: sampleCount, length: length)
    centroid = Polyline.centroid(samples)
    isDot = length < Self.dotLength
    // Only a stroke typed as hooked has a hook: the vertical of a small ㇕ is as short as a hook.
    let hooked = type.contains { Self.hookTypes.contains($0) }
    let samplesWithoutHook = (hooked ? Self.hookless(polyline, length: length) : nil).map {
      Polyline.resample($0, count: sampleCount)
    }
    let profiles =
      [Self.deviations(samples)] + (samplesWithoutHook.map { [Self.deviations($0)] } ?? [])
    let corners = Self.corners(samples, 0, sampleCount - 1, tolerance: 3)
    let straightPieces = zip(corners, corners.dropFirst()).compactMap { start, end in
      samples[start].distance(to: samples[end]) >= 15 ? start...end : nil
    }
    isStraight = corners.count == 2
    arrays = Arrays(
      polyline: polyline, samples: samples, samplesWithoutHook: samplesWithoutHook,
      straightPieces: straightPieces, profiles: profiles)
  }

  /// The signed distance of each point from the chord of the first and last.
  static func deviations(_ points: [Point]) -> [Double] {
    guard let frame = Frame(points[0], points[points.count - 1]) else {
      return Array(repeating: 0, count: points.count)
    }
    return points.map(frame.across)
  }

  /// Douglas-Peucker: the indices of the points a polyline simplified within `tolerance` keeps.
  static func corners(_ points: [Point], _ first: Int, _ last: Int, tolerance: Double) -> [Int] {
    guard last > first + 1 else { return [first, last] }
    var farthest = first
    var distance = 0.0
    for index in (first + 1)..<last {
      let d = Polyline.distance(from: points[index], toSegment: points[first], points[last])
      if d > distance {
        distance = d
        farthest = index
      }
    }
    guard distance > tolerance else { return [first, last] }
    return corners(points, first, farthest, tolerance: tolerance).dropLast()
      + corners(points, farthest, last, tolerance: tolerance)
  }

  /// The stroke up to its last sharp turn when what follows is a short tail (a hook, hane).
  private static func hookless(_ points: [Point], length: Double) -> [Point]? {
    guard length >= 25, points.count >= 3 else { return nil }
    var tail = 0.0
    var index = points.count - 1
    // Walk back from the end while the tail is short, looking for a turn of more than ~60 degrees.
    while index >= 2, tail <= min(22, 0.3 * length) {
      tail += points[index].distance(to: points[index - 1])
      let incoming = points[index - 1] - points[index - 2]
      let outgoing = points[points.count - 1] - points[index - 1]
      let norms = incoming.length * outgoing.length
      if norms > 1e-9, tail >= 3, incoming.dot(outgoing) / norms < 0.5 {
        return Array(points[...(index - 1)])
      }
      index -= 1
    }
    return nil
  }
}

/// All strokes of one accepted form of a kanji, prepared once.
struct PreparedStrokeSet: Sendable {
  var name: String
  var strokes: [PreparedStroke]
  var bounds: Bounds

  /// Ordered pairs of strokes close enough (boxes within 40 units) for their relation to matter.
  var neighbours: [(Int, Int)]
  /// For each neighbour pair, `StructureCheck.referenceGap` at the first stroke's start and end:
  /// the reference's own geometry, measured once rather than at every grade. Nil when not
  /// measured (the recogniser never checks structure).
  var referenceGaps: [(start: Double, end: Double)]?

  /// The zero-based strokes of each top-level KanjiVG component.
  var components: [[Int]]

  /// The strokes' figures the matcher compares, gathered once.
  var figures: ReferenceFigures

  init(name: String, strokeSet: StrokeSet, measuringGaps: Bool = true) {
    self.name = name
    components = strokeSet.components.filter { $0.depth == 0 }.map(\.strokes)
    let strokes = strokeSet.strokes.map { PreparedStroke(points: $0.points, type: $0.type) }
    self.strokes = strokes
    figures = ReferenceFigures(strokes)
    bounds = Bounds(strokes.flatMap(\.polyline))
    let boxes = strokes.map { Bounds($0.polyline) }
    var neighbours: [(Int, Int)] = []
    for a in strokes.indices {
      for b in strokes.indices where b != a {
        let gapX = max(0, max(boxes[a].minX, boxes[b].minX) - min(boxes[a].maxX, boxes[b].maxX))
        let gapY = max(0, max(boxes[a].minY, boxes[b].minY) - min(boxes[a].maxY, boxes[b].maxY))
        if gapX <= 40 && gapY <= 40 { neighbours.append((a, b)) }
      }
    }
    self.neighbours = neighbours
    referenceGaps = measuringGaps ? neighbours.map { Self.referenceGaps(strokes, $0, $1) } : nil
  }

  static func referenceGaps(_ strokes: [PreparedStroke], _ a: Int, _ b: Int) -> (
    start: Double, end: Double
  ) {
    (
      StructureCheck.referenceGap(strokes[a], strokes[b], end: 0),
      StructureCheck.referenceGap(strokes[a], strokes[b], end: sampleCount - 1)
    )
  }
}

/// The drawing in KanjiVG-sized units (uniform scale, no placement fitted yet), strokes smoothed.
struct PreparedDrawing: Sendable {
  struct Stroke: Sendable {
    var polyline: [Point]
    var samples: [Point]
    var length: Double
  }

  var strokes: [Stroke]
  var bounds: Bounds
  /// Half the diagonal of a cell, the error quantisation alone can make.
  var quantisation: Double
  var cellWidth: Double
  var cellHeight: Double

  init(_ drawing: Drawing) {
    let canvas = drawing.canvas
    let aspect = canvas.cellAspect
    let scale = 109 / max(canvas.columns, canvas.rows * aspect, 1e-9)
    cellWidth = scale
    cellHeight = scale * aspect
    quantisation = 0.5 * (cellWidth * cellWidth + cellHeight * cellHeight).squareRoot()
    let width = cellWidth
    let height = cellHeight
    // Whole-cell points stand for the cell's centre; fractional ones are pixel positions.
    let wholeCells = drawing.strokes.allSatisfy { stroke in
      stroke.allSatisfy { $0.column.rounded() == $0.column && $0.row.rounded() == $0.row }
    }
    let offset = wholeCells ? 0.5 : 0
    strokes = drawing.strokes.map { cells in
      let points = cells.map { cell in
        Point(x: (cell.column + offset) * width, y: (cell.row + offset) * height)
      }
      let polyline = Self.smoothed(
        Polyline.deduplicated(points), cellWidth: width, cellHeight: height)
      let length = Polyline.length(polyline)
      return Stroke(
        polyline: polyline,
        samples: Polyline.resample(polyline, count: sampleCount, length: length),
        length: length)
    }
    bounds = Bounds(strokes.flatMap(\.polyline))
  }

  /// Irons out the staircase cells make of a diagonal: densify, then a moving average about a
  /// cell wide, the ends kept in place.
  static func smoothed(_ points: [Point], cellWidth: Double, cellHeight: Double) -> [Point] {
    guard points.count > 2 else { return points }
    let total = Polyline.length(points)
    let spacing = max(cellWidth * 0.5, total / 120)
    let count = max(3, Int(total / spacing) + 1)
    let dense = Polyline.resample(points, count: count, length: total)
    let radius = max(1, Int((cellHeight / spacing / 2).rounded()))
    var result = dense
    for index in 1..<(dense.count - 1) {
      let reach = min(radius, index, dense.count - 1 - index)
      var sum = Point(x: 0, y: 0)
      for k in (index - reach)...(index + reach) { sum = sum + dense[k] }
      result[index] = sum * (1 / Double(2 * reach + 1))
    }
    return result
  }
}

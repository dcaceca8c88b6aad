import KanjiData

// Small vector helpers over KanjiData's Point, in KanjiVG units; `package` ones are the simulated
// writer's too.
extension Point {
  package static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
  package static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
  package static func * (a: Point, k: Double) -> Point { Point(x: a.x * k, y: a.y * k) }

  package var length: Double { (x * x + y * y).squareRoot() }

  /// KanjiData's `distance(to:)`, inlined here: it is the innermost operation of every match.
  @inline(__always) func distance(to other: Point) -> Double {
    let dx = x - other.x
    let dy = y - other.y
    return (dx * dx + dy * dy).squareRoot()
  }

  func dot(_ other: Point) -> Double { x * other.x + y * other.y }

  func cross(_ other: Point) -> Double { x * other.y - y * other.x }
}

/// Polyline operations used by both the reference preparation and the drawn strokes.
package enum Polyline {
  package static func length(_ points: [Point]) -> Double {
    var total = 0.0
    for index in points.indices.dropFirst() {
      total += points[index].distance(to: points[index - 1])
    }
    return total
  }

  /// `count` points spaced evenly by arc length, first and last included.
  /// `length`: the polyline's `length`, when the caller has it already.
  package static func resample(_ points: [Point], count: Int, length: Double? = nil) -> [Point] {
    var result: [Point] = []
    result.reserveCapacity(count)
    appendResampled(points, count: count, length: length, to: &result)
    return result
  }

  /// `resample`'s points appended to `result`, with no array of their own.
  static func appendResampled(
    _ points: [Point], count: Int, length known: Double? = nil, to result: inout [Point]
  ) {
    guard let first = points.first else { return }
    let total = known ?? length(points)
    guard points.count > 1, total > 1e-9 else {
      result.append(contentsOf: repeatElement(first, count: count))
      return
    }
    let start = result.count
    result.append(first)
    let step = total / Double(count - 1)
    var target = step
    var travelled = 0.0
    var index = 1
    // The segment's length, measured once however many samples fall on it.
    var a = points[0]
    var b = points[1]
    var segment = a.distance(to: b)
    while result.count - start < count - 1 {
      if travelled + segment >= target, segment > 0 {
        let t = (target - travelled) / segment
        result.append(a + (b - a) * t)
        target += step
      } else {
        travelled += segment
        index += 1
        guard index < points.count else { break }
        a = b
        b = points[index]
        segment = a.distance(to: b)
      }
    }
    while result.count - start < count { result.append(points[points.count - 1]) }
  }

  package static func centroid(_ points: [Point]) -> Point {
    guard !points.isEmpty else { return Point(x: 0, y: 0) }
    var sum = Point(x: 0, y: 0)
    for point in points { sum = sum + point }
    return sum * (1 / Double(points.count))
  }

  /// Removes consecutive repeats, so that a mouse resting on a cell adds nothing.
  package static func deduplicated(_ points: [Point]) -> [Point] {
    // A reference stroke seldom repeats a point: then the stroke itself serves, not a copy.
    let repeats = points.indices.dropFirst().contains {
      !(points[$0 - 1].distance(to: points[$0]) > 1e-9)
    }
    guard repeats else { return points }
    var result: [Point] = []
    result.reserveCapacity(points.count)
    for point in points where result.last.map({ $0.distance(to: point) > 1e-9 }) ?? true {
      result.append(point)
    }
    return result
  }

  /// Shortest distance from `point` to the segment a-b.
  static func distance(from point: Point, toSegment a: Point, _ b: Point) -> Double {
    let ab = b - a
    let squared = ab.dot(ab)
    guard squared > 1e-12 else { return point.distance(to: a) }
    let t = min(1, max(0, (point - a).dot(ab) / squared))
    return point.distance(to: a + ab * t)
  }

  /// The square of `distance(from:toSegment:)`, computed the same way but for the root.
  @inline(__always) static func squaredDistance(from point: Point, toSegment a: Point, _ b: Point)
    -> Double
  {
    let ab = b - a
    let squared = ab.dot(ab)
    let nearest: Point
    if squared > 1e-12 {
      let t = min(1, max(0, (point - a).dot(ab) / squared))
      nearest = a + ab * t
    } else {
      nearest = a
    }
    let dx = point.x - nearest.x
    let dy = point.y - nearest.y
    return dx * dx + dy * dy
  }

  static func distance(from point: Point, to polyline: [Point]) -> Double {
    guard polyline.count > 1 else {
      return polyline.first.map { point.distance(to: $0) } ?? .infinity
    }
    // The root of the least square: the root is monotonic and correctly rounded, so this is the
    // least of the segments' distances, with one root instead of one a segment.
    return polyline.withUnsafeBufferPointer { line in
      var best = Double.infinity
      for index in 1..<line.count {
        best = min(best, squaredDistance(from: point, toSegment: line[index - 1], line[index]))
      }
      return best.squareRoot()
    }
  }

  /// The index of the point of `points` nearest to `point`, the first of equals (as `min(by:)`
  /// finds it, each distance measured once rather than at every comparison).
  static func nearestIndex(to point: Point, in points: [Point]) -> Int? {
    guard !points.isEmpty else { return nil }
    var best = 0
    var bestDistance = points[0].distance(to: point)
    for index in points.indices.dropFirst() {
      let distance = points[index].distance(to: point)
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    return best
  }

  /// Whether the segments a-b and c-d properly cross.
  static func segmentsCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
    let d1 = (b - a).cross(c - a)
    let d2 = (b - a).cross(d - a)
    let d3 = (d - c).cross(a - c)
    let d4 = (d - c).cross(b - c)
    return d1 * d2 < 0 && d3 * d4 < 0
  }

  static func cross(_ first: [Point], _ second: [Point]) -> Bool {
    for i in first.indices.dropFirst() {
      for j in second.indices.dropFirst()
      where segmentsCross(first[i - 1], first[i], second[j - 1], second[j]) {
        return true
      }
    }
    return false
  }
}

/// Axis-aligned bounds of a set of points.
struct Bounds {
  var minX = Double.infinity
  var minY = Double.infinity
  var maxX = -Double.infinity
  var maxY = -Double.infinity

  init() {}

  init<S: Sequence>(_ points: S) where S.Element == Point {
    for point in points { add(point) }
  }

  mutating func add(_ point: Point) {
    minX = min(minX, point.x)
    minY = min(minY, point.y)
    maxX = max(maxX, point.x)
    maxY = max(maxY, point.y)
  }

  var isEmpty: Bool { minX > maxX }
  var width: Double { isEmpty ? 0 : maxX - minX }
  var height: Double { isEmpty ? 0 : maxY - minY }
  var center: Point { Point(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
}

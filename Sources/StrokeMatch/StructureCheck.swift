import Foundation
import KanjiData

/// Checks between strokes that per-stroke tolerances miss, so that look-alikes fail: which of two
/// parallel strokes is longer (末/未, 土/士), and on which side of a stroke another one ends (牛/午,
/// 右/石, 入/八).
struct StructureCheck: Sendable {
  var tolerance: Tolerance
  var cell: (width: Double, height: Double)

  /// Reference strokes (0-based) whose relation to another stroke is wrong.
  func violations(form: PreparedStrokeSet, match: Match) -> Set<Int> {
    var flagged = Set<Int>()
    let cellX = cell.width * match.placement.scaleX
    let cellY = cell.height * match.placement.scaleY
    // Drawn samples oriented like their reference strokes.
    var drawn: [Int: [Point]] = [:]
    for (j, stroke) in form.strokes.enumerated() {
      guard let i = match.drawnOfReference[j] else { continue }
      let pair = match.measures[i][j]
      let samples = match.drawnSamples[i]
      drawn[j] = !stroke.isDot && pair.backward < pair.forward ? samples.reversed() : samples
    }
    let matched = drawn.keys.sorted()
    for a in matched {
      for b in matched where b != a {
        let first = form.strokes[a]
        let second = form.strokes[b]
        if a < b, !first.isDot, !second.isDot,
          let culprit = lengthOrderFlipped(a, b, first, second, drawn[a]!, drawn[b]!)
        {
          flagged.insert(culprit)
        }
        if second.length >= 15,
          endpointSideChanged(first, second, drawn[a]!, drawn[b]!, cellX: cellX, cellY: cellY)
        {
          flagged.insert(a)
        }
      }
    }
    return flagged
  }

  /// Two nearly parallel strokes whose order of length is reversed by a clear margin.
  func lengthOrderFlipped(
    _ a: Int, _ b: Int, _ first: PreparedStroke, _ second: PreparedStroke, _ drawnA: [Point],
    _ drawnB: [Point]
  ) -> Int? {
    let chordA = first.samples[sampleCount - 1] - first.samples[0]
    let chordB = second.samples[sampleCount - 1] - second.samples[0]
    let lengthA = chordA.length
    let lengthB = chordB.length
    guard lengthA > 8, lengthB > 8 else { return nil }
    guard abs(chordA.dot(chordB)) / (lengthA * lengthB) > 0.94 else { return nil }
    let drawnLengthA = drawnA[sampleCount - 1].distance(to: drawnA[0])
    let drawnLengthB = drawnB[sampleCount - 1].distance(to: drawnB[0])
    guard drawnLengthA > 1, drawnLengthB > 1 else { return nil }
    let reference = log(lengthA / lengthB)
    let actual = log(drawnLengthA / drawnLengthB)
    let limit = 0.16 * tolerance.factor
    let flipped =
      (reference < -limit && actual > limit) || (reference > limit && actual < -limit)
    guard flipped, abs(actual - reference) > 0.45 * tolerance.factor else { return nil }
    return abs(log(drawnLengthA / lengthA)) >= abs(log(drawnLengthB / lengthB)) ? a : b
  }

  /// An end of `first` that lies on one side of `second` in the reference and clearly on the other
  /// side (or touching where it should be apart, or apart where it should touch) in the drawing.
  func endpointSideChanged(
    _ first: PreparedStroke, _ second: PreparedStroke, _ drawnFirst: [Point],
    _ drawnSecond: [Point], cellX: Double, cellY: Double
  ) -> Bool {
    for end in [0, sampleCount - 1] {
      guard let reference = signedOffset(of: first.samples[end], from: second.samples),
        abs(reference.offset) <= 22
      else { continue }
      guard let actual = signedOffset(of: drawnFirst[end], from: drawnSecond) else { continue }
      // The grid is coarser across rows than across columns: allow a cell across the line.
      let normal = reference.normal
      let cellAcross = (normal.x * cellX * normal.x * cellX + normal.y * cellY * normal.y * cellY)
        .squareRoot()
      let limit = (7 + 0.12 * second.length) * tolerance.factor + cellAcross
      let change = abs(actual.offset - reference.offset)
      let sideFlip = actual.offset * reference.offset < 0
      let touching = min(abs(actual.offset), abs(reference.offset)) < 2.5
      if change > limit && (sideFlip || touching) { return true }
    }
    return false
  }

  /// Perpendicular distance of `point` from the polyline, signed by side, with the line's normal;
  /// nil when the point lies beyond either end of the line.
  func signedOffset(of point: Point, from line: [Point]) -> (offset: Double, normal: Point)? {
    var best = Double.infinity
    var result: (Double, Point)?
    for index in line.indices.dropFirst() {
      let a = line[index - 1]
      let b = line[index]
      let ab = b - a
      let squared = ab.dot(ab)
      guard squared > 1e-9 else { continue }
      let t = (point - a).dot(ab) / squared
      let clamped = min(1, max(0, t))
      let distance = point.distance(to: a + ab * clamped)
      if distance < best {
        best = distance
        let beyond =
          (index == 1 && t < 0 && -t * squared.squareRoot() > 3)
          || (index == line.count - 1 && t > 1 && (t - 1) * squared.squareRoot() > 3)
        let length = squared.squareRoot()
        let normal = Point(x: -ab.y / length, y: ab.x / length)
        result = beyond ? nil : ((point - a).dot(normal), normal)
      }
    }
    return result
  }
}

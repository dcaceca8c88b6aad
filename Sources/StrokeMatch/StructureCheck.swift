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
          dbg("lengthflip"); flagged.insert(culprit)
        }
        if second.length >= 15,
          endpointSideChanged(first, second, drawn[a]!, drawn[b]!, cellX: cellX, cellY: cellY)
        {
          dbg("side"); flagged.insert(a)
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
    guard lengthA > 15, lengthB > 15 else { return nil }
    guard abs(chordA.dot(chordB)) / (lengthA * lengthB) > 0.94 else { return nil }
    // Only strokes stacked side by side (the two bars of 末) are compared: they overlap along
    // their direction and lie near each other across it.
    guard let frame = Frame(first.samples[0], first.samples[sampleCount - 1]) else { return nil }
    let alongB = [frame.along(second.samples[0]), frame.along(second.samples[sampleCount - 1])]
    guard alongB.max()! > 0.1, alongB.min()! < 0.9 else { return nil }
    guard abs(frame.across(second.centroid)) < 40 else { return nil }
    let drawnLengthA = drawnA[sampleCount - 1].distance(to: drawnA[0])
    let drawnLengthB = drawnB[sampleCount - 1].distance(to: drawnB[0])
    guard drawnLengthA > 1, drawnLengthB > 1 else { return nil }
    let reference = log(lengthA / lengthB)
    let actual = log(drawnLengthA / drawnLengthB)
    let limit = param("FLIPL", 0.12) * tolerance.factor
    let flipped =
      (reference < -0.3 && actual > limit) || (reference > 0.3 && actual < -limit)
    guard flipped, abs(actual - reference) > param("FLIPD", 0.6) * tolerance.factor else { return nil }
    if debugOn { print("FLIP \(a) \(b) ref \(lengthA) \(lengthB) drawn \(drawnLengthA) \(drawnLengthB)") }
    return abs(log(drawnLengthA / lengthA)) >= abs(log(drawnLengthB / lengthB)) ? a : b
  }

  /// An end of `first` that lies on one side of `second` in the reference and clearly on the other
  /// side (or touching where it should be apart, or apart where it should touch) in the drawing.
  func endpointSideChanged(
    _ first: PreparedStroke, _ second: PreparedStroke, _ drawnFirst: [Point],
    _ drawnSecond: [Point], cellX: Double, cellY: Double
  ) -> Bool {
    // Only against the straight pieces of a line, so that "side" is well defined on both.
    for piece in second.straightPieces {
      let start = second.samples[piece.lowerBound]
      let finish = second.samples[piece.upperBound]
      // The drawn piece runs between the drawn points nearest the reference's corners: a dropped
      // hook shifts where along the stroke a sample falls.
      func nearest(_ point: Point) -> Point {
        drawnSecond.min { $0.distance(to: point) < $1.distance(to: point) } ?? point
      }
      guard let lineFrame = Frame(start, finish),
        let drawnFrame = Frame(
          piece.lowerBound == 0 ? drawnSecond[0] : nearest(start),
          piece.upperBound == sampleCount - 1 && second.samplesWithoutHook == nil
            ? drawnSecond[sampleCount - 1] : nearest(finish))
      else { continue }
      let pieceLength = lineFrame.length
      for end in [0, sampleCount - 1] {
        let point = first.samples[end]
        let along = lineFrame.along(point)
        guard along > -0.03, along < 1.03 else { continue }
        var reference = lineFrame.across(point)
        guard abs(reference) <= 30 else { continue }
        let actual = drawnFrame.across(drawnFirst[end])
        let drawnAlong = drawnFrame.along(drawnFirst[end])
        guard drawnAlong > -0.15, drawnAlong < 1.15 else { continue }
        // The grid is coarser across rows than across columns: allow a cell across the line.
        let normal = drawnFrame.normal
        let cellAcross =
          ((normal.x * cellX) * (normal.x * cellX) + (normal.y * cellY) * (normal.y * cellY))
          .squareRoot()
        let limit =
          (7 + 0.06 * first.length + 0.08 * pieceLength) * tolerance.factor + cellAcross
        // A hook may be left out: measure the end without it too and take the nearer.
        if end > 0, let hookless = first.samplesWithoutHook?.last {
          let other = lineFrame.across(hookless)
          if abs(actual - other) < abs(actual - reference) { reference = other }
        }
        let change = abs(actual - reference)
        let sideFlip = actual * reference < 0
        let touching = min(abs(actual), abs(reference)) < 2.5
        if change > limit && (sideFlip || touching) {
          if debugOn { print("SIDE end=\(end) ref=\(reference) act=\(actual) limit=\(limit) len1=\(first.length) len2=\(second.length)") }
          return true
        }
      }
    }
    return false
  }
}

/// Coordinates along and across the chord of a line.
struct Frame {
  var origin: Point
  var direction: Point
  var length: Double

  init?(_ start: Point, _ end: Point) {
    let chord = end - start
    length = chord.length
    guard length > 4 else { return nil }
    origin = start
    direction = chord * (1 / length)
  }

  var normal: Point { Point(x: -direction.y, y: direction.x) }

  /// Position along the chord: 0 at the start, 1 at the end.
  func along(_ point: Point) -> Double { (point - origin).dot(direction) / length }

  /// Signed distance from the chord's line.
  func across(_ point: Point) -> Double { (point - origin).dot(normal) }
}

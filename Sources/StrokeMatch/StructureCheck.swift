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
    let cellX = cell.width * match.placement.scaleX
    let cellY = cell.height * match.placement.scaleY
    // How loosely this hand writes: each stroke's distance from its reference. Relations between
    // strokes are held to a stricter standard for a neat hand than for a sloppy one.
    var distances = [Double?](repeating: nil, count: form.strokes.count)
    var sorted: [(Int, Double)] = []
    sorted.reserveCapacity(form.strokes.count)
    for (j, stroke) in form.strokes.enumerated() where !stroke.isDot {
      guard let i = match.drawnOfReference[j] else { continue }
      let distance = min(match.measures[i][j].forward, match.measures[i][j].backward)
      distances[j] = distance
      sorted.append((j, distance))
    }
    // The order of ties does not matter: `sloppiness` reads back a distance, which ties share.
    sorted.sort { $0.1 < $1.1 }
    var check = self
    check.distances = distances
    check.strokeCount = form.strokes.count
    check.sorted = sorted
    return check.relations(form: form, match: match, cellX: cellX, cellY: cellY)
  }

  /// Each reference stroke's distance from its drawn stroke; nil for dots and missing strokes.
  var distances: [Double?] = []
  var sorted: [(Int, Double)] = []
  var strokeCount = 0

  /// Extra room, in units, in a kanji of many strokes. In a simple kanji every relation between
  /// strokes is part of its identity (入 and 八, 土 and 士); in a busy one a loose junction or a
  /// bar a little long is handwriting, and the other strokes still say which kanji it is.
  var busy: Double { min(15, 1.5 * max(0, Double(strokeCount - 4))) }

  /// The lower median distance of the strokes other than the two compared (which may be the very
  /// strokes a look-alike changes); a middling hand's when too few strokes remain to tell.
  func sloppiness(excluding a: Int, _ b: Int) -> Double {
    let count = sorted.count - (distances[a] == nil ? 0 : 1) - (distances[b] == nil ? 0 : 1)
    guard count >= 2 else { return 3 }
    var seen = 0
    for (j, distance) in sorted where j != a && j != b {
      if seen == (count - 1) / 2 { return distance }
      seen += 1
    }
    return 3
  }

  func relations(form: PreparedStrokeSet, match: Match, cellX: Double, cellY: Double) -> Set<Int> {
    var flagged = Set<Int>()
    // Drawn samples oriented like their reference strokes.
    var drawn = [[Point]?](repeating: nil, count: form.strokes.count)
    for (j, stroke) in form.strokes.enumerated() {
      guard let i = match.drawnOfReference[j] else { continue }
      let pair = match.measures[i][j]
      let samples = match.drawnSamples[i]
      drawn[j] = !stroke.isDot && pair.backward < pair.forward ? samples.reversed() : samples
    }
    for (index, (a, b)) in form.neighbours.enumerated() {
      guard let drawnA = drawn[a], let drawnB = drawn[b] else { continue }
      let first = form.strokes[a]
      let second = form.strokes[b]
      let sloppiness = sloppiness(excluding: a, b)
      if a < b, !first.isDot, !second.isDot,
        let culprit = lengthOrderFlipped(
          a, b, first, second, drawnA, drawnB, sloppiness: sloppiness)
      {
        flagged.insert(culprit)
      }
      if second.length >= 15,
        endpointSideChanged(
          first, second, drawnA, drawnB,
          referenceGaps: form.referenceGaps?[index]
            ?? PreparedStrokeSet.referenceGaps(form.strokes, a, b), cellX: cellX, cellY: cellY,
          sloppiness: sloppiness)
      {
        flagged.insert(a)
      }
    }
    return flagged
  }

  /// Two nearly parallel strokes whose order of length is reversed by a clear margin.
  func lengthOrderFlipped(
    _ a: Int, _ b: Int, _ first: PreparedStroke, _ second: PreparedStroke, _ drawnA: [Point],
    _ drawnB: [Point], sloppiness: Double
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
    let alongStart = frame.along(second.samples[0])
    let alongEnd = frame.along(second.samples[sampleCount - 1])
    guard max(alongStart, alongEnd) > 0.1, min(alongStart, alongEnd) < 0.9 else { return nil }
    guard abs(frame.across(second.centroid)) < 40 else { return nil }
    let drawnLengthA = drawnA[sampleCount - 1].distance(to: drawnA[0])
    let drawnLengthB = drawnB[sampleCount - 1].distance(to: drawnB[0])
    guard drawnLengthA > 1, drawnLengthB > 1 else { return nil }
    let reference = log(lengthA / lengthB)
    let actual = log(drawnLengthA / drawnLengthB)
    let limit = 0.12 * tolerance.factor
    let flipped =
      (reference < -0.2 && actual > limit) || (reference > 0.2 && actual < -limit)
    guard flipped,
      abs(actual - reference) > (0.45 + 0.03 * sloppiness + 0.03 * busy) * tolerance.factor
    else {
      return nil
    }
    return abs(log(drawnLengthA / lengthA)) >= abs(log(drawnLengthB / lengthB)) ? a : b
  }

  /// An end of `first` that lies on one side of `second` in the reference and clearly on the other
  /// side (or touching where it should be apart, or apart where it should touch) in the drawing.
  func endpointSideChanged(
    _ first: PreparedStroke, _ second: PreparedStroke, _ drawnFirst: [Point],
    _ drawnSecond: [Point], referenceGaps: (start: Double, end: Double), cellX: Double,
    cellY: Double, sloppiness: Double
  ) -> Bool {
    // Joined in one and apart in the other (入 against 八): the gap between an end and the line.
    let gapLimit =
      (5 + 0.04 * first.length) * tolerance.factor + 0.5 * max(cellX, cellY)
      + 1.5 * sloppiness + busy
    for end in [0, sampleCount - 1] {
      let referenceGap = end == 0 ? referenceGaps.start : referenceGaps.end
      // The drawn gap matters only where the reference's joins the line or stays clear of it:
      // most pairs of strokes are neither, and are not measured.
      let joinsInReference = referenceGap < 3
      let clearInReference = referenceGap > max(gapLimit, 15) && referenceGap < 30
      guard joinsInReference || clearInReference else { continue }
      let drawnGap = Polyline.distance(from: drawnFirst[end], to: drawnSecond)
      let joinedInReference = joinsInReference && drawnGap > gapLimit
      // An end drawn onto the middle of a line it should stay clear of (八 drawn as 入); ends
      // meeting near a line's own ends are common slips and not judged. The looser the hand,
      // the less an end merely nearer than the model's proves: only touching does.
      let touching = 3 + 0.25 * max(cellX, cellY)
      let near = 0.3 * referenceGap * min(1, 3 / max(sloppiness, 1e-9))
      let joinedInDrawing =
        drawnGap < max(touching, near) && clearInReference
        && Self.interior(drawnFirst[end], of: drawnSecond)
      if joinedInReference || joinedInDrawing {
        return true
      }
    }
    // Only against the straight pieces of a line, so that "side" is well defined on both.
    for piece in second.straightPieces {
      let start = second.samples[piece.lowerBound]
      let finish = second.samples[piece.upperBound]
      // The drawn piece runs between the drawn points nearest the reference's corners: a dropped
      // hook shifts where along the stroke a sample falls.
      func nearest(_ point: Point) -> Point {
        Polyline.nearestIndex(to: point, in: drawnSecond).map { drawnSecond[$0] } ?? point
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
          (5 + 0.04 * first.length + 0.05 * pieceLength) * tolerance.factor + 0.7 * cellAcross + 1.5
          * sloppiness + busy
        // A hook may be left out: measure the end without it too and take the nearer.
        if end > 0, let hookless = first.samplesWithoutHook?.last {
          let other = lineFrame.across(hookless)
          if abs(actual - other) < abs(actual - reference) { reference = other }
        }
        let change = abs(actual - reference)
        let sideFlip = actual * reference < 0
        if change > limit && sideFlip {
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

extension StructureCheck {
  /// How far an end (sample index `end`) of `first` lies from `second` in the reference.
  static func referenceGap(_ first: PreparedStroke, _ second: PreparedStroke, end: Int) -> Double {
    var referenceGap = Polyline.distance(from: first.samples[end], to: second.polyline)
    // A hook's tip may touch where the stroke without it does not: judge by the farther.
    if end > 0, let hookless = first.samplesWithoutHook?.last {
      referenceGap = max(referenceGap, Polyline.distance(from: hookless, to: second.polyline))
    }
    if let hookless = second.samplesWithoutHook {
      referenceGap = max(referenceGap, Polyline.distance(from: first.samples[end], to: hookless))
    }
    return referenceGap
  }

  /// Whether the point lies along the middle of the line: its nearest sample more than a sixth
  /// of the way from either end.
  static func interior(_ point: Point, of line: [Point]) -> Bool {
    guard let nearest = Polyline.nearestIndex(to: point, in: line) else { return false }
    return nearest >= line.count / 6 && nearest <= line.count - 1 - line.count / 6
  }
}

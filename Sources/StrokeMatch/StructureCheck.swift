import Foundation
import KanjiData

/// Checks between strokes that per-stroke tolerances miss, so that look-alikes fail: which of two
/// parallel strokes is longer (末/未, 土/士), and on which side of a stroke another one ends (牛/午,
/// 右/石, 入/八).
struct StructureCheck: Sendable {
  var tolerance: Tolerance
  var cell: (width: Double, height: Double)

  // Units are KanjiVG's (a kanji is 109 wide); lengths and distances in the drawing are after
  // its fit onto the reference.

  // The hand: relations are held looser for a sloppy hand, and in a kanji of many strokes.
  /// Strokes left, besides the two compared, to measure the hand by; else a middling hand.
  static let sloppinessStrokes = 2  // bigger = small kanji are judged as by a middling hand
  static let middlingSloppiness = 3.0  // bigger = small kanji held to a sloppier hand's standard
  /// A kanji of more strokes than this is busy: room added per stroke beyond, up to a most.
  static let busyAfterStrokes = 4  // bigger = fewer kanji count as busy
  static let busyRoomPerStroke = 1.5  // bigger = more room in a busy kanji
  static let busyRoomMost = 15.0  // bigger = more room in the busiest kanji

  // Length order (末 against 未): two strokes side by side, the longer drawn the shorter.
  /// Strokes shorter than this (their chords) are not compared.
  static let lengthOrderChord = 15.0  // bigger = fewer short strokes compared
  /// How parallel the two must be: the cosine of the angle between them.
  static let lengthOrderParallel = 0.94  // bigger = only more nearly parallel strokes compared
  /// How far one must overlap the other along it (a share of its length) ...
  static let lengthOrderOverlap = 0.1  // bigger = only strokes more fully side by side compared
  /// ... and how near (units) across it.
  static let lengthOrderAcross = 40.0  // bigger = strokes further apart compared too
  /// Strokes drawn shorter than this are not compared either.
  static let lengthOrderDrawnChord = 1.0  // bigger = fewer short drawn strokes compared
  /// How clearly (the log of their lengths' ratio) the reference orders their lengths.
  static let lengthOrderClear = 0.2  // bigger = only more unequal strokes compared
  /// How clearly the drawing orders them the other way, before leniency.
  static let lengthOrderFlip = 0.12  // bigger = more lenient
  /// How far (in the log of the ratio) the drawing must differ from the reference, before
  /// leniency, plus room per unit of the hand's sloppiness and of a busy kanji's room.
  static let lengthOrderChange = 0.45  // bigger = more lenient
  static let lengthOrderChangePerSloppiness = 0.03  // bigger = more lenient with a sloppy hand
  static let lengthOrderChangePerBusy = 0.03  // bigger = more lenient in a busy kanji

  // Joins (入 against 八): an end that meets a line in the reference, or clearly stays off it.
  /// The most an end may be off the line it should meet, before leniency: a base, a share of the
  /// stroke's length, a share of a cell, and room per unit of the hand's sloppiness.
  static let gap = 5.0  // bigger = ends may stop further short of their line
  static let gapPerLength = 0.04  // bigger = long strokes' ends may stop further short
  static let gapPerCell = 0.5  // bigger = the same, on a coarse canvas
  static let gapPerSloppiness = 1.5  // bigger = the same, for a sloppy hand
  /// A reference end this near a line meets it.
  static let joinedGap = 3.0  // bigger = more ends held to meeting their line
  /// A reference end at least this far from a line (and past the gap limit), and no further
  /// than `clearGapMost`, clearly stays off it.
  static let clearGap = 15.0  // bigger = fewer ends held to staying off their line
  static let clearGapMost = 30.0  // bigger = more ends held to staying off their line
  /// A drawn end this near a line touches it: a base and a share of a cell ...
  static let touching = 3.0  // bigger = ends count as touching from further off
  static let touchingPerCell = 0.25  // bigger = the same, on a coarse canvas
  /// ... or nearer than this share of the reference's gap, for a hand as neat as
  /// `nearSloppiness` or neater (a looser hand's ends must touch).
  static let nearShare = 0.3  // bigger = ends count as joined from further off
  static let nearSloppiness = 3.0  // bigger = looser hands' near ends count as joined too
  /// A line's ends: the sixth of its samples at either end (one over this) is not its middle.
  static let interiorDivisor = 6  // bigger = ends meeting nearer a line's own ends are judged too

  // Sides (牛 against 午, 右 against 石): an end on the other side of a straight piece of a line.
  /// Lines shorter than this are not judged.
  static let sideLineLength = 15.0  // bigger = fewer short lines judged
  /// How far past a piece's ends (a share of its length) a reference end may lie and be judged.
  static let sideAlong = 0.03  // bigger = ends further past a piece's ends judged
  /// How far from a piece (units) a reference end may lie and be judged.
  static let sideAcross = 30.0  // bigger = ends further from the line judged
  /// How far past the drawn piece's ends (a share of its length) a drawn end may lie.
  static let sideDrawnAlong = 0.15  // bigger = ends further past the drawn piece judged
  /// The most an end may move across the line (and change sides), before leniency: a base, a
  /// share of the stroke's and of the piece's length, a share of a cell across the line, and room
  /// per unit of the hand's sloppiness.
  static let sideChange = 5.0  // bigger = ends may cross their line further
  static let sideChangePerLength = 0.04  // bigger = long strokes' ends may cross further
  static let sideChangePerLineLength = 0.05  // bigger = ends may cross long lines further
  static let sideChangePerCell = 0.7  // bigger = the same, on a coarse canvas
  static let sideChangePerSloppiness = 1.5  // bigger = the same, for a sloppy hand

  // Run-on (土 against 扌): an end that stops on a line, or a stroke that crosses the line and
  // runs on past it for a good share of its length. Measured as shares of the stroke's own
  // length, so a busy kanji's room in units does not blur it.
  /// A stroke that runs on past its crossing for no more than this share of its length stops on
  /// the line.
  static let runOnStops = 0.08  // bigger = more crossings count as stopping on the line
  /// How much more of its length (a share, before leniency) a stroke must run on past the line
  /// than its reference, or the reference than it, plus a cell's share of its length.
  static let runOnChange = 0.22  // bigger = more lenient
  static let runOnChangePerCell = 1.0  // bigger = the same, on a coarse canvas
  /// The least the run-on may differ in units, before leniency, plus a cell: past a short
  /// stroke's line a few units are an overshoot, whatever share of it they are.
  static let runOnLeast = 15.0  // bigger = more lenient with short strokes

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
  var busy: Double {
    min(
      Self.busyRoomMost,
      Self.busyRoomPerStroke * max(0, Double(strokeCount - Self.busyAfterStrokes)))
  }

  /// The lower median distance of the strokes other than the two compared (which may be the very
  /// strokes a look-alike changes); a middling hand's when too few strokes remain to tell.
  func sloppiness(excluding a: Int, _ b: Int) -> Double {
    let count = sorted.count - (distances[a] == nil ? 0 : 1) - (distances[b] == nil ? 0 : 1)
    guard count >= Self.sloppinessStrokes else { return Self.middlingSloppiness }
    var seen = 0
    for (j, distance) in sorted where j != a && j != b {
      if seen == (count - 1) / 2 { return distance }
      seen += 1
    }
    return Self.middlingSloppiness
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
    // Strokes whose boxes stay apart neither meet nor cross: their run-on is not measured.
    let boxes = form.strokes.map { Bounds($0.samples) }
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
      if second.length >= Self.sideLineLength,
        endpointSideChanged(
          first, second, drawnA, drawnB,
          referenceGaps: form.referenceGaps?[index]
            ?? PreparedStrokeSet.referenceGaps(form.strokes, a, b), cellX: cellX, cellY: cellY,
          sloppiness: sloppiness)
      {
        flagged.insert(a)
      }
      if !flagged.contains(a), !first.isDot, !second.isDot,
        boxes[a].minX <= boxes[b].maxX + Self.joinedGap,
        boxes[b].minX <= boxes[a].maxX + Self.joinedGap,
        boxes[a].minY <= boxes[b].maxY + Self.joinedGap,
        boxes[b].minY <= boxes[a].maxY + Self.joinedGap,
        let reference = Self.runOn(
          first.samples, past: second.samples, end: sampleCount - 1, touching: 0),
        runOnChanged(
          first, second, drawnA, drawnB, reference: reference, cellX: cellX, cellY: cellY)
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
    guard lengthA > Self.lengthOrderChord, lengthB > Self.lengthOrderChord else { return nil }
    guard abs(chordA.dot(chordB)) / (lengthA * lengthB) > Self.lengthOrderParallel else {
      return nil
    }
    // Only strokes stacked side by side (the two bars of 末) are compared: they overlap along
    // their direction and lie near each other across it.
    guard let frame = Frame(first.samples[0], first.samples[sampleCount - 1]) else { return nil }
    let alongStart = frame.along(second.samples[0])
    let alongEnd = frame.along(second.samples[sampleCount - 1])
    guard max(alongStart, alongEnd) > Self.lengthOrderOverlap,
      min(alongStart, alongEnd) < 1 - Self.lengthOrderOverlap
    else { return nil }
    guard abs(frame.across(second.centroid)) < Self.lengthOrderAcross else { return nil }
    let drawnLengthA = drawnA[sampleCount - 1].distance(to: drawnA[0])
    let drawnLengthB = drawnB[sampleCount - 1].distance(to: drawnB[0])
    guard drawnLengthA > Self.lengthOrderDrawnChord, drawnLengthB > Self.lengthOrderDrawnChord
    else { return nil }
    let reference = log(lengthA / lengthB)
    let actual = log(drawnLengthA / drawnLengthB)
    let limit = Self.lengthOrderFlip * tolerance.factor
    let flipped =
      (reference < -Self.lengthOrderClear && actual > limit)
      || (reference > Self.lengthOrderClear && actual < -limit)
    let change =
      (Self.lengthOrderChange + Self.lengthOrderChangePerSloppiness * sloppiness
        + Self.lengthOrderChangePerBusy * busy) * tolerance.factor
    guard flipped, abs(actual - reference) > change else {
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
      (Self.gap + Self.gapPerLength * first.length) * tolerance.factor
      + Self.gapPerCell * max(cellX, cellY) + Self.gapPerSloppiness * sloppiness + busy
    for end in [0, sampleCount - 1] {
      let referenceGap = end == 0 ? referenceGaps.start : referenceGaps.end
      // The drawn gap matters only where the reference's joins the line or stays clear of it:
      // most pairs of strokes are neither, and are not measured.
      let joinsInReference = referenceGap < Self.joinedGap
      let clearInReference =
        referenceGap > max(gapLimit, Self.clearGap) && referenceGap < Self.clearGapMost
      guard joinsInReference || clearInReference else { continue }
      let drawnGap = Polyline.distance(from: drawnFirst[end], to: drawnSecond)
      let joinedInReference = joinsInReference && drawnGap > gapLimit
      // An end drawn onto the middle of a line it should stay clear of (八 drawn as 入); ends
      // meeting near a line's own ends are common slips and not judged. The looser the hand,
      // the less an end merely nearer than the model's proves: only touching does.
      let touching = Self.touching + Self.touchingPerCell * max(cellX, cellY)
      let near =
        Self.nearShare * referenceGap * min(1, Self.nearSloppiness / max(sloppiness, 1e-9))
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
        guard along > -Self.sideAlong, along < 1 + Self.sideAlong else { continue }
        var reference = lineFrame.across(point)
        guard abs(reference) <= Self.sideAcross else { continue }
        let actual = drawnFrame.across(drawnFirst[end])
        let drawnAlong = drawnFrame.along(drawnFirst[end])
        guard drawnAlong > -Self.sideDrawnAlong, drawnAlong < 1 + Self.sideDrawnAlong else {
          continue
        }
        // The grid is coarser across rows than across columns: allow a cell across the line.
        let normal = drawnFrame.normal
        let cellAcross =
          ((normal.x * cellX) * (normal.x * cellX) + (normal.y * cellY) * (normal.y * cellY))
          .squareRoot()
        let limit =
          (Self.sideChange + Self.sideChangePerLength * first.length
            + Self.sideChangePerLineLength * pieceLength) * tolerance.factor
          + Self.sideChangePerCell * cellAcross + Self.sideChangePerSloppiness * sloppiness + busy
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

extension StructureCheck {
  /// The end of `first` stops on `second` in the reference while the drawn stroke crosses the
  /// drawn line and runs on well past it, or the other way round: 土's vertical stops on its
  /// rising stroke, 扌's crosses it and goes on down to its hook. Only the end where the pen
  /// lifts: that is where the writer decides to stop on the line or go on. `reference` is the
  /// reference's run-on (`runOn`).
  func runOnChanged(
    _ first: PreparedStroke, _ second: PreparedStroke, _ drawnFirst: [Point],
    _ drawnSecond: [Point], reference: Double, cellX: Double, cellY: Double
  ) -> Bool {
    let cell = max(cellX, cellY)
    let drawnLength = Polyline.length(drawnFirst)
    let limit =
      Self.runOnChange * tolerance.factor
      + Self.runOnChangePerCell * cell / max(first.length, drawnLength)
    // A reference that runs on too little to be stopped short of by the limit is not measured.
    guard drawnLength > 0, reference <= Self.runOnStops || reference > limit else {
      return false
    }
    let end = sampleCount - 1
    let touching = Self.touching + Self.touchingPerCell * cell
    guard let drawn = Self.runOn(drawnFirst, past: drawnSecond, end: end, touching: touching),
      min(reference, drawn) <= Self.runOnStops, abs(drawn - reference) > limit,
      abs(drawn * drawnLength - reference * first.length)
        > Self.runOnLeast * tolerance.factor + cell
    else { return false }
    // Only an end that stops on the middle of the line: at a line's own ends (the corners of 口)
    // running on a little is a common slip.
    return reference < drawn
      ? Self.interior(first.samples[end], of: second.samples)
      : Self.interior(drawnFirst[end], of: drawnSecond)
  }

  /// The share of the line `stroke` that lies beyond its crossing with `line` nearest `end`; 0
  /// when it does not cross but that end lies within `touching` of the line (or the line of the
  /// stroke's reference, for the reference: a join); nil when it neither crosses nor touches.
  static func runOn(_ stroke: [Point], past line: [Point], end: Int, touching: Double)
    -> Double?
  {
    let segments = stroke.count - 1
    // Most pairs of strokes neither meet nor cross: a segment wholly to one side of the line's
    // box cannot cross it.
    let box = Bounds(line)
    for step in 0..<segments {
      // Walk from the end inwards: the first crossing met is the one nearest the end.
      let index = end == 0 ? step : segments - 1 - step
      let a = stroke[index]
      let b = stroke[index + 1]
      guard max(a.x, b.x) >= box.minX, min(a.x, b.x) <= box.maxX, max(a.y, b.y) >= box.minY,
        min(a.y, b.y) <= box.maxY
      else { continue }
      for j in line.indices.dropFirst() where Polyline.segmentsCross(a, b, line[j - 1], line[j]) {
        let c = line[j - 1]
        let d = line[j]
        let t = (c - a).cross(d - c) / (b - a).cross(d - c)
        let along = Double(index) + t
        let beyond = end == 0 ? along : Double(segments) - along
        return beyond / Double(segments)
      }
    }
    let gap = Polyline.distance(from: stroke[end], to: line)
    return gap <= max(touching, joinedGap) ? 0 : nil
  }
}

/// Coordinates along and across the chord of a line.
struct Frame {
  var origin: Point
  var direction: Point
  var length: Double

  /// A chord shorter than this (units) has no direction to measure along or across.
  static let shortest = 4.0  // bigger = fewer short strokes and lines judged

  init?(_ start: Point, _ end: Point) {
    let chord = end - start
    length = chord.length
    guard length > Self.shortest else { return nil }
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
    let end = line.count / Self.interiorDivisor
    return nearest >= end && nearest <= line.count - 1 - end
  }
}

import Foundation
import KanjiData

/// An affine map taking the drawing onto the reference's frame: x' = a·x + b·y + c,
/// y' = d·x + e·y + f. Mostly a per-axis scale and offset; the cross terms absorb a slanted hand.
struct Placement: Sendable {
  var a = 1.0
  var b = 0.0
  var offsetX = 0.0
  var d = 0.0
  var e = 1.0
  var offsetY = 0.0

  init() {}

  init(scaleX: Double, scaleY: Double, offsetX: Double, offsetY: Double) {
    a = scaleX
    e = scaleY
    self.offsetX = offsetX
    self.offsetY = offsetY
  }

  func apply(_ point: Point) -> Point {
    Point(x: a * point.x + b * point.y + offsetX, y: d * point.x + e * point.y + offsetY)
  }

  /// How much a horizontal and a vertical drawn unit grow.
  var scaleX: Double { (a * a + d * d).squareRoot() }
  var scaleY: Double { (b * b + e * e).squareRoot() }
  /// How much a length grows, on average over directions.
  var lengthScale: Double { abs(a * e - b * d).squareRoot() }

  /// Fits the drawing's bounds onto the reference's, keeping the aspect when a side is too thin
  /// to measure (一, 丨) or when the two sides disagree wildly.
  static func fitting(_ drawn: Bounds, onto reference: Bounds) -> Placement {
    guard !drawn.isEmpty, !reference.isEmpty else { return Placement() }
    let floor = 4.0
    let referenceSide = max(reference.width, reference.height)
    var scaleX = max(reference.width, floor) / max(drawn.width, floor)
    var scaleY = max(reference.height, floor) / max(drawn.height, floor)
    let thinX = reference.width < 0.3 * referenceSide
    let thinY = reference.height < 0.3 * referenceSide
    if thinX && !thinY {
      scaleX = scaleY
    } else if thinY && !thinX {
      scaleY = scaleX
    } else if scaleX / scaleY > 1.6 || scaleY / scaleX > 1.6 {
      let mean = (scaleX * scaleY).squareRoot()
      scaleX = mean
      scaleY = mean
    }
    let center = drawn.center
    let target = reference.center
    return Placement(
      scaleX: scaleX, scaleY: scaleY, offsetX: target.x - center.x * scaleX,
      offsetY: target.y - center.y * scaleY)
  }
}

/// How one drawn stroke compares with one reference stroke under a placement.
struct PairMeasure: Sendable {
  /// Mean distance between corresponding samples, drawn in its own direction and reversed.
  var forward: Double
  var backward: Double
  /// Distance between centroids; what a dot is judged by.
  var centroid: Double
}

/// The drawn-to-reference correspondence the grader and the recogniser build on.
struct Match: Sendable {
  var placement: Placement
  /// For each drawn stroke, the reference stroke it stands for, or nil when it is extra.
  var referenceOfDrawn: [Int?]
  /// For each reference stroke, the drawn stroke standing for it, or nil when it is missing.
  var drawnOfReference: [Int?]
  /// The transformed samples of each drawn stroke.
  var drawnSamples: [[Point]]
  var measures: [[PairMeasure]]
  var cost: [[Double]]
  /// The assignment's total cost, dummies included.
  var total: Double
}

/// What the matcher reads of every reference stroke for every drawn one, in flat arrays: the
/// samples of stroke j start at `j * stride`, its hookless samples (when it has a hook) at
/// `hookless[j] * stride` of `hooklessSamples`.
struct ReferenceFigures: Sendable {
  static let stride = sampleCount

  var samples: [Point] = []
  var hooklessSamples: [Point] = []
  var hookless: [Int?] = []
  var centroids: [Point] = []
  var isDot: [Bool] = []
  var lengths: [Double] = []

  init(_ strokes: [PreparedStroke]) {
    samples.reserveCapacity(strokes.count * Self.stride)
    hooklessSamples.reserveCapacity(
      strokes.filter { $0.samplesWithoutHook != nil }.count * Self.stride)
    for stroke in strokes {
      precondition(stroke.samples.count == Self.stride, "a reference stroke's samples")
      samples += stroke.samples
      if let withoutHook = stroke.samplesWithoutHook {
        precondition(withoutHook.count == Self.stride, "a reference stroke's samples")
        hookless.append(hooklessSamples.count / Self.stride)
        hooklessSamples += withoutHook
      } else {
        hookless.append(nil)
      }
      centroids.append(stroke.centroid)
      isDot.append(stroke.isDot)
      lengths.append(stroke.length)
    }
  }
}

/// Finds the placement and the stroke correspondence between a drawing and one stroke set.
struct Matcher: Sendable {
  var tolerance: Tolerance

  static let reversePenalty = 0.35
  static let unmatchedCost = 1.6
  /// What a drawn stroke's length out of proportion costs a pairing of a missing stroke's
  /// neighbours, per unit of its log (a stroke drawn e times too long or short for the rest),
  /// and what the drawing stretched out of its proportions costs, the same way.
  static let lengthWeight = 2.0  // bigger = lengths decide sooner which stroke is missing
  /// The most strokes paired for which lengths and spacing are weighed at all.
  static let fewStrokes = 4  // bigger = lengths weighed in bigger kanji too

  /// `placingGaps`: whether to try moving a missing stroke among look-alike neighbours (which
  /// only matters for naming it).
  func match(_ drawing: PreparedDrawing, _ reference: PreparedStrokeSet, placingGaps: Bool = true)
    -> Match
  {
    var placement = Placement.fitting(drawing.bounds, onto: reference.bounds)
    var match = assign(drawing, reference, placement)
    for _ in 0..<2 {
      guard let refined = refit(drawing, reference, match) else { break }
      placement = refined
      match = assign(drawing, reference, placement)
    }
    return placingGaps ? shiftingMissing(drawing, reference, match) : match
  }

  /// When a stroke is missing among look-alike neighbours (the three of 彡), the fit made over
  /// the wrong pairing can favour it: try moving the gap to a neighbour, each pairing fitted on
  /// its own, and keep the one that fits best.
  func shiftingMissing(_ drawing: PreparedDrawing, _ reference: PreparedStrokeSet, _ match: Match)
    -> Match
  {
    let m = reference.strokes.count
    let missing = (0..<m).filter { match.drawnOfReference[$0] == nil }
    guard !missing.isEmpty, missing.count <= 2 else { return match }
    func fitted(_ pairing: [Int?]) -> Match? {
      var trial = assign(drawing, reference, match.placement, fixed: pairing)
      // When too few of its pairs lie well under the old placement, every pair of the pairing
      // is fitted, however badly: the pairing is what is being tried.
      guard
        let placement = refit(drawing, reference, trial)
          ?? refit(drawing, reference, trial, worstPair: .infinity)
      else { return nil }
      trial = assign(drawing, reference, placement, fixed: pairing)
      return trial
    }
    guard var best = fitted(match.referenceOfDrawn) else { return match }
    var bestScore = best.total + lengthDisagreement(drawing, reference, best)
    let baseline = bestScore
    for gap in missing {
      for step in [-1, 1] {
        // Each drawn stroke between the gap and its new place moves one reference stroke over.
        var drawnOf = match.drawnOfReference
        var at = gap
        for _ in 0..<2 {
          let next = at + step
          guard next >= 0, next < m, let i = drawnOf[next] else { break }
          drawnOf[at] = i
          drawnOf[next] = nil
          at = next
          var pairing = [Int?](repeating: nil, count: match.referenceOfDrawn.count)
          for (j, i) in drawnOf.enumerated() { if let i { pairing[i] = j } }
          if let trial = fitted(pairing) {
            let score = trial.total + lengthDisagreement(drawing, reference, trial)
            if score < bestScore - 0.02 {
              best = trial
              bestScore = score
            }
          }
        }
      }
    }
    return bestScore < baseline ? best : match
  }

  /// How much a pairing's drawn strokes disagree with their references' lengths, each against
  /// the drawing's own scale, and with their spacing: where a fit over few strokes cannot tell
  /// which of three parallel lines was left out (三), these do.
  func lengthDisagreement(
    _ drawing: PreparedDrawing, _ reference: PreparedStrokeSet, _ match: Match
  )
    -> Double
  {
    var logs: [Double] = []
    for (i, j) in match.referenceOfDrawn.enumerated() {
      guard let j, !reference.strokes[j].isDot, drawing.strokes[i].length > 0 else { continue }
      logs.append(Foundation.log(drawing.strokes[i].length / reference.strokes[j].length))
    }
    // With more strokes the fit itself is pinned by the rest and says which one is missing.
    guard logs.count >= 2, logs.count <= Self.fewStrokes else { return 0 }
    let mean = logs.reduce(0, +) / Double(logs.count)
    // Spacing: a hand keeps its proportions, so a pairing that needs the drawing stretched
    // more one way than the other (two lines a third apart taken for lines two thirds apart)
    // is less likely.
    let stretch = abs(Foundation.log(match.placement.scaleX / match.placement.scaleY))
    return Self.lengthWeight * (logs.reduce(0) { $0 + abs($1 - mean) } + stretch)
  }

  func measure(_ samples: [Point], _ stroke: PreparedStroke) -> PairMeasure {
    measure(samples, centroid: Polyline.centroid(samples), stroke, beyond: .infinity)
  }

  /// `beyond`: a distance past which the pair is of no interest. The centroids' distance is a
  /// lower bound of the mean distance either way, so a pair whose centroids are farther apart
  /// than that is not compared point by point.
  func measure(_ samples: [Point], centroid: Point, _ stroke: PreparedStroke, beyond: Double)
    -> PairMeasure
  {
    let apart = centroid.distance(to: stroke.centroid)
    if apart > beyond { return PairMeasure(forward: apart, backward: apart, centroid: apart) }
    func mean(_ reference: [Point]) -> (Double, Double) {
      precondition(reference.count >= samples.count, "a reference has fewer samples")
      return samples.withUnsafeBufferPointer { drawn in
        reference.withUnsafeBufferPointer { reference in
          var forward = 0.0
          var backward = 0.0
          let last = drawn.count - 1
          for k in 0...last {
            forward += drawn[k].distance(to: reference[k])
            backward += drawn[last - k].distance(to: reference[k])
          }
          return (forward / Double(drawn.count), backward / Double(drawn.count))
        }
      }
    }
    var (forward, backward) = mean(stroke.samples)
    if let hookless = stroke.samplesWithoutHook {
      let (f, b) = mean(hookless)
      forward = min(forward, f)
      backward = min(backward, b)
    }
    return PairMeasure(forward: forward, backward: backward, centroid: apart)
  }

  /// The assignment cost of a pair: the better direction's distance over the stroke's tolerance.
  func cost(_ m: PairMeasure, _ stroke: PreparedStroke, drawnLength: Double) -> Double {
    cost(m, isDot: stroke.isDot, length: stroke.length, drawnLength: drawnLength)
  }

  func cost(_ m: PairMeasure, isDot: Bool, length: Double, drawnLength: Double) -> Double {
    if isDot {
      let tooLong = max(0, drawnLength - tolerance.dotMaxLength) / 10
      return m.centroid / tolerance.dot + tooLong
    }
    let limit = tolerance.mean(length)
    return min(m.forward, m.backward + Self.reversePenalty * limit) / limit
  }

  /// `measure(_:centroid:_:beyond:)` against reference stroke `j` of `figures`, every array read
  /// in place: the same sums in the same order.
  func measure(
    _ drawn: UnsafeBufferPointer<Point>, centroid: Point, _ figures: ReferenceFigures, _ j: Int,
    samples: UnsafeBufferPointer<Point>, hookless: UnsafeBufferPointer<Point>, beyond: Double
  ) -> PairMeasure {
    let apart = centroid.distance(to: figures.centroids[j])
    if apart > beyond { return PairMeasure(forward: apart, backward: apart, centroid: apart) }
    precondition(drawn.count <= ReferenceFigures.stride, "a reference has fewer samples")
    func mean(_ reference: UnsafeBufferPointer<Point>, _ index: Int) -> (Double, Double) {
      var forward = 0.0
      var backward = 0.0
      let last = drawn.count - 1
      let base = index * ReferenceFigures.stride
      for k in 0...last {
        forward += drawn[k].distance(to: reference[base + k])
        backward += drawn[last - k].distance(to: reference[base + k])
      }
      return (forward / Double(drawn.count), backward / Double(drawn.count))
    }
    var (forward, backward) = mean(samples, j)
    if let hooked = figures.hookless[j] {
      let (f, b) = mean(hookless, hooked)
      forward = min(forward, f)
      backward = min(backward, b)
    }
    return PairMeasure(forward: forward, backward: backward, centroid: apart)
  }

  /// `fixed`: the reference stroke of each drawn stroke, when it is given rather than solved.
  func assign(
    _ drawing: PreparedDrawing, _ reference: PreparedStrokeSet, _ placement: Placement,
    fixed: [Int?]? = nil
  ) -> Match {
    let n = drawing.strokes.count
    let m = reference.strokes.count
    let samples = drawing.strokes.map { $0.samples.map(placement.apply) }
    var measures: [[PairMeasure]] = []
    var cost: [[Double]] = []
    measures.reserveCapacity(n)
    cost.reserveCapacity(n)
    // The reference strokes' figures are read from the set's flat copies: a copy of a prepared
    // stroke, made to pass it, retains every array it holds.
    let figures = reference.figures
    // Each reference stroke's pruning distance, worked out once.
    let beyond = (0..<m).map {
      // Past twice the unmatched charge a pair is never taken: no need to measure it closely.
      figures.isDot[$0]
        ? Double.infinity : 2 * Self.unmatchedCost * tolerance.mean(figures.lengths[$0])
    }
    figures.samples.withUnsafeBufferPointer { referenceSamples in
      figures.hooklessSamples.withUnsafeBufferPointer { hookless in
        for i in 0..<n {
          let length = drawing.strokes[i].length * placement.lengthScale
          var row: [PairMeasure] = []
          var costs: [Double] = []
          row.reserveCapacity(m)
          costs.reserveCapacity(m)
          let centroid = Polyline.centroid(samples[i])
          samples[i].withUnsafeBufferPointer { drawn in
            for j in 0..<m {
              let pair = measure(
                drawn, centroid: centroid, figures, j, samples: referenceSamples,
                hookless: hookless, beyond: beyond[j])
              row.append(pair)
              costs.append(
                min(
                  self.cost(
                    pair, isDot: figures.isDot[j], length: figures.lengths[j],
                    drawnLength: length),
                  50))
            }
          }
          measures.append(row)
          cost.append(costs)
        }
      }
    }
    // Leaving a pair unmatched costs one charge on each side, so a pair dearer than two charges
    // is better split; the padding of a non-square problem is a charge for the stroke left over.
    let size = max(n, m)
    let split = 2 * Self.unmatchedCost
    var referenceOfDrawn = [Int?](repeating: nil, count: n)
    var drawnOfReference = [Int?](repeating: nil, count: m)
    var total = 0.0
    if let fixed {
      for (i, j) in fixed.enumerated() {
        if let j {
          referenceOfDrawn[i] = j
          drawnOfReference[j] = i
          total += min(cost[i][j], split)
        }
      }
      let matched = Double(referenceOfDrawn.compactMap { $0 }.count)
      total += Self.unmatchedCost * (Double(n + m) - 2 * matched)
    } else {
      var matrix = [Double](repeating: Self.unmatchedCost, count: size * size)
      for i in 0..<n {
        for j in 0..<m { matrix[i * size + j] = min(cost[i][j], split) }
      }
      let columns = Assignment.solve(matrix, size: size)
      for i in 0..<size {
        let j = columns[i]
        if i < n, j < m, cost[i][j] < split {
          referenceOfDrawn[i] = j
          drawnOfReference[j] = i
          total += cost[i][j]
        } else if i < n, j < m {
          total += split
        } else {
          total += Self.unmatchedCost
        }
      }
    }
    return Match(
      placement: placement, referenceOfDrawn: referenceOfDrawn,
      drawnOfReference: drawnOfReference, drawnSamples: samples, measures: measures, cost: cost,
      total: total)
  }

  /// Least-squares placement over the well-matched strokes, so that a missing or extra stroke does
  /// not skew where and how big the drawing is taken to be.
  func refit(
    _ drawing: PreparedDrawing, _ reference: PreparedStrokeSet, _ match: Match,
    worstPair: Double = 1.2
  ) -> Placement? {
    var pairs: [(drawn: [Point], reference: [Point])] = []
    for (i, j) in match.referenceOfDrawn.enumerated() {
      guard let j, match.cost[i][j] < worstPair else { continue }
      let stroke = reference.strokes[j]
      let pair = match.measures[i][j]
      let samples = drawing.strokes[i].samples
      let backwards = !stroke.isDot && pair.backward < pair.forward
      pairs.append((backwards ? samples.reversed() : samples, stroke.samples))
    }
    return Placement.leastSquares(pairs, previous: match.placement)
  }
}

extension Placement {
  /// The affine map taking the drawn points closest to their references; nil with fewer than two
  /// strokes. Shear and rotation are damped, and scales kept from `previous` where the points
  /// have no spread to measure them.
  static func leastSquares(_ pairs: [(drawn: [Point], reference: [Point])], previous old: Placement)
    -> Placement?
  {
    guard pairs.count >= 2 else { return nil }
    var count = 0.0
    var mean = Point(x: 0, y: 0)
    var target = Point(x: 0, y: 0)
    for (drawn, reference) in pairs {
      for (p, q) in zip(drawn, reference) {
        mean = mean + p
        target = target + q
        count += 1
      }
    }
    mean = mean * (1 / count)
    target = target * (1 / count)
    var sxx = 0.0
    var sxy = 0.0
    var syy = 0.0
    var sxu = 0.0
    var syu = 0.0
    var sxv = 0.0
    var syv = 0.0
    for (drawn, reference) in pairs {
      for (p0, q0) in zip(drawn, reference) {
        let p = p0 - mean
        let q = q0 - target
        sxx += p.x * p.x
        sxy += p.x * p.y
        syy += p.y * p.y
        sxu += p.x * q.x
        syu += p.y * q.x
        sxv += p.x * q.y
        syv += p.y * q.y
      }
    }
    sxx /= count
    sxy /= count
    syy /= count
    sxu /= count
    syu /= count
    sxv /= count
    syv /= count
    let lengthScale = old.lengthScale
    // A thin spread (all strokes in one column) cannot fix a scale; keep the previous one there.
    let spread = 25.0 / (lengthScale * lengthScale)
    var result = Placement()
    if sxx > spread && syy > spread {
      // Ridge on the cross terms: a slant is believed only as far as the points insist on it.
      let ridge = 0.2 * (sxx + syy) / 2
      let det = sxx * syy - sxy * sxy + ridge * (sxx + syy) + ridge * ridge
      func solve(_ bx: Double, _ by: Double, _ prior: (Double, Double)) -> (Double, Double) {
        // Minimise |M w - v|² + ridge·|w - prior|² with M the covariance.
        let rx = bx + ridge * prior.0
        let ry = by + ridge * prior.1
        return (((syy + ridge) * rx - sxy * ry) / det, ((sxx + ridge) * ry - sxy * rx) / det)
      }
      let perAxisX = sxu / sxx
      let perAxisY = syv / syy
      (result.a, result.b) = solve(sxu, syu, (perAxisX, 0))
      (result.d, result.e) = solve(sxv, syv, (0, perAxisY))
    } else {
      result.a = sxx > spread ? sxu / sxx : old.scaleX
      result.e = syy > spread ? syv / syy : old.scaleY
    }
    // Keep the map plausible: scales near the previous ones, no wild aspect, little shear.
    let limitAspect = 1.8
    result.a = min(max(result.a, old.scaleX * 0.6), old.scaleX * 1.6)
    result.e = min(max(result.e, old.scaleY * 0.6), old.scaleY * 1.6)
    if result.a / result.e > limitAspect || result.e / result.a > limitAspect {
      let geometric = (result.a * result.e).squareRoot()
      result.a = geometric
      result.e = geometric
    }
    let shearLimit = 0.3 * min(result.a, result.e)
    result.b = min(max(result.b, -shearLimit), shearLimit)
    result.d = min(max(result.d, -shearLimit), shearLimit)
    result.offsetX = target.x - (result.a * mean.x + result.b * mean.y)
    result.offsetY = target.y - (result.d * mean.x + result.e * mean.y)
    return result
  }
}

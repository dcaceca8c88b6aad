import KanjiData

/// A bounded per-axis affine (scale about the drawn centre, then a shift) fitted to one top-level
/// KanjiVG component: learners misplace or resize a whole radical (氵, 扌) more often than a
/// single stroke, so where a stroke lies is judged again inside its refitted component.
struct ComponentRefit: Sendable {
  var centre: Point
  var target: Point
  var scaleX: Double
  var scaleY: Double

  /// How far a component may be moved (units) and rescaled (per axis) by the refit.
  static let maxShift = 14.0
  static let scaleRange = 0.75...1.33
  /// How much the refit may change the component's proportions (the ratio of its two scales):
  /// a hand resizes a radical, squat or tall, but does not turn 白 into 宀 by squashing it.
  static let mostAspectChange = 1.4

  func apply(_ points: [Point]) -> [Point] {
    points.map {
      Point(
        x: target.x + scaleX * ($0.x - centre.x), y: target.y + scaleY * ($0.y - centre.y))
    }
  }

  /// The refit of each reference stroke's component from the component's other matched strokes
  /// (at least two): a stroke is placed by its siblings, so the one stroke a look-alike moves
  /// (末 against 未) is not refitted into place along with them. Nil where there is none.
  static func fits(_ match: Match, _ form: PreparedStrokeSet) -> [ComponentRefit?] {
    var result = [ComponentRefit?](repeating: nil, count: form.strokes.count)
    for component in form.components {
      let matched = component.filter {
        $0 < form.strokes.count && match.drawnOfReference[$0] != nil
      }
      guard matched.count >= 3, matched.count < form.strokes.count else { continue }
      var pairsOf: [Int: [(Point, Point)]] = [:]
      for j in matched {
        guard let i = match.drawnOfReference[j] else { continue }
        let measure = match.measures[i][j]
        let drawn = match.drawnSamples[i]
        let oriented = measure.backward < measure.forward ? Array(drawn.reversed()) : drawn
        let reference = form.strokes[j].samples
        pairsOf[j] = oriented.indices.filter { $0 < reference.count }.map {
          (oriented[$0], reference[$0])
        }
      }
      for j in matched {
        let others = matched.filter { $0 != j }.flatMap { pairsOf[$0] ?? [] }
        result[j] = fit(others)
      }
    }
    return result
  }

  static func fit(_ pairs: [(Point, Point)]) -> ComponentRefit? {
    guard !pairs.isEmpty else { return nil }
    let n = Double(pairs.count)
    let drawnCentre = Polyline.centroid(pairs.map(\.0))
    let referenceCentre = Polyline.centroid(pairs.map(\.1))
    var varX = 0.0
    var varY = 0.0
    var covX = 0.0
    var covY = 0.0
    for (d, r) in pairs {
      varX += (d.x - drawnCentre.x) * (d.x - drawnCentre.x)
      varY += (d.y - drawnCentre.y) * (d.y - drawnCentre.y)
      covX += (d.x - drawnCentre.x) * (r.x - referenceCentre.x)
      covY += (d.y - drawnCentre.y) * (r.y - referenceCentre.y)
    }
    // An axis along which the component barely spreads (a column of verticals) keeps its size.
    func scale(_ cov: Double, _ variance: Double) -> Double {
      guard variance / n > 16 else { return 1 }
      return min(max(cov / variance, scaleRange.lowerBound), scaleRange.upperBound)
    }
    var shift = referenceCentre - drawnCentre
    if shift.length > maxShift { shift = shift * (maxShift / shift.length) }
    var scaleX = scale(covX, varX)
    var scaleY = scale(covY, varY)
    let aspect = scaleX / scaleY
    if aspect > mostAspectChange || aspect < 1 / mostAspectChange {
      let mean = (scaleX * scaleY).squareRoot()
      let kept = aspect > 1 ? mostAspectChange : 1 / mostAspectChange
      scaleX = mean * kept.squareRoot()
      scaleY = mean / kept.squareRoot()
    }
    return ComponentRefit(
      centre: drawnCentre, target: drawnCentre + shift, scaleX: scaleX, scaleY: scaleY)
  }
}

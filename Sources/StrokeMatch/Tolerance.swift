/// Every distance limit the judge uses, in KanjiVG units (a kanji is 109 wide), for one leniency
/// and canvas.
struct Tolerance: Sendable {
  // A stroke's mean distance from its reference, at normal leniency.
  static let meanDistance = 9.0  // bigger = strokes may lie further from the model
  static let meanDistancePerLength = 0.06  // bigger = long strokes may stray further
  static let meanDistancePerCell = 0.7  // bigger = more room on a coarse canvas
  // How far a stroke's start and end may be from the reference's.
  static let endpointDistance = 12.0  // bigger = ends may land further off
  static let endpointDistancePerLength = 0.08  // bigger = long strokes' ends may land further off
  // How far a dot's centroid may be from the reference's.
  static let dotDistance = 9.0  // bigger = dots may sit further from their place
  // How long a dot may be drawn before it is a stroke of the wrong shape.
  static let dotLength = 30.0  // bigger = longer dots accepted
  static let dotLengthPerCell = 2.0  // bigger = longer dots accepted on a coarse canvas

  var factor: Double
  /// Half a cell's diagonal in units: the error the grid alone can make.
  var quantisation: Double
  /// Extra room on every position check when the placement is a guess (the first strokes).
  var slack = 0.0
  /// Extra room on where a stroke lies as a whole (not on where its ends are, which carry the
  /// relations that tell look-alikes apart) for a hand that strays everywhere.
  var looseness = 0.0

  init(leniency: Leniency, quantisation: Double) {
    factor = leniency.factor
    self.quantisation = quantisation
  }

  func mean(_ length: Double) -> Double {
    (Self.meanDistance + Self.meanDistancePerLength * length) * factor
      + Self.meanDistancePerCell * quantisation + slack + looseness
  }
  func endpoint(_ length: Double) -> Double {
    (Self.endpointDistance + Self.endpointDistancePerLength * length) * factor + quantisation
      + slack
  }
  var dot: Double { Self.dotDistance * factor + quantisation + slack + looseness }
  var dotMaxLength: Double { Self.dotLength * factor + Self.dotLengthPerCell * quantisation }
}

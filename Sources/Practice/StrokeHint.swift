import Foundation

/// The first hint: the start of the next stroke, drawn along it for its first part, with an
/// arrow head at the end, so the learner sees where it starts and which way it goes.
public struct StrokeHint: Equatable, Sendable {
  /// The stroke's first part, from its start point, following its path.
  public var segment: [UnitPoint]
  /// The arrow head's two barbs, each from the segment's end back at an angle.
  public var barbs: [[UnitPoint]]

  /// How much of the stroke the segment follows, by length.
  public static let fraction = 0.25
  /// The shortest segment, in units of the canvas: a short stroke's quarter would be a dot.
  static let minimumLength = 0.12
  static let barbLength = 0.06
  /// How far the barbs open from the line, either side.
  static let barbAngle = Double.pi / 6

  /// The hint for a stroke given as points in unit coordinates; nil for a stroke of one point.
  public init?(stroke points: [UnitPoint]) {
    guard points.count >= 2 else { return nil }
    let lengths = zip(points, points.dropFirst()).map { hypot($1.x - $0.x, $1.y - $0.y) }
    let total = lengths.reduce(0, +)
    guard total > 0 else { return nil }
    let target = min(total, max(total * Self.fraction, Self.minimumLength))
    var segment = [points[0]]
    var walked = 0.0
    for (index, length) in lengths.enumerated() {
      let a = points[index]
      let b = points[index + 1]
      if walked + length >= target {
        let t = length > 0 ? (target - walked) / length : 0
        segment.append(UnitPoint(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
        break
      }
      walked += length
      segment.append(b)
    }
    self.segment = segment
    // The direction at the end: from the last point far enough back to have one.
    let end = segment[segment.count - 1]
    let from =
      segment.dropLast().last { hypot(end.x - $0.x, end.y - $0.y) > 1e-6 } ?? segment[0]
    let angle = atan2(end.y - from.y, end.x - from.x)
    barbs = [-Self.barbAngle, Self.barbAngle].map { offset in
      let back = angle + .pi + offset
      return [
        end,
        UnitPoint(
          x: end.x + cos(back) * Self.barbLength, y: end.y + sin(back) * Self.barbLength),
      ]
    }
  }
}

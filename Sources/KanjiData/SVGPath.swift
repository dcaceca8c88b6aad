/// A cubic Bézier segment in KanjiVG space.
public struct CubicBezier: Hashable, Sendable {
  public var p0: Point
  public var p1: Point
  public var p2: Point
  public var p3: Point

  public init(_ p0: Point, _ p1: Point, _ p2: Point, _ p3: Point) {
    self.p0 = p0
    self.p1 = p1
    self.p2 = p2
    self.p3 = p3
  }

  /// A straight line as a cubic with its control points on the ends.
  public init(line from: Point, _ to: Point) {
    self.init(from, from, to, to)
  }

  public func point(at t: Double) -> Point {
    let u = 1 - t
    let a = u * u * u
    let b = 3 * u * u * t
    let c = 3 * u * t * t
    let d = t * t * t
    return Point(
      x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y)
  }

  /// de Casteljau split at t = 0.5.
  func halves() -> (CubicBezier, CubicBezier) {
    let p01 = p0.mid(p1)
    let p12 = p1.mid(p2)
    let p23 = p2.mid(p3)
    let p012 = p01.mid(p12)
    let p123 = p12.mid(p23)
    let m = p012.mid(p123)
    return (CubicBezier(p0, p01, p012, m), CubicBezier(m, p123, p23, p3))
  }

  /// Whether the control points lie within `tolerance` of the chord, which bounds the whole
  /// curve's distance from it (convex hull property).
  func isFlat(tolerance: Double) -> Bool {
    p1.distance(toSegment: p0, p3) <= tolerance && p2.distance(toSegment: p0, p3) <= tolerance
  }
}

extension Point {
  func mid(_ other: Point) -> Point { Point(x: (x + other.x) / 2, y: (y + other.y) / 2) }

  public func distance(to other: Point) -> Double {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }

  /// Distance to the segment a-b (to a when the segment is a point).
  public func distance(toSegment a: Point, _ b: Point) -> Double {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let length2 = dx * dx + dy * dy
    guard length2 > 0 else { return distance(to: a) }
    let t = min(1, max(0, ((x - a.x) * dx + (y - a.y) * dy) / length2))
    return distance(to: Point(x: a.x + t * dx, y: a.y + t * dy))
  }
}

/// An error in SVG path data, with the offset where it was found.
public struct PathSyntaxError: Error, CustomStringConvertible, Sendable {
  public let message: String
  public let offset: Int
  public var description: String { "bad path data at character \(offset + 1): \(message)" }
}

/// One stroke's SVG path data: a single subpath of lines and cubic Béziers.
///
/// Reads M m L l H h V v C c S s Z z with implicit repeats, numbers that run together
/// (`c-1.29,3.1-4.25,7.38`, `0.5.5`), exponents, and the reflected control point of S/s.
/// A first `m` is absolute, as SVG says. Q, T and A never occur in KanjiVG and are refused.
public struct SVGPath: Hashable, Sendable {
  public var start: Point
  public var segments: [CubicBezier]

  public init(start: Point, segments: [CubicBezier]) {
    self.start = start
    self.segments = segments
  }

  public init(parsing d: String) throws {
    var parser = Parser(bytes: Array(d.utf8))
    (start, segments) = try parser.parse()
  }

  public var end: Point { segments.last?.p3 ?? start }

  /// The path as a polyline: its start point and the end points of an adaptive subdivision
  /// in which every piece lies within `tolerance` of its chord. Every point is on the curve.
  public func flattened(tolerance: Double = 0.1) -> [Point] {
    var points = [start]
    for segment in segments { Self.flatten(segment, tolerance, 0, &points) }
    return points
  }

  private static func flatten(
    _ c: CubicBezier, _ tolerance: Double, _ depth: Int, _ points: inout [Point]
  ) {
    if depth >= 16 || c.isFlat(tolerance: tolerance) {
      points.append(c.p3)
      return
    }
    let (left, right) = c.halves()
    flatten(left, tolerance, depth + 1, &points)
    flatten(right, tolerance, depth + 1, &points)
  }

  private struct Parser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> PathSyntaxError {
      PathSyntaxError(message: message, offset: min(i, bytes.count))
    }

    mutating func parse() throws -> (Point, [CubicBezier]) {
      var segments: [CubicBezier] = []
      var start: Point?
      var current = Point(x: 0, y: 0)
      var lastControl: Point?
      skipSeparators()
      guard i < bytes.count else { throw error("empty path") }
      while i < bytes.count {
        let command = bytes[i]
        let commandOffset = i
        i += 1
        let relative = command >= UInt8(ascii: "a")
        if start == nil, command != UInt8(ascii: "M"), command != UInt8(ascii: "m") {
          i = commandOffset
          throw error("the path must start with M or m")
        }
        var first = true
        repeat {
          // Relative to the current point, except for a path's first moveto.
          let o = relative && start != nil ? current : Point(x: 0, y: 0)
          switch command | 0x20 {
          case UInt8(ascii: "m"):
            let p = try pair(o)
            if first {
              guard start == nil else { throw error("a second subpath (M) in one stroke") }
              start = p
            } else {
              segments.append(CubicBezier(line: current, p))
            }
            current = p
            lastControl = nil
          case UInt8(ascii: "l"):
            let p = try pair(o)
            segments.append(CubicBezier(line: current, p))
            current = p
            lastControl = nil
          case UInt8(ascii: "h"):
            let p = Point(x: try number() + o.x, y: current.y)
            segments.append(CubicBezier(line: current, p))
            current = p
            lastControl = nil
          case UInt8(ascii: "v"):
            let p = Point(x: current.x, y: try number() + o.y)
            segments.append(CubicBezier(line: current, p))
            current = p
            lastControl = nil
          case UInt8(ascii: "c"):
            let c1 = try pair(o)
            let c2 = try pair(o)
            let p = try pair(o)
            segments.append(CubicBezier(current, c1, c2, p))
            current = p
            lastControl = c2
          case UInt8(ascii: "s"):
            // The first control point mirrors the previous C/S's second one, or is the
            // current point when the previous command was not a curve.
            let c1 = lastControl.map { Point(x: 2 * current.x - $0.x, y: 2 * current.y - $0.y) }
            let c2 = try pair(o)
            let p = try pair(o)
            segments.append(CubicBezier(current, c1 ?? current, c2, p))
            current = p
            lastControl = c2
          case UInt8(ascii: "z"):
            if let start, current != start { segments.append(CubicBezier(line: current, start)) }
            current = start ?? current
            lastControl = nil
          default:
            i = commandOffset
            throw error("unsupported command '\(Character(Unicode.Scalar(command)))'")
          }
          first = false
          skipSeparators()
        } while command | 0x20 != UInt8(ascii: "z") && i < bytes.count && startsNumber()
      }
      return (start!, segments)
    }

    func startsNumber() -> Bool {
      let b = bytes[i]
      return (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
        || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
    }

    mutating func skipSeparators() {
      while i < bytes.count,
        bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D
          || bytes[i] == UInt8(ascii: ",")
      {
        i += 1
      }
    }

    mutating func pair(_ origin: Point) throws -> Point {
      let x = try number()
      let y = try number()
      return Point(x: x + origin.x, y: y + origin.y)
    }

    mutating func number() throws -> Double {
      skipSeparators()
      let start = i
      var negative = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      // Digits gathered into an integer mantissa: with at most 15 digits, mantissa / 10^k is
      // correctly rounded (both are exact doubles), and much faster than parsing a String.
      var mantissa: Int64 = 0
      var digits = 0
      var fractionDigits = 0
      while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
        mantissa = mantissa &* 10 &+ Int64(bytes[i] - UInt8(ascii: "0"))
        i += 1
        digits += 1
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
          mantissa = mantissa &* 10 &+ Int64(bytes[i] - UInt8(ascii: "0"))
          i += 1
          digits += 1
          fractionDigits += 1
        }
      }
      guard digits > 0 else {
        i = start
        throw error(
          i < bytes.count ? "a number was expected" : "the path ends where a number was expected")
      }
      var hasExponent = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        var j = i + 1
        if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") {
          j += 1
        }
        if j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") {
          hasExponent = true
          i = j
          while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            i += 1
          }
        }
      }
      if !hasExponent, digits <= 15 {
        let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
        return negative ? -value : value
      }
      guard let value = Double(String(decoding: bytes[start..<i], as: UTF8.self)), value.isFinite
      else {
        i = start
        throw error("a malformed number")
      }
      return value
    }

    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { a, _ in a * 10 } }
  }
}

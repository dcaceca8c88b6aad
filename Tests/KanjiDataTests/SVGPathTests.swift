import Testing

@testable import KanjiData

@Suite struct SVGPathTests {
  func p(_ x: Double, _ y: Double) -> Point { Point(x: x, y: y) }

  @Test func absoluteMoveAndCurve() throws {
    let path = try SVGPath(parsing: "M29.5,17.25C33,20.25,36,24.5,37.25,27")
    #expect(path.start == p(29.5, 17.25))
    #expect(path.segments == [CubicBezier(p(29.5, 17.25), p(33, 20.25), p(36, 24.5), p(37.25, 27))])
  }

  @Test func relativeCurvesWithSignSeparatorsAndImplicitRepeats() throws {
    // KanjiVG's style: one `c`, several sextets, minus signs as separators.
    let path = try SVGPath(
      parsing: "M75,11c0.25,1.75-0.12,2.75-0.75,4.25c-1.29,3.1-4.25,7.38-6.5,9.75")
    #expect(path.segments.count == 2)
    #expect(
      path.segments[0] == CubicBezier(p(75, 11), p(75.25, 12.75), p(74.88, 13.75), p(74.25, 15.25)))
    let second = path.segments[1]
    #expect(abs(second.p1.x - 72.96) < 1e-9 && abs(second.p1.y - 18.35) < 1e-9)
    #expect(abs(second.p3.x - 67.75) < 1e-9 && abs(second.p3.y - 25) < 1e-9)

    let repeated = try SVGPath(parsing: "M10,10c1-2,3-4,5-6 1,1,2,2,3,3")
    #expect(repeated.segments.count == 2)
    #expect(repeated.segments[1] == CubicBezier(p(15, 4), p(16, 5), p(17, 6), p(18, 7)))

    let absoluteRepeat = try SVGPath(parsing: "M0,0C1,1,2,2,3,3,4,4,5,5,6,6")
    #expect(absoluteRepeat.segments[1] == CubicBezier(p(3, 3), p(4, 4), p(5, 5), p(6, 6)))
  }

  @Test func smoothCurvesReflectThePreviousControlPoint() throws {
    let path = try SVGPath(parsing: "M0,0C10,0,20,10,30,10S50,20,60,20")
    #expect(path.segments[1] == CubicBezier(p(30, 10), p(40, 10), p(50, 20), p(60, 20)))
    let relative = try SVGPath(parsing: "M0,0c10,0,20,10,30,10s20,10,30,10")
    #expect(relative.segments[1] == CubicBezier(p(30, 10), p(40, 10), p(50, 20), p(60, 20)))
    // After a command that is not a curve, the first control point is the current point.
    let afterMove = try SVGPath(parsing: "M5,5s5,5,10,0")
    #expect(afterMove.segments[0] == CubicBezier(p(5, 5), p(5, 5), p(10, 10), p(15, 5)))
  }

  @Test func firstRelativeMoveIsAbsoluteAndSeparatorsVary() throws {
    let path = try SVGPath(parsing: "m5,5l1,1")
    #expect(path.start == p(5, 5))
    #expect(path.end == p(6, 6))
    let spaced = try SVGPath(parsing: " M 1 2 C 3 4 , 5 6\t7 8\n")
    #expect(spaced.segments == [CubicBezier(p(1, 2), p(3, 4), p(5, 6), p(7, 8))])
    let packed = try SVGPath(parsing: "M.5.5L1e1,-2E-1")
    #expect(packed.start == p(0.5, 0.5))
    #expect(packed.end == p(10, -0.2))
  }

  @Test func linesAndClose() throws {
    let path = try SVGPath(parsing: "M10,10H20V20h-5v5L5,5l1,0Z")
    let ends = path.segments.map(\.p3)
    #expect(ends == [p(20, 10), p(20, 20), p(15, 20), p(15, 25), p(5, 5), p(6, 5), p(10, 10)])
    let moveThenLine = try SVGPath(parsing: "M1,1 2,2")
    #expect(moveThenLine.end == p(2, 2))
  }

  @Test(arguments: [
    ("", "empty path"),
    ("C1,2,3,4,5,6", "must start with M"),
    ("M1,2C3", "ends where a number was expected"),
    ("M1,2C3,x", "a number was expected"),
    ("M1,2Q1,2,3,4", "unsupported command 'Q'"),
    ("M1,2L3,4M5,6", "a second subpath"),
  ])
  func rejectsBadPathData(d: String, message: String) {
    #expect {
      try SVGPath(parsing: d)
    } throws: { error in
      "\(error)".contains(message) && "\(error)".contains("bad path data at character")
    }
  }

  @Test func flatteningKeepsEndpointsAndStaysOnTheCurve() throws {
    let path = try SVGPath(
      parsing:
        "M37.25,46.5c1,0.25,3.75,0.25,5.5-0.25s18.25-4,20-4s2.75,0.75,1,2.25S54.5,53.5,53,54.75")
    let points = path.flattened(tolerance: 0.1)
    #expect(points.first == path.start)
    #expect(points.last == path.end)
    let dense = path.segments.flatMap { s in (0...64).map { s.point(at: Double($0) / 64) } }
    for point in points {
      #expect(Geometry.distance(point, toPolyline: dense) < 0.01)
    }
    for point in dense {
      #expect(Geometry.distance(point, toPolyline: points) <= 0.1 + 1e-9)
    }
  }
}

/// Distances used by the accuracy checks.
enum Geometry {
  static func distance(_ p: Point, toPolyline line: [Point]) -> Double {
    guard line.count > 1 else { return line.first.map { p.distance(to: $0) } ?? .infinity }
    var best = Double.infinity
    for i in 1..<line.count { best = min(best, p.distance(toSegment: line[i - 1], line[i])) }
    return best
  }
}

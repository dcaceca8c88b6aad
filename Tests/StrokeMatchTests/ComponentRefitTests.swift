import KanjiData
import Testing

@testable import StrokeMatch

@Suite struct ComponentRefitTests {
  static func pairs(shift: Point, scale: Double) -> [(Point, Point)] {
    (0..<20).map { k in
      let reference = Point(x: 20 + Double(k % 5) * 10, y: 30 + Double(k / 5) * 8)
      let drawn = Point(
        x: 45 + (reference.x - 45) / scale + shift.x, y: 42 + (reference.y - 42) / scale + shift.y)
      return (drawn, reference)
    }
  }

  @Test func undoesAModestShiftAndScale() throws {
    let pairs = Self.pairs(shift: Point(x: 6, y: -4), scale: 1.2)
    let refit = try #require(ComponentRefit.fit(pairs))
    let moved = refit.apply(pairs.map(\.0))
    for (point, pair) in zip(moved, pairs) {
      #expect(abs(point.x - pair.1.x) < 1e-6 && abs(point.y - pair.1.y) < 1e-6)
    }
  }

  @Test func clampsAFarMoveAndABigResize() throws {
    let pairs = Self.pairs(shift: Point(x: 30, y: 0), scale: 2)
    let refit = try #require(ComponentRefit.fit(pairs))
    #expect(refit.scaleX == ComponentRefit.scaleRange.upperBound)
    #expect(abs((refit.target - refit.centre).length - ComponentRefit.maxShift) < 1e-9)
  }

  @Test func keepsTheSizeAlongAnAxisWithoutSpread() throws {
    let pairs = (0..<10).map { k in
      (Point(x: 50, y: Double(k) * 8), Point(x: 40, y: Double(k) * 8))
    }
    let refit = try #require(ComponentRefit.fit(pairs))
    #expect(refit.scaleX == 1)
    #expect(abs(refit.target.x - 40) < 1e-9)
  }
}

/// A raster of Unicode braille dots, 2 x 4 per terminal cell. Each cell also keeps a layer
/// number: where strokes of several layers share a cell, the highest layer's style is used,
/// since a cell has one colour.
public struct BrailleCanvas: Sendable {
  public let columns: Int
  public let rows: Int
  private var bits: [UInt8]
  private var layers: [Int]

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    layers = Array(repeating: -1, count: self.columns * self.rows)
  }

  public var dotWidth: Int { columns * 2 }
  public var dotHeight: Int { rows * 4 }

  // Dot bits by [x % 2][y % 4], as Unicode lays out the braille block.
  private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Sets one dot; dots outside the canvas are ignored.
  public mutating func set(x: Int, y: Int, layer: Int = 0) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / 4) * columns + x / 2
    bits[index] |= Self.dotBits[x % 2][y % 4]
    layers[index] = max(layers[index], layer)
  }

  /// Draws a straight line between two points in dot coordinates (fractional allowed), one dot
  /// per step along the longer axis so the line has no gaps.
  public mutating func line(
    from a: (x: Double, y: Double), to b: (x: Double, y: Double), layer: Int = 0
  ) {
    let steps = Int(max(abs(b.x - a.x), abs(b.y - a.y)).rounded(.up))
    guard steps > 0 else {
      set(x: Int(a.x.rounded()), y: Int(a.y.rounded()), layer: layer)
      return
    }
    for step in 0...steps {
      let t = Double(step) / Double(steps)
      set(
        x: Int((a.x + (b.x - a.x) * t).rounded()), y: Int((a.y + (b.y - a.y) * t).rounded()),
        layer: layer)
    }
  }

  /// Draws a polyline given in unit coordinates (0...1 across the canvas, y down).
  public mutating func polyline(unit points: [(x: Double, y: Double)], layer: Int = 0) {
    let dots = points.map { (x: $0.x * Double(dotWidth - 1), y: $0.y * Double(dotHeight - 1)) }
    guard let first = dots.first else { return }
    if dots.count == 1 { line(from: first, to: first, layer: layer) }
    for (a, b) in zip(dots, dots.dropFirst()) { line(from: a, to: b, layer: layer) }
  }

  /// The braille character of a cell, or nil when no dot is set there.
  public func character(column: Int, row: Int) -> Character? {
    guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
    let mask = bits[row * columns + column]
    guard mask != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(mask)) else { return nil }
    return Character(scalar)
  }

  /// The highest layer drawn in a cell, or nil when the cell is empty.
  public func layer(column: Int, row: Int) -> Int? {
    guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
    let index = row * columns + column
    return bits[index] == 0 ? nil : layers[index]
  }

  /// One line of text per row, blanks where no dot is set.
  public var lines: [String] {
    (0..<rows).map { row in
      String((0..<columns).map { character(column: $0, row: row) ?? " " })
    }
  }
}

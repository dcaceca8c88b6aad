/// The compact blob that holds one KanjiVG file's strokes and components in the database.
///
/// Layout (format 2), integers as unsigned LEB128 varints:
/// - format byte (2);
/// - stroke count; per stroke: `kvg:type` as length + UTF-8, point count, then the points in
///   thousandths of a unit, the first absolute and each next as the difference from the one
///   before, x then y, zigzag-encoded (so small negative steps stay small);
/// - component count; per component: a flags byte (1 element, 2 original, 4 position,
///   8 radical, 16 part), the present strings as length + UTF-8 in that order, the part,
///   the depth, the stroke-index count and the indices.
///
/// Thousandths keep KanjiVG's coordinates (mostly two decimals) exact or within 0.0005 u, at
/// about 4-5 bytes a point.
enum StrokeCodec {
  static let format: UInt8 = 2
  static let scale = 1000.0

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static func quantize(_ value: Double) -> Double {
    (value * scale).rounded() / scale
  }

  static func encode(_ set: StrokeSet) throws -> [UInt8] {
    var out: [UInt8] = [format]
    out.reserveCapacity(16 + set.strokes.reduce(0) { $0 + 8 + $1.points.count * 4 })
    varint(set.strokes.count, &out)
    for stroke in set.strokes {
      string(stroke.type, &out)
      varint(stroke.points.count, &out)
      var previous = (x: 0, y: 0)
      for point in stroke.points {
        let x = try fixed(point.x)
        let y = try fixed(point.y)
        zigzag(x - previous.x, &out)
        zigzag(y - previous.y, &out)
        previous = (x, y)
      }
    }
    varint(set.components.count, &out)
    for c in set.components {
      var flags: UInt8 = 0
      if c.element != nil { flags |= 1 }
      if c.original != nil { flags |= 2 }
      if c.position != nil { flags |= 4 }
      if c.radical != nil { flags |= 8 }
      if c.part != nil { flags |= 16 }
      out.append(flags)
      for s in [c.element, c.original, c.position, c.radical] { if let s { string(s, &out) } }
      if let part = c.part { varint(part, &out) }
      varint(c.depth, &out)
      varint(c.strokes.count, &out)
      for index in c.strokes { varint(index, &out) }
    }
    return out
  }

  /// How every blob of `strokeCount` strokes begins (a varint is prefix-free), so a query can
  /// pick a stroke count's blobs without decoding any.
  static func header(strokeCount: Int) -> [UInt8] {
    var out: [UInt8] = [format]
    varint(strokeCount, &out)
    return out
  }

  static func decode(_ bytes: UnsafeRawBufferPointer) throws -> StrokeSet {
    var reader = Reader(bytes: bytes)
    guard try reader.byte() == format else {
      throw Failure(
        description: "stroke data in an unknown format; rebuild the database (make data)")
    }
    let strokeCount = try reader.varint()
    var strokes: [ReferenceStroke] = []
    strokes.reserveCapacity(strokeCount)
    for _ in 0..<strokeCount {
      let type = try reader.string()
      let count = try reader.varint()
      strokes.append(ReferenceStroke(points: try reader.points(count), type: type))
    }
    let componentCount = try reader.varint()
    var components: [Component] = []
    components.reserveCapacity(componentCount)
    for _ in 0..<componentCount {
      let flags = try reader.byte()
      let element = flags & 1 != 0 ? try reader.string() : nil
      let original = flags & 2 != 0 ? try reader.string() : nil
      let position = flags & 4 != 0 ? try reader.string() : nil
      let radical = flags & 8 != 0 ? try reader.string() : nil
      let part = flags & 16 != 0 ? try reader.varint() : nil
      let depth = try reader.varint()
      let count = try reader.varint()
      var indices: [Int] = []
      indices.reserveCapacity(count)
      for _ in 0..<count { indices.append(try reader.varint()) }
      components.append(
        Component(
          element: element, original: original, position: position, radical: radical, part: part,
          depth: depth, strokes: indices))
    }
    return StrokeSet(strokes: strokes, components: components)
  }

  private static func fixed(_ value: Double) throws -> Int {
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 1e9 else {
      throw Failure(description: "coordinate \(value) is outside the storable range")
    }
    return Int(scaled)
  }

  private static func zigzag(_ value: Int, _ out: inout [UInt8]) {
    varint(value >= 0 ? value << 1 : (~value << 1) | 1, &out)
  }

  private static func varint(_ value: Int, _ out: inout [UInt8]) {
    var v = UInt(value)
    while v >= 0x80 {
      out.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    out.append(UInt8(v))
  }

  private static func string(_ s: String, _ out: inout [UInt8]) {
    varint(s.utf8.count, &out)
    out.append(contentsOf: s.utf8)
  }

  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var i = 0

    static let truncated = Failure(description: "stroke data is truncated; rebuild the database")

    mutating func byte() throws -> UInt8 {
      guard i < bytes.count else { throw Self.truncated }
      defer { i += 1 }
      return bytes[i]
    }

    mutating func varint() throws -> Int {
      var value = 0
      var shift = 0
      while true {
        let b = try byte()
        value |= Int(b & 0x7F) << shift
        if b < 0x80 { return value }
        shift += 7
        guard shift < 63 else { throw Self.truncated }
      }
    }

    mutating func string() throws -> String {
      let count = try varint()
      guard i + count <= bytes.count else { throw Self.truncated }
      defer { i += count }
      return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<i + count]), as: UTF8.self)
    }

    mutating func points(_ count: Int) throws -> [Point] {
      var points: [Point] = []
      points.reserveCapacity(count)
      var x = 0
      var y = 0
      for _ in 0..<count {
        x += try zigzag()
        y += try zigzag()
        points.append(Point(x: Double(x) / StrokeCodec.scale, y: Double(y) / StrokeCodec.scale))
      }
      return points
    }

    mutating func zigzag() throws -> Int {
      let v = try varint()
      return v & 1 == 0 ? v >> 1 : ~(v >> 1)
    }
  }
}

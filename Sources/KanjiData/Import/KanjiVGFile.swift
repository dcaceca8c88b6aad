/// One KanjiVG SVG file: its strokes' path data and types in stroke order, and its
/// component groups.
struct KanjiVGFile {
  /// The name of a KanjiVG file: `05b66.svg` or a variant such as `05b66-Kaisho.svg`.
  struct Name: Hashable {
    let scalar: Unicode.Scalar
    /// The suffix after the code point, nil for the main file.
    let variant: String?

    init?(fileName: String) {
      guard fileName.hasSuffix(".svg") else { return nil }
      let stem = fileName.dropLast(4)
      let parts = stem.split(separator: "-", maxSplits: 1)
      guard let hex = parts.first, hex.count >= 4, let value = UInt32(hex, radix: 16),
        let scalar = Unicode.Scalar(value)
      else { return nil }
      self.scalar = scalar
      variant = parts.count > 1 ? String(parts[1]) : nil
    }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  var paths: [SVGPath] = []
  var types: [String] = []
  var components: [Component] = []

  /// Reads the strokes under the `kvg:StrokePaths` group: document order is stroke order;
  /// the group directly under it is the character itself, and the groups below that are
  /// its components (depth 0 for the outermost).
  init(bytes: [UInt8]) throws {
    var scanner = XMLScanner(bytes: bytes)
    // Depth of <g> nesting inside kvg:StrokePaths (0 = that group itself); nil outside it.
    var groupDepth: Int?
    var openComponents: [Int?] = []
    var sawStrokePaths = false
    do {
      while let token = try scanner.next() {
        switch token {
        case .start("g", let attributes, let selfClosing):
          if let depth = groupDepth {
            if selfClosing { continue }
            groupDepth = depth + 1
            if depth + 1 >= 2 {
              openComponents.append(components.count)
              components.append(try Self.component(attributes, depth: depth - 1))
            } else {
              openComponents.append(nil)
            }
          } else if attributes.first(where: { $0.name == "id" })?.value.hasPrefix("kvg:StrokePaths")
            == true, !selfClosing
          {
            groupDepth = 0
            sawStrokePaths = true
          }
        case .end("g"):
          guard let depth = groupDepth else { continue }
          if depth == 0 {
            groupDepth = nil
          } else {
            groupDepth = depth - 1
            openComponents.removeLast()
          }
        case .start("path", let attributes, _) where groupDepth != nil:
          let index = paths.count
          let id = attributes.first { $0.name == "id" }?.value ?? "#\(index + 1)"
          guard let d = attributes.first(where: { $0.name == "d" })?.value else {
            throw Failure(description: "stroke \(index + 1) (\(id)) has no path data")
          }
          do {
            paths.append(try SVGPath(parsing: d))
          } catch let error as PathSyntaxError {
            throw Failure(description: "stroke \(index + 1) (\(id)): \(error)")
          }
          types.append(attributes.first { $0.name == "kvg:type" }?.value ?? "")
          for case let component? in openComponents { components[component].strokes.append(index) }
        default:
          continue
        }
      }
    } catch let error as XMLScanner.Failure {
      throw Failure(description: "malformed SVG: \(error)")
    }
    guard sawStrokePaths else { throw Failure(description: "no kvg:StrokePaths group") }
    guard !paths.isEmpty else { throw Failure(description: "no strokes") }
  }

  private static func component(_ attributes: [XMLScanner.Attribute], depth: Int) throws
    -> Component
  {
    func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    var part: Int?
    if let text = value("kvg:part") {
      guard let number = Int(text) else {
        throw Failure(description: "kvg:part=\"\(text)\" is not a number")
      }
      part = number
    }
    return Component(
      element: value("kvg:element"), original: value("kvg:original"),
      position: value("kvg:position"), radical: value("kvg:radical"), part: part, depth: depth,
      strokes: [])
  }

  /// The strokes flattened to polylines within `tolerance` of the curves, rounded to the
  /// stored precision; consecutive points that round to the same place are merged.
  func strokeSet(tolerance: Double = 0.1) -> StrokeSet {
    var strokes: [ReferenceStroke] = []
    strokes.reserveCapacity(paths.count)
    for (path, type) in zip(paths, types) {
      var points: [Point] = []
      for p in path.flattened(tolerance: tolerance) {
        let q = Point(x: StrokeCodec.quantize(p.x), y: StrokeCodec.quantize(p.y))
        if points.last != q { points.append(q) }
      }
      if points.count == 1 { points.append(points[0]) }
      strokes.append(ReferenceStroke(points: points, type: type))
    }
    return StrokeSet(strokes: strokes, components: components)
  }
}

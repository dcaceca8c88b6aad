import KanjiData

/// A kanji's named KanjiVG components, for saying which part of it a mistake is in.
public struct KanjiParts: Hashable, Sendable {
  public var character: String
  public var strokeCount: Int
  /// Named components below the whole character.
  public var components: [Component]

  public init(character: String, strokes: StrokeSet) {
    self.character = character
    self.strokeCount = strokes.strokes.count
    self.components = strokes.components.filter { component in
      guard let element = component.element else { return false }
      return element != character && !component.strokes.isEmpty
        && component.strokes.count < strokes.strokes.count
    }
  }

  public init(kanji: Kanji) {
    self.init(character: kanji.character, strokes: kanji.strokes)
  }

  /// A kanji the reference data does not have: mistakes are named by stroke number only.
  public init(unknown character: String) {
    self.init(character: character, strokes: StrokeSet(strokes: [], components: []))
  }

  /// The named elements this kanji is built from, at any depth.
  public var elements: Set<String> {
    Set(components.compactMap(\.element))
  }

  /// The most specific named component holding a stroke (1-based), if any.
  public func component(ofStroke stroke: Int) -> String? {
    components
      .filter { $0.strokes.contains(stroke - 1) }
      .max { ($0.depth, -$0.strokes.count) < ($1.depth, -$1.strokes.count) }?
      .element
  }

  /// Splits missing strokes (1-based) into the largest components left out entirely and the
  /// strokes that remain.
  public func wholeComponents(in missing: Set<Int>) -> (components: [String], loose: [Int]) {
    var left = missing
    var found: [String] = []
    let largestFirst = components.sorted { $0.strokes.count > $1.strokes.count }
    for component in largestFirst {
      let strokes = Set(component.strokes.map { $0 + 1 })
      guard strokes.count > 1, strokes.isSubset(of: left), let element = component.element
      else { continue }
      found.append(element)
      left.subtract(strokes)
    }
    return (found, left.sorted())
  }

  /// The components a mistake touches: the one left out, or those holding its strokes.
  public func components(touchedBy mistake: Mistake) -> Set<String> {
    if case .missingComponent(let element) = mistake { return [element] }
    return Set(mistake.strokes.compactMap { component(ofStroke: $0) })
  }
}

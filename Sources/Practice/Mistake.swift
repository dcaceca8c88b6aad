import KanjiData
import StrokeMatch

/// One thing the learner got wrong in a graded drawing, as the weak list names it.
///
/// Stroke numbers are 1-based, as the grader and the learner count them.
public enum Mistake: Hashable, Sendable {
  case reversed(stroke: Int)
  /// Strokes drawn out of their place in the order, in one drawing.
  case order(strokes: [Int])
  case shape(stroke: Int)
  case position(stroke: Int)
  /// Consecutive strokes drawn as one.
  case joined(strokes: [Int])
  /// One stroke drawn in pieces.
  case split(stroke: Int)
  /// Every stroke of a named KanjiVG component was left out.
  case missingComponent(String)
  case missingStrokes([Int])
  case extraStroke
  /// The drawing was another kanji; nil when the recogniser was not sure which.
  case otherKanji(String?)
  /// Nothing, or nothing recognisable, was drawn.
  case blank

  /// The mistakes in one grade of `kanji`, whose reference components are `components`.
  ///
  /// When the drawing is another kanji, its stroke-level errors only describe that other
  /// kanji, so the substitution alone is reported.
  public static func found(in grade: Grade, kanji: KanjiParts) -> [Mistake] {
    if let substitution = grade.errors.first(where: { $0.type == .character }) {
      return [.otherKanji(substitution.drawn)]
    }
    let missing = Set(grade.errors.filter { $0.type == .missing }.map(\.stroke))
    if kanji.strokeCount > 0 && missing.count == kanji.strokeCount {
      return [.blank]
    }
    var mistakes: [Mistake] = []
    let (components, loose) = kanji.wholeComponents(in: missing)
    mistakes += components.map { .missingComponent($0) }
    if !loose.isEmpty { mistakes.append(.missingStrokes(loose)) }
    let order = grade.errors.filter { $0.type == .order }.map(\.stroke)
    if !order.isEmpty { mistakes.append(.order(strokes: Array(Set(order)).sorted())) }
    for error in grade.errors {
      switch error.type {
      case .reversed: mistakes.append(.reversed(stroke: error.stroke))
      case .shape: mistakes.append(.shape(stroke: error.stroke))
      case .position: mistakes.append(.position(stroke: error.stroke))
      case .joined: mistakes.append(.joined(strokes: error.strokes ?? [error.stroke]))
      case .split: mistakes.append(.split(stroke: error.stroke))
      case .extra: mistakes.append(.extraStroke)
      default: break
      }
    }
    var seen = Set<Mistake>()
    return mistakes.filter { seen.insert($0).inserted }
  }

  /// The reference strokes (1-based) this mistake is about.
  var strokes: [Int] {
    switch self {
    case .reversed(let stroke), .shape(let stroke), .position(let stroke), .split(let stroke):
      return [stroke]
    case .order(let strokes), .missingStrokes(let strokes), .joined(let strokes): return strokes
    case .missingComponent, .extraStroke, .otherKanji, .blank: return []
    }
  }

  /// The mistake in words, about `kanji`, e.g. "draws stroke 3 of 右 backwards".
  public func phrase(kanji: String) -> String {
    switch self {
    case .reversed(let stroke): return "draws stroke \(stroke) of \(kanji) backwards"
    case .order(let strokes) where strokes.count == 1:
      return "draws stroke \(strokes[0]) out of order"
    case .order(let strokes): return "strokes \(Self.list(strokes)) in the wrong order"
    case .shape(let stroke): return "misshapes stroke \(stroke)"
    case .position(let stroke): return "puts stroke \(stroke) in the wrong place"
    case .joined(let strokes): return "draws strokes \(Self.list(strokes)) as one"
    case .split(let stroke): return "draws stroke \(stroke) in pieces"
    case .missingComponent(let element): return "misses the \(element) component"
    case .missingStrokes(let strokes) where strokes.count == 1:
      return "leaves out stroke \(strokes[0])"
    case .missingStrokes(let strokes): return "leaves out strokes \(Self.list(strokes))"
    case .extraStroke: return "adds a stroke \(kanji) does not have"
    case .otherKanji(let drawn?): return "wrote \(drawn) instead"
    case .otherKanji(nil): return "wrote another kanji"
    case .blank: return "could not write it"
    }
  }

  /// "4 and 5", "2, 3 and 7".
  static func list(_ numbers: [Int]) -> String {
    let words = numbers.map(String.init)
    guard words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
  }
}

/// How often something happened, appended to a phrase: "", ", twice", ", 3 times".
func timesSuffix(_ count: Int) -> String {
  switch count {
  case ...1: return ""
  case 2: return ", twice"
  default: return ", \(count) times"
  }
}

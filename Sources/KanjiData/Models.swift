/// A point in KanjiVG's 109 x 109 space (origin top left, y down).
public struct Point: Hashable, Codable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// One reference stroke: a polyline flattened from KanjiVG's Bézier path, in drawing direction.
public struct ReferenceStroke: Hashable, Sendable {
  public var points: [Point]
  /// KanjiVG's `kvg:type` (a CJK Strokes character such as "㇐", "㇒", "㇔/㇏"); empty when absent.
  public var type: String

  public init(points: [Point], type: String) {
    self.points = points
    self.type = type
  }
}

/// A KanjiVG component group (`kvg:element` and friends) and the strokes it spans.
public struct Component: Hashable, Sendable {
  /// `kvg:element`, e.g. "氵"; nil for unnamed groups.
  public var element: String?
  /// `kvg:original`, when the element is a variant form (刂 of 刀).
  public var original: String?
  /// `kvg:position`: left, right, top, bottom, nyo, tare, kamae, ...
  public var position: String?
  /// `kvg:radical`: general, tradit, nelson, ...
  public var radical: String?
  /// `kvg:part`: this group is part N of an element split by other strokes.
  public var part: Int?
  /// Nesting depth, 0 for the outermost group below the character.
  public var depth: Int
  /// Zero-based indices of the strokes in this group, in stroke order.
  public var strokes: [Int]

  public init(
    element: String?, original: String? = nil, position: String?, radical: String?, part: Int?,
    depth: Int, strokes: [Int]
  ) {
    self.element = element
    self.original = original
    self.position = position
    self.radical = radical
    self.part = part
    self.depth = depth
    self.strokes = strokes
  }
}

/// The strokes and components of one KanjiVG file: the main form or a variant.
public struct StrokeSet: Hashable, Sendable {
  public var strokes: [ReferenceStroke]
  public var components: [Component]

  public init(strokes: [ReferenceStroke], components: [Component]) {
    self.strokes = strokes
    self.components = components
  }
}

/// An accepted alternative of a kanji from a KanjiVG variant file (`05b66-Kaisho.svg`).
public struct Variant: Hashable, Sendable {
  /// The file suffix: "Kaisho", "HzFst", "VtLst", ...
  public var name: String
  public var strokes: StrokeSet

  public init(name: String, strokes: StrokeSet) {
    self.name = name
    self.strokes = strokes
  }
}

/// Everything the app knows of one character: reference strokes and dictionary entry.
public struct Kanji: Hashable, Sendable {
  public var character: String
  public var strokes: StrokeSet
  public var variants: [Variant]
  /// English meanings from KANJIDIC2.
  public var meanings: [String]
  /// Meanings in other languages, keyed by KANJIDIC2's `m_lang` (fr, es, pt, ...).
  public var otherMeanings: [String: [String]]
  public var onyomi: [String]
  public var kunyomi: [String]
  public var nanori: [String]
  /// School grade: 1-6 kyōiku, 8 other Jōyō, 9-10 Jinmeiyō; nil when none.
  public var grade: Int?
  /// Old JLPT level 1-4 as KANJIDIC2 gives it; nil when none.
  public var jlpt: Int?
  /// Newspaper frequency rank 1-2500; nil when not ranked.
  public var frequency: Int?
  /// KANJIDIC2's stroke count (its first, accepted value).
  public var strokeCount: Int?
  /// Classical (Kangxi) radical number.
  public var radical: Int?

  public init(
    character: String, strokes: StrokeSet, variants: [Variant] = [], meanings: [String] = [],
    otherMeanings: [String: [String]] = [:], onyomi: [String] = [], kunyomi: [String] = [],
    nanori: [String] = [], grade: Int? = nil, jlpt: Int? = nil, frequency: Int? = nil,
    strokeCount: Int? = nil, radical: Int? = nil
  ) {
    self.character = character
    self.strokes = strokes
    self.variants = variants
    self.meanings = meanings
    self.otherMeanings = otherMeanings
    self.onyomi = onyomi
    self.kunyomi = kunyomi
    self.nanori = nanori
    self.grade = grade
    self.jlpt = jlpt
    self.frequency = frequency
    self.strokeCount = strokeCount
    self.radical = radical
  }

  /// Whether the character is in the Jōyō list (KANJIDIC2 grades 1-6 and 8).
  public var isJoyo: Bool {
    guard let grade else { return false }
    return (1...6).contains(grade) || grade == 8
  }
}

/// A common word from JMdict whose kanji are all in the reference database.
public struct Word: Hashable, Sendable {
  /// The written form: kanji, kana and the iteration mark (勉強, 食べる, 人々).
  public var written: String
  /// Its readings in kana, the common ones first; none applies only to another written form.
  public var readings: [String]
  /// The English glosses of its first senses, one string per sense.
  public var meanings: [String]
  /// 1 for the most frequent word, by JMdict's priority tags.
  public var rank: Int
  /// The distinct kanji of the written form, in order (々 is not one).
  public var kanji: [String]

  public init(
    written: String, readings: [String], meanings: [String], rank: Int, kanji: [String]
  ) {
    self.written = written
    self.readings = readings
    self.meanings = meanings
    self.rank = rank
    self.kanji = kanji
  }

  /// The written form with `kanji` replaced by □ wherever it occurs.
  public func blanking(_ kanji: String) -> String {
    written.map { String($0) == kanji ? "□" : String($0) }.joined()
  }

  /// The characters the learner writes: every character that is not kana.
  public var writtenCharacters: [String] {
    written.unicodeScalars.filter { !Word.isKana($0) }.map { String(Character($0)) }
  }

  /// Hiragana, katakana (with the long-vowel mark) and the kana iteration marks.
  public static func isKana(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF: return true
    default: return false
    }
  }
}

import ArgumentParser
import Foundation
import KanjiData
import Practice

/// `kanji-write info 学`: a kanji's dictionary entry, components, variants and its reference
/// strokes drawn in braille with numbered start points.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show a kanji's meanings, readings, common words, components and reference strokes.")

  /// Words `info` lists (JSON) and shows (text).
  static let wordLimit = 10
  static let wordLinesShown = 5

  @OptionGroup var data: DataOption

  @Argument(help: "One kanji, e.g. 学.")
  var kanji: String

  @Flag(name: .long, help: "Print one JSON object instead.")
  var json = false

  @Option(name: .long, help: "Draw this variant (e.g. Kaisho, VtLst) instead of the main form.")
  var variant: String?

  func run() throws {
    let character = kanji.trimmingCharacters(in: .whitespacesAndNewlines)
    guard character.unicodeScalars.count == 1 else {
      throw CLIError("give one kanji, e.g. `kanji-write info 学` (got \"\(kanji)\")")
    }
    let db: ReferenceDatabase
    let entry: Kanji?
    let jlpt: Int?
    db = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
    entry = try db.kanji(character)
    jlpt = try entry.flatMap { try db.jlptLevel(of: $0) }
    guard let entry else {
      let scalar = character.unicodeScalars.first!
      let code = String(format: "U+%04X", scalar.value)
      throw CLIError(
        "\(character) (\(code)) is not in the reference database, which has the kanji KanjiVG draws"
      )
    }
    let words = try db.words(containing: character, limit: Self.wordLimit)
    var strokes = entry.strokes
    if let variant {
      guard let found = entry.variants.first(where: { $0.name == variant }) else {
        let names = entry.variants.map(\.name)
        throw CLIError(
          "\(character) has no variant \(variant)"
            + (names.isEmpty ? " (it has none)" : "; it has \(names.joined(separator: ", "))"))
      }
      strokes = found.strokes
    }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(
        InfoJSON(kanji: entry, jlpt: jlpt, words: words.map(InfoWordJSON.init)))
      print(String(decoding: data, as: UTF8.self))
    } else {
      for line in InfoText.lines(entry, jlpt: jlpt) { print(line) }
      for (offset, word) in words.prefix(Self.wordLinesShown).enumerated() {
        let name = offset == 0 ? "words" : ""
        print(
          "  " + name.padding(toLength: 12, withPad: " ", startingAt: 0)
            + "\(word.written) \(word.readings.first ?? "")  \(word.meanings.first ?? "")")
      }
      print()
      for line in StrokeDiagram.lines(strokes) { print(line.isEmpty ? "" : "  " + line) }
    }
  }

}

/// The text layout of `info`.
enum InfoText {
  static func lines(_ k: Kanji, jlpt: Int?) -> [String] {
    let code = String(format: "U+%04X", k.character.unicodeScalars.first!.value)
    var lines = ["\(k.character)  \(code)"]
    func field(_ name: String, _ value: String) {
      lines.append("  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
    }
    if k.meanings.isEmpty, k.onyomi.isEmpty, k.kunyomi.isEmpty, k.strokeCount == nil {
      field("dictionary", "no KANJIDIC2 entry")
    }
    if !k.meanings.isEmpty { field("meanings", k.meanings.joined(separator: ", ")) }
    if !k.onyomi.isEmpty { field("on'yomi", k.onyomi.joined(separator: ", ")) }
    if !k.kunyomi.isEmpty { field("kun'yomi", k.kunyomi.joined(separator: ", ")) }
    if !k.nanori.isEmpty { field("nanori", k.nanori.joined(separator: ", ")) }
    if let grade = k.grade { field("grade", "\(grade) (\(gradeName(grade)))") }
    if let jlpt, let old = k.jlpt { field("JLPT", "N\(jlpt) (old level \(old))") }
    if let frequency = k.frequency { field("frequency", "#\(frequency) of 2,500 in newspapers") }
    let drawn = k.strokes.strokes.count
    if let count = k.strokeCount, count != drawn {
      field("strokes", "\(drawn) as drawn here (KANJIDIC2 counts \(count))")
    } else {
      field("strokes", "\(drawn)")
    }
    if let radical = k.radical { field("radical", "\(radical) (Kangxi)") }
    let components = k.strokes.components.filter { $0.element != nil }
    let top = components.map(\.depth).min() ?? 0
    for (i, c) in components.enumerated() {
      var text = String(repeating: "  ", count: c.depth - top) + c.element!
      if let original = c.original { text += " (from \(original))" }
      var notes: [String] = []
      if let position = c.position { notes.append(position) }
      if let radical = c.radical { notes.append("radical (\(radical))") }
      if let part = c.part { notes.append("part \(part)") }
      if !notes.isEmpty { text += ", " + notes.joined(separator: ", ") }
      text += ": " + strokeRanges(c.strokes)
      if i == 0 { field("components", text) } else { field("", text) }
    }
    field(
      "variants",
      k.variants.isEmpty ? "none" : k.variants.map(\.name).joined(separator: ", "))
    return lines
  }

  static func gradeName(_ grade: Int) -> String {
    switch grade {
    case 1...6: return "kyōiku, Jōyō"
    case 8: return "Jōyō, secondary school"
    case 9, 10: return "Jinmeiyō"
    default: return "other"
    }
  }

  /// 1-based stroke numbers as ranges: "strokes 1-3, 5".
  static func strokeRanges(_ indices: [Int]) -> String {
    guard !indices.isEmpty else { return "no strokes" }
    var parts: [String] = []
    var start = indices[0]
    var previous = start
    for index in indices.dropFirst() + [Int.min] {
      if index == previous + 1 {
        previous = index
        continue
      }
      parts.append(start == previous ? "\(start + 1)" : "\(start + 1)-\(previous + 1)")
      start = index
      previous = index
    }
    return (indices.count == 1 ? "stroke " : "strokes ") + parts.joined(separator: ", ")
  }
}

/// The reference strokes in braille, each stroke's number written at its start point.
enum StrokeDiagram {
  /// Cells around a start point, nearest first.
  static let offsets: [(Int, Int)] = {
    var all: [(Int, Int)] = []
    for dy in -1...1 { for dx in -3...3 { all.append((dx, dy)) } }
    return all.sorted { abs($0.0) + 2 * abs($0.1) < abs($1.0) + 2 * abs($1.1) }
  }()

  /// 40 x 20 cells: square on a terminal whose cells are twice as tall as wide.
  static func lines(_ set: StrokeSet, columns: Int = 40, rows: Int = 20) -> [String] {
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    for stroke in set.strokes {
      canvas.polyline(unit: stroke.points.map { (x: $0.x / 109, y: $0.y / 109) })
    }
    var cells = (0..<rows).map { row in
      (0..<columns).map { canvas.character(column: $0, row: row) ?? " " }
    }
    var taken = Set<Int>()
    for (i, stroke) in set.strokes.enumerated() {
      guard let start = stroke.points.first else { continue }
      let label = Array(String(i + 1))
      let column = Int(start.x / 109 * Double(columns - 1))
      let row = Int(start.y / 109 * Double(rows - 1))
      // The start cell, else the nearest free one, keeping a blank between two numbers so
      // "12" and "3" never read as "123"; when all are taken, the start cell anyway.
      func place(_ c: Int, _ r: Int, spaced: Bool) -> Bool {
        guard c >= 0, c + label.count <= columns, r >= 0, r < rows else { return false }
        let spots = (0..<label.count).map { r * columns + c + $0 }
        let margin = spaced ? [c - 1, c + label.count].filter { (0..<columns).contains($0) } : []
        guard spots.allSatisfy({ !taken.contains($0) }),
          margin.allSatisfy({ !taken.contains(r * columns + $0) })
        else { return false }
        for (k, character) in label.enumerated() { cells[r][c + k] = character }
        taken.formUnion(spots)
        return true
      }
      let near = Self.offsets.contains { place(column + $0.0, row + $0.1, spaced: true) }
      if !near {
        _ = place(min(max(0, column), columns - label.count), row, spaced: false)
      }
    }
    return cells.map {
      String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
  }
}

/// `info --json`: one object, fields always present (null when KANJIDIC2 has no value).
struct InfoJSON: Encodable {
  let kanji: Kanji
  let jlpt: Int?
  /// Up to ten common words with the kanji, the most frequent first.
  let words: [InfoWordJSON]

  enum Keys: String, CodingKey {
    case kanji, codepoint, meanings, otherMeanings, onyomi, kunyomi, nanori, grade, jlpt
    case jlptOld, frequency, strokeCount, radical, strokes, strokeTypes, components, variants
    case words
  }

  struct ComponentJSON: Encodable {
    let element: String?
    let original: String?
    let position: String?
    let radical: String?
    let part: Int?
    let depth: Int
    /// Zero-based indices into `strokes`.
    let strokes: [Int]

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(element, forKey: .element)
      try c.encode(original, forKey: .original)
      try c.encode(position, forKey: .position)
      try c.encode(radical, forKey: .radical)
      try c.encode(part, forKey: .part)
      try c.encode(depth, forKey: .depth)
      try c.encode(strokes, forKey: .strokes)
    }

    enum CodingKeys: String, CodingKey {
      case element, original, position, radical, part, depth, strokes
    }
  }

  struct VariantJSON: Encodable {
    let name: String
    let strokes: [[[Double]]]
  }

  static func points(_ set: StrokeSet) -> [[[Double]]] {
    set.strokes.map { $0.points.map { [$0.x, $0.y] } }
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(kanji.character, forKey: .kanji)
    try c.encode(Int(kanji.character.unicodeScalars.first!.value), forKey: .codepoint)
    try c.encode(kanji.meanings, forKey: .meanings)
    try c.encode(kanji.otherMeanings, forKey: .otherMeanings)
    try c.encode(kanji.onyomi, forKey: .onyomi)
    try c.encode(kanji.kunyomi, forKey: .kunyomi)
    try c.encode(kanji.nanori, forKey: .nanori)
    try c.encode(kanji.grade, forKey: .grade)
    try c.encode(jlpt.map { "N\($0)" }, forKey: .jlpt)
    try c.encode(kanji.jlpt, forKey: .jlptOld)
    try c.encode(kanji.frequency, forKey: .frequency)
    try c.encode(kanji.strokeCount, forKey: .strokeCount)
    try c.encode(kanji.radical, forKey: .radical)
    try c.encode(Self.points(kanji.strokes), forKey: .strokes)
    try c.encode(kanji.strokes.strokes.map(\.type), forKey: .strokeTypes)
    try c.encode(
      kanji.strokes.components.map {
        ComponentJSON(
          element: $0.element, original: $0.original, position: $0.position,
          radical: $0.radical, part: $0.part, depth: $0.depth, strokes: $0.strokes)
      }, forKey: .components)
    try c.encode(
      kanji.variants.map { VariantJSON(name: $0.name, strokes: Self.points($0.strokes)) },
      forKey: .variants)
    try c.encode(words, forKey: .words)
  }
}

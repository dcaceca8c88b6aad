import KanjiData

/// A common word shown under a kanji's prompt as a cue: the word with the kanji asked blanked,
/// its reading and its first meaning (`□強 べんきょう — study`).
public struct PromptWord: Equatable, Sendable {
  public var blanked: String
  public var reading: String
  public var meaning: String

  /// `word` as a cue for `kanji`: every occurrence of the kanji is blanked.
  public init(_ word: Word, blanking kanji: String) {
    blanked = word.blanking(kanji)
    reading = word.readings.first ?? ""
    meaning = word.meanings.first.map { String($0.split(separator: ";").first ?? "") } ?? ""
  }

  public var line: String { "\(blanked) \(reading) — \(meaning)" }

  /// How many cues a prompt shows.
  public static let limit = 2

  /// The cues for `kanji` among `words` (those containing it): words of more than the kanji
  /// alone, those whose other kanji are all in `deck` first (they are cues, not answers), then
  /// the most frequent.
  public static func choose(for kanji: String, from words: [Word], deck: Set<String>)
    -> [PromptWord]
  {
    let candidates = words.filter { $0.written != kanji && $0.kanji.contains(kanji) }
    func known(_ word: Word) -> Bool { word.kanji.allSatisfy { $0 == kanji || deck.contains($0) } }
    let ordered = candidates.filter(known) + candidates.filter { !known($0) }
    return ordered.prefix(limit).map { PromptWord($0, blanking: kanji) }
  }
}

/// Terminal cells a text takes, as the renderer counts them: two for East Asian wide
/// characters (kanji, kana), one otherwise (□ included).
enum CellWidth {
  static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
  }

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default: return false
    }
  }

  /// `text` cut to `cells`, with an ellipsis when cut.
  static func fit(_ text: String, _ cells: Int) -> String {
    guard of(text) > cells else { return text }
    var result = ""
    var used = 0
    for character in text {
      let width = of(String(character))
      if used + width > cells - 1 { break }
      result.append(character)
      used += width
    }
    return result + "…"
  }
}

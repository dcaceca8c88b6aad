/// A set of kanji named on the command line: `jlpt:N5`, `grade:1`, `joyo`, `freq:500`,
/// `file:PATH`, or the kanji themselves (`学校`, or `kanji:学校`).
public enum KanjiSelector: Hashable, Sendable {
  /// A JLPT level N5...N1 (the associated value is the N number, 5...1).
  ///
  /// KANJIDIC2 only has the old four-level JLPT (1-4, before 2010). The mapping:
  /// N5 = old level 4; N4 = old level 3; N3 = the more frequent half of old level 2 (by
  /// KANJIDIC2's newspaper frequency rank, unranked last); N2 = the other half of old level 2;
  /// N1 = old level 1. Each level is its own set, not cumulative.
  case jlpt(Int)
  /// A KANJIDIC2 school grade: 1-6 kyōiku, 8 the rest of Jōyō, 9-10 Jinmeiyō.
  case grade(Int)
  /// The 2,136 Jōyō kanji (grades 1-6 and 8), by grade then frequency.
  case joyo
  /// The N most frequent kanji (KANJIDIC2's newspaper rank), most frequent first.
  case frequency(Int)
  /// Every kanji in a UTF-8 text file, in order of first appearance; lines starting with `#`
  /// are comments, and characters that are not kanji (kana, punctuation) are ignored.
  case file(String)
  /// The given characters, in order.
  case literal([String])

  public struct ParseError: Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  public init(parsing text: String) throws {
    let trimmed = text.trimmingWhitespace()
    let lower = trimmed.lowercased()
    func number(after prefix: String) -> Int? { Int(lower.dropFirst(prefix.count)) }
    if lower.hasPrefix("jlpt:") {
      var level = Substring(lower.dropFirst(5))
      if level.hasPrefix("n") { level = level.dropFirst() }
      guard let n = Int(level), (1...5).contains(n) else {
        throw ParseError(description: "\"\(text)\": the JLPT level is N5, N4, N3, N2 or N1")
      }
      self = .jlpt(n)
    } else if lower.hasPrefix("grade:") {
      guard let g = number(after: "grade:"), (1...6).contains(g) || (8...10).contains(g) else {
        throw ParseError(
          description: "\"\(text)\": the grade is 1-6 (kyōiku), 8 (other Jōyō) or 9-10 (Jinmeiyō)")
      }
      self = .grade(g)
    } else if lower == "joyo" || lower == "jōyō" || lower == "jouyou" {
      self = .joyo
    } else if lower.hasPrefix("freq:") || lower.hasPrefix("frequency:") {
      guard let n = number(after: lower.hasPrefix("freq:") ? "freq:" : "frequency:"), n > 0 else {
        throw ParseError(description: "\"\(text)\": freq:N needs a positive number, e.g. freq:500")
      }
      self = .frequency(n)
    } else if lower.hasPrefix("file:") {
      let path = String(trimmed.dropFirst(5))
      guard !path.isEmpty else {
        throw ParseError(description: "\"\(text)\": file:PATH needs a path")
      }
      self = .file(path)
    } else {
      let characters = lower.hasPrefix("kanji:") ? String(trimmed.dropFirst(6)) : trimmed
      let scalars = characters.unicodeScalars.filter { !$0.properties.isWhitespace }
      guard !scalars.isEmpty, scalars.allSatisfy(KanjiSelector.isKanji) else {
        throw ParseError(
          description:
            "\"\(text)\" selects nothing: use jlpt:N5...jlpt:N1, grade:1...grade:10, joyo, freq:N, file:PATH, or kanji such as 学校"
        )
      }
      self = .literal(scalars.map { String(Character($0)) })
    }
  }

  /// The characters the importer keeps (CJK ideographs and 々 〆 〇).
  static func isKanji(_ scalar: Unicode.Scalar) -> Bool {
    Importer.isIdeograph(scalar)
  }
}

extension String {
  func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}

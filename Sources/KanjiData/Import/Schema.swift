/// The reference database's tables. Bump `version` whenever the schema, the stroke blob or
/// the importer's rules change, so `ReferenceDatabase` refuses a stale file.
enum Schema {
  static let version = 4

  static let create = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE kanji(
      codepoint INTEGER PRIMARY KEY,
      character TEXT NOT NULL,
      strokes BLOB NOT NULL,
      kanjivg_strokes INTEGER NOT NULL,
      in_kanjidic INTEGER NOT NULL,
      grade INTEGER,
      jlpt INTEGER,
      frequency INTEGER,
      stroke_count INTEGER,
      radical INTEGER,
      meanings TEXT NOT NULL,
      other_meanings TEXT NOT NULL,
      onyomi TEXT NOT NULL,
      kunyomi TEXT NOT NULL,
      nanori TEXT NOT NULL
    );
    CREATE TABLE variant(
      codepoint INTEGER NOT NULL,
      name TEXT NOT NULL,
      strokes BLOB NOT NULL,
      PRIMARY KEY(codepoint, name)
    );
    -- JMdict's common words; id is the frequency rank (1 the most frequent).
    CREATE TABLE word(
      id INTEGER PRIMARY KEY,
      written TEXT NOT NULL,
      readings TEXT NOT NULL,
      meanings TEXT NOT NULL,
      jmdict_entry INTEGER NOT NULL
    );
    CREATE TABLE word_kanji(
      codepoint INTEGER NOT NULL,
      word INTEGER NOT NULL,
      PRIMARY KEY(codepoint, word)
    ) WITHOUT ROWID;
    CREATE INDEX word_written ON word(written);
    CREATE INDEX kanji_grade ON kanji(grade);
    CREATE INDEX kanji_frequency ON kanji(frequency);
    """
}

/// Lists of strings in one TEXT column, joined by control characters that never occur in
/// KANJIDIC2's text: U+001F between items; for per-language lists, U+001D between languages
/// and U+001E after the language code.
enum TextList {
  static func join(_ items: [String]) -> String { items.joined(separator: "\u{1F}") }

  static func split(_ text: String) -> [String] {
    text.isEmpty
      ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
  }

  static func join(_ byLanguage: [String: [String]]) -> String {
    byLanguage.keys.sorted().map { "\($0)\u{1E}\(join(byLanguage[$0]!))" }.joined(
      separator: "\u{1D}")
  }

  static func splitByLanguage(_ text: String) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for group in text.split(separator: "\u{1D}") {
      let parts = group.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      result[String(parts[0])] = split(String(parts[1]))
    }
    return result
  }
}

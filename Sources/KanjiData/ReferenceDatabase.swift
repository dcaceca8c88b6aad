import Foundation
import SQLite

/// A problem with the reference database or a request to it, worded for the user.
public struct ReferenceDataError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// The read-only reference database built by `kanji-write import` (`make data`).
/// Not thread-safe: open one per thread.
public final class ReferenceDatabase {
  public let path: String
  private let db: Database
  private let strokesQuery: Statement
  private let kanjiQuery: Statement
  private let variantQuery: Statement
  private let writtenQuery: Statement
  private let containingQuery: Statement

  /// The database to open: `--data PATH`, then `$KANJI_WRITE_DATA`, then `Data/kanji.sqlite`
  /// of the source tree, then `<executable dir>/../share/kanji-write/kanji.sqlite`.
  public static func locate(explicit: String?) throws -> String {
    if let explicit {
      guard FileManager.default.fileExists(atPath: explicit) else {
        throw ReferenceDataError(description: "no reference database at \(explicit) (from --data)")
      }
      return explicit
    }
    if let fromEnvironment = ProcessInfo.processInfo.environment["KANJI_WRITE_DATA"],
      !fromEnvironment.isEmpty
    {
      guard FileManager.default.fileExists(atPath: fromEnvironment) else {
        throw ReferenceDataError(
          description: "no reference database at \(fromEnvironment) (from $KANJI_WRITE_DATA)")
      }
      return fromEnvironment
    }
    var candidates = [sourceTreeDatabase]
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      candidates.append(
        executable.deletingLastPathComponent().deletingLastPathComponent()
          .appendingPathComponent("share/kanji-write/kanji.sqlite").standardized.path)
    }
    if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
      return found
    }
    throw ReferenceDataError(
      description: """
        no reference database found (looked for \(candidates.joined(separator: " and "))).
        Run `make data` in the Kanji Write source folder to build it, or pass --data PATH.
        """)
  }

  /// `Data/kanji.sqlite` at the root of the source tree this file was compiled from.
  public static var sourceTreeDatabase: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Data/kanji.sqlite").path
  }

  public init(path: String) throws {
    self.path = path
    do {
      db = try Database(path: path, mode: .readOnly)
      // The whole file (about 10 MB) fits in memory: map it, and cache its pages, so stroke
      // loads stay in microseconds once warm.
      try db.execute("PRAGMA mmap_size = 67108864; PRAGMA cache_size = -32768;")
      let version = try db.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
      guard case .text(let text)? = version, Int(text) == Schema.version else {
        throw ReferenceDataError(
          description:
            "\(path) was built by another version of the importer; run `make data` to rebuild it")
      }
      strokesQuery = try db.prepare("SELECT strokes FROM kanji WHERE codepoint = ?")
      kanjiQuery = try db.prepare("SELECT \(Self.kanjiColumns) FROM kanji WHERE codepoint = ?")
      variantQuery = try db.prepare(
        "SELECT name, strokes FROM variant WHERE codepoint = ? ORDER BY name")
      writtenQuery = try db.prepare(
        "SELECT \(Self.wordColumns) FROM word WHERE written = ? ORDER BY id")
      containingQuery = try db.prepare(
        """
        SELECT \(Self.wordColumns) FROM word_kanji JOIN word ON word.id = word_kanji.word
        WHERE word_kanji.codepoint = ? ORDER BY word.id LIMIT ?
        """)
    } catch let error as ReferenceDataError {
      throw error
    } catch {
      throw ReferenceDataError(
        description: "\(path) is not a usable reference database (\(error)); run `make data`")
    }
  }

  /// The strokes and components of a character's main form; the matcher's hot path.
  public func strokes(_ character: String) throws -> StrokeSet? {
    guard let codepoint = Self.codepoint(character) else { return nil }
    strokesQuery.reset()
    try strokesQuery.bind(.integer(codepoint), at: 1)
    guard try strokesQuery.step() else { return nil }
    return try decode(strokesQuery.blobBytes(at: 0), character)
  }

  /// Everything known of one character, or nil when it is not in the database.
  public func kanji(_ character: String) throws -> Kanji? {
    guard let codepoint = Self.codepoint(character) else { return nil }
    kanjiQuery.reset()
    try kanjiQuery.bind(.integer(codepoint), at: 1)
    guard try kanjiQuery.step() else { return nil }
    var kanji = try makeKanji(kanjiQuery)
    variantQuery.reset()
    try variantQuery.bind(.integer(codepoint), at: 1)
    while try variantQuery.step() {
      let name = variantQuery.text(at: 0) ?? ""
      kanji.variants.append(
        Variant(name: name, strokes: try decode(variantQuery.blobBytes(at: 1), character)))
    }
    return kanji
  }

  /// A character's strokes and variants only, without the dictionary fields (left empty) that
  /// `kanji(_:)` parses: what grading needs, at a fraction of the cost. `including`: which
  /// variants, by name, to read (the others are neither decoded nor kept).
  public func strokeForms(
    _ character: String, including wanted: (String) -> Bool = { _ in true }
  ) throws -> Kanji? {
    guard let codepoint = Self.codepoint(character) else { return nil }
    strokesQuery.reset()
    try strokesQuery.bind(.integer(codepoint), at: 1)
    guard try strokesQuery.step() else { return nil }
    var kanji = Kanji(
      character: character, strokes: try decode(strokesQuery.blobBytes(at: 0), character))
    variantQuery.reset()
    try variantQuery.bind(.integer(codepoint), at: 1)
    while try variantQuery.step() {
      let name = variantQuery.text(at: 0) ?? ""
      guard wanted(name) else { continue }
      kanji.variants.append(
        Variant(name: name, strokes: try decode(variantQuery.blobBytes(at: 1), character)))
    }
    return kanji
  }

  /// Every character's main strokes, in code point order, without variants or dictionary fields
  /// (left empty): what the recogniser needs. With `strokeCount`, only the characters of that many
  /// strokes, whose blobs alone are decoded.
  public func allStrokes(strokeCount: Int? = nil) throws -> [Kanji] {
    let rows: Statement
    if let strokeCount {
      let header = StrokeCodec.header(strokeCount: strokeCount)
      rows = try db.prepare(
        "SELECT character, strokes FROM kanji WHERE substr(strokes, 1, ?) = ? ORDER BY codepoint")
      try rows.bind([.integer(Int64(header.count)), .blob(header)])
    } else {
      rows = try db.prepare("SELECT character, strokes FROM kanji ORDER BY codepoint")
    }
    var all: [Kanji] = []
    while try rows.step() {
      let character = rows.text(at: 0) ?? ""
      all.append(Kanji(character: character, strokes: try decode(rows.blobBytes(at: 1), character)))
    }
    return all
  }

  /// Each character and its encoded main strokes, in code point order.
  func eachEncodedStrokeSet(_ body: (String, [UInt8]) throws -> Void) throws {
    let rows = try db.prepare("SELECT character, strokes FROM kanji ORDER BY codepoint")
    while try rows.step() {
      try body(rows.text(at: 0) ?? "", rows.blobBytes(at: 1))
    }
  }

  /// Every character with strokes, with its variants, in code point order.
  public func allKanji() throws -> [Kanji] {
    var variants: [Int64: [Variant]] = [:]
    let variantRows = try db.prepare(
      "SELECT codepoint, name, strokes FROM variant ORDER BY codepoint, name")
    while try variantRows.step() {
      let codepoint = variantRows.int64(at: 0)
      let character = String(Character(Unicode.Scalar(UInt32(codepoint)) ?? "?"))
      variants[codepoint, default: []].append(
        Variant(
          name: variantRows.text(at: 1) ?? "",
          strokes: try decode(variantRows.blobBytes(at: 2), character)))
    }
    let rows = try db.prepare(
      "SELECT \(Self.kanjiColumns), codepoint FROM kanji ORDER BY codepoint")
    var all: [Kanji] = []
    while try rows.step() {
      var kanji = try makeKanji(rows)
      kanji.variants = variants[rows.int64(at: 12)] ?? []
      all.append(kanji)
    }
    return all
  }

  /// The characters a selector names, in the selector's order; only characters with strokes.
  public func characters(matching selector: KanjiSelector) throws -> [String] {
    let order = "ORDER BY frequency IS NULL, frequency, codepoint"
    switch selector {
    case .jlpt(let level):
      switch level {
      case 5: return try column("SELECT character FROM kanji WHERE jlpt = 4 \(order)")
      case 4: return try column("SELECT character FROM kanji WHERE jlpt = 3 \(order)")
      case 3, 2:
        let old2 = try column("SELECT character FROM kanji WHERE jlpt = 2 \(order)")
        let half = (old2.count + 1) / 2
        return level == 3 ? Array(old2.prefix(half)) : Array(old2.dropFirst(half))
      case 1: return try column("SELECT character FROM kanji WHERE jlpt = 1 \(order)")
      default: throw ReferenceDataError(description: "the JLPT level is N5, N4, N3, N2 or N1")
      }
    case .grade(let grade):
      return try column(
        "SELECT character FROM kanji WHERE grade = ? \(order)", [.integer(Int64(grade))])
    case .joyo:
      return try column(
        "SELECT character FROM kanji WHERE grade BETWEEN 1 AND 6 OR grade = 8 ORDER BY grade, frequency IS NULL, frequency, codepoint"
      )
    case .frequency(let n):
      return try column(
        "SELECT character FROM kanji WHERE frequency <= ? ORDER BY frequency, codepoint",
        [.integer(Int64(n))])
    case .file(let path):
      guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
      else {
        throw ReferenceDataError(description: "\(path): cannot be read as UTF-8 text")
      }
      let kanji = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("#") }
        .flatMap { $0.unicodeScalars.filter(KanjiSelector.isKanji) }
      return try known(kanji.map { String(Character($0)) }, from: path)
    case .literal(let characters):
      return try known(characters, from: nil)
    }
  }

  /// The kanji that share their English meanings and readings with another one (国 and 國),
  /// in groups: a prompt of meanings and readings cannot tell the kanji of a group apart.
  public func kanjiSharingPrompts() throws -> [[String]] {
    let rows = try db.query(
      """
      SELECT character, meanings, onyomi, kunyomi FROM kanji
      WHERE (meanings, onyomi, kunyomi) IN (
        SELECT meanings, onyomi, kunyomi FROM kanji GROUP BY 1, 2, 3 HAVING count(*) > 1)
      ORDER BY codepoint
      """)
    var groups: [[String]: [String]] = [:]
    var order: [[String]] = []
    for row in rows {
      guard let character = row.string(0) else { continue }
      let prompt = [row.string(1) ?? "", row.string(2) ?? "", row.string(3) ?? ""]
      if groups[prompt] == nil { order.append(prompt) }
      groups[prompt, default: []].append(character)
    }
    return order.compactMap { groups[$0] }
  }

  /// The current JLPT level (5 for N5 ... 1 for N1) by the mapping `KanjiSelector.jlpt`
  /// states, or nil when KANJIDIC2 gives no level.
  public func jlptLevel(of kanji: Kanji) throws -> Int? {
    switch kanji.jlpt {
    case 4: return 5
    case 3: return 4
    case 2: return try characters(matching: .jlpt(3)).contains(kanji.character) ? 3 : 2
    case 1: return 1
    default: return nil
    }
  }

  // MARK: - Words

  /// The common words written `written`, the most frequent first (力 is two: ちから, りょく).
  public func words(written: String) throws -> [Word] {
    writtenQuery.reset()
    try writtenQuery.bind(.text(written), at: 1)
    var words: [Word] = []
    while try writtenQuery.step() { words.append(makeWord(writtenQuery)) }
    return words
  }

  /// Up to `limit` common words that contain `kanji`, the most frequent first.
  public func words(containing kanji: String, limit: Int) throws -> [Word] {
    guard let codepoint = Self.codepoint(kanji) else { return [] }
    containingQuery.reset()
    try containingQuery.bind([.integer(codepoint), .integer(Int64(limit))])
    var words: [Word] = []
    while try containingQuery.step() { words.append(makeWord(containingQuery)) }
    return words
  }

  /// The `limit` most frequent common words; with `kanjiIn`, only words whose kanji are all
  /// among those.
  public func mostFrequentWords(limit: Int, kanjiIn: Set<String>? = nil) throws -> [Word] {
    let rows = try db.prepare("SELECT \(Self.wordColumns) FROM word ORDER BY id")
    var words: [Word] = []
    while words.count < limit, try rows.step() {
      let word = makeWord(rows)
      if let kanjiIn, !word.kanji.allSatisfy(kanjiIn.contains) { continue }
      words.append(word)
    }
    return words
  }

  /// Every stored word, the most frequent first.
  public func allWords() throws -> [Word] {
    try mostFrequentWords(limit: .max)
  }

  /// The importer's records: schema version, input names and checksums, KANJIDIC2 version.
  public func metadata() throws -> [String: String] {
    var result: [String: String] = [:]
    for row in try db.query("SELECT key, value FROM meta") {
      result[row.string(0) ?? ""] = row.string(1) ?? ""
    }
    return result
  }

  // MARK: - Rows

  private static let kanjiColumns = """
    character, strokes, grade, jlpt, frequency, stroke_count, radical, meanings, \
    other_meanings, onyomi, kunyomi, nanori
    """

  private static let wordColumns = "word.id, word.written, word.readings, word.meanings"

  private func makeWord(_ row: Statement) -> Word {
    let written = row.text(at: 1) ?? ""
    var seen = Set<Unicode.Scalar>()
    let kanji = written.unicodeScalars.filter {
      !Word.isKana($0) && $0 != "\u{3005}" && seen.insert($0).inserted
    }.map { String(Character($0)) }
    return Word(
      written: written, readings: TextList.split(row.text(at: 2) ?? ""),
      meanings: TextList.split(row.text(at: 3) ?? ""), rank: Int(row.int64(at: 0)), kanji: kanji)
  }

  private func makeKanji(_ row: Statement) throws -> Kanji {
    func int(_ column: Int32) -> Int? {
      if case .integer(let v) = row.value(at: column) { return Int(v) }
      return nil
    }
    let character = row.text(at: 0) ?? ""
    return Kanji(
      character: character, strokes: try decode(row.blobBytes(at: 1), character),
      meanings: TextList.split(row.text(at: 7) ?? ""),
      otherMeanings: TextList.splitByLanguage(row.text(at: 8) ?? ""),
      onyomi: TextList.split(row.text(at: 9) ?? ""),
      kunyomi: TextList.split(row.text(at: 10) ?? ""),
      nanori: TextList.split(row.text(at: 11) ?? ""), grade: int(2), jlpt: int(3),
      frequency: int(4), strokeCount: int(5), radical: int(6))
  }

  private func decode(_ blob: [UInt8], _ character: String) throws -> StrokeSet {
    do {
      return try blob.withUnsafeBytes { try StrokeCodec.decode($0) }
    } catch {
      throw ReferenceDataError(description: "\(path): the strokes of \(character): \(error)")
    }
  }

  private func column(_ sql: String, _ values: [SQLValue] = []) throws -> [String] {
    try db.query(sql, values).compactMap { $0.string(0) }
  }

  /// `characters` without repeats, after checking each is in the database.
  private func known(_ characters: [String], from file: String?) throws -> [String] {
    var seen = Set<String>()
    var missing: [String] = []
    var result: [String] = []
    for character in characters where seen.insert(character).inserted {
      if try strokes(character) == nil {
        missing.append(character)
      } else {
        result.append(character)
      }
    }
    guard missing.isEmpty else {
      let place = file.map { " (in \($0))" } ?? ""
      throw ReferenceDataError(
        description: "not in the reference database\(place): \(missing.joined(separator: " "))")
    }
    return result
  }

  private static func codepoint(_ character: String) -> Int64? {
    let scalars = character.unicodeScalars
    guard scalars.count == 1, let scalar = scalars.first else { return nil }
    return Int64(scalar.value)
  }
}

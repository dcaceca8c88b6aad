import Dispatch
import Foundation
import SQLite

/// An import problem or failure; the message names the file.
public struct ImportError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// Builds the reference database from KanjiVG and KANJIDIC2.
///
/// What is kept (the rule the README states):
/// - a KanjiVG main file is kept when its character is a CJK ideograph (the unified blocks
///   and their extensions, the compatibility blocks, and 々 〆 〇) or has a KANJIDIC2 entry:
///   ideographs without an entry are kept, with strokes but no dictionary data;
/// - kana, CJK radical forms (components, not characters) and other symbols (Latin letters,
///   digits, punctuation) are skipped;
/// - a variant file is kept as an accepted alternative when its main file is kept;
/// - a KANJIDIC2 entry without KanjiVG strokes is not stored: there is nothing to draw.
public struct Importer {
  public struct Options: Sendable {
    public var kanjivg: String
    public var kanjidic: String
    public var output: String
    /// jamdict's JMdict database (jamdict.db); without it the database has no words.
    public var jmdict: String?
    /// Stop at the first bad file instead of skipping it.
    public var strict: Bool

    public init(
      kanjivg: String, kanjidic: String, output: String, jmdict: String? = nil,
      strict: Bool = false
    ) {
      self.kanjivg = kanjivg
      self.kanjidic = kanjidic
      self.output = output
      self.jmdict = jmdict
      self.strict = strict
    }
  }

  /// What an import did, for the user and for tests.
  public struct Report: Sendable {
    public var files = 0
    public var mainFiles = 0
    public var variantFiles = 0
    public var keptCharacters = 0
    public var keptVariants = 0
    /// Kanji given the strokes of their other handwritten form (`HandwrittenForms`).
    public var handwrittenForms = 0
    public var withoutKanjidic = 0
    /// Skipped files by reason.
    public var skipped: [String: Int] = [:]
    /// Bad files, each message naming the file.
    public var problems: [String] = []
    public var kanjidicEntries = 0
    public var kanjidicWithoutStrokes = 0
    /// JMdict: common written forms read, words kept, and why the others were not.
    public var jmdictForms = 0
    public var words = 0
    public var wordsWithOtherCharacters = 0
    public var formsWithoutReading = 0
    public var formsWithoutGloss = 0
    public var malformedJMdictRows: [String] = []
    public var databaseBytes = 0
    public var seconds = 0.0

    /// The summary printed by `kanji-write import`.
    public var lines: [String] {
      var lines = [
        "KanjiVG: \(files) files read (\(mainFiles) main, \(variantFiles) variants)",
        "  kept \(keptCharacters) characters with strokes, \(withoutKanjidic) of them CJK ideographs without a KANJIDIC2 entry (kept: strokes only)",
        "  kept \(keptVariants) variant files as accepted alternatives",
        "  gave \(handwrittenForms) kanji the strokes of their other handwritten form (𠮟 叱, 喩 喻, ...)",
      ]
      for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) {
        lines.append("  skipped \(count) files: \(reason)")
      }
      if !problems.isEmpty { lines.append("  skipped \(problems.count) bad files (listed above)") }
      lines.append(
        "KANJIDIC2: \(kanjidicEntries) entries; \(kanjidicWithoutStrokes) without KanjiVG strokes (not stored: nothing to draw)"
      )
      if jmdictForms > 0 || !malformedJMdictRows.isEmpty {
        lines.append(
          "JMdict: \(jmdictForms) common written forms; kept \(words) words, skipped "
            + "\(wordsWithOtherCharacters) with characters outside the database (or no kanji), "
            + "\(formsWithoutReading) without a reading of their own, "
            + "\(formsWithoutGloss) without an English gloss")
        lines.append(
          "  skipped \(malformedJMdictRows.count) malformed rows"
            + (malformedJMdictRows.isEmpty ? "" : " (listed above)"))
      }
      lines.append(
        String(
          format: "Wrote the database: %.1f MB in %.2f s", Double(databaseBytes) / 1e6, seconds))
      return lines
    }
  }

  /// Why a main file's character is skipped, or nil when it is kept.
  static func skipReason(_ scalar: Unicode.Scalar, inKanjidic: Bool) -> String? {
    if inKanjidic || isIdeograph(scalar) { return nil }
    switch scalar.value {
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
      return "kana (not kanji)"
    case 0x2E80...0x2FDF:
      return "CJK radical forms (components, not characters)"
    default:
      return "symbols, digits and Latin letters (not kanji)"
    }
  }

  /// CJK ideographs, including those KANJIDIC2 does not list.
  public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x3005...0x3007:
      return true
    default:
      return false
    }
  }

  /// The most KANJIDIC2's XML may take, as a file or gunzipped (the real one is 15 MB).
  static let maxKanjidicBytes = 256 << 20
  /// Bad KanjiVG files an import skips (without `--strict`); past this many the archive or
  /// folder is damaged, and the database is left as it was rather than rebuilt without them.
  public static let maxBadFiles = 10

  let options: Options
  let log: (String) -> Void

  /// `log` receives each bad file's message as it is found.
  public init(options: Options, log: @escaping (String) -> Void = { _ in }) {
    self.options = options
    self.log = log
  }

  /// Where the parallel loop leaves its results. Unchecked: every file slot is written by
  /// exactly one worker, the KANJIDIC2 slot by one other, and all are read after the loop.
  private final class ResultSlots: @unchecked Sendable {
    let files: UnsafeMutableBufferPointer<FileResult?>
    var kanjidic: Result<Kanjidic, Error>?
    var jmdict: Result<JMdict.Contents, Error>?

    init(count: Int) {
      files = .allocate(capacity: count)
      files.initialize(repeating: nil)
    }

    deinit {
      files.deinitialize()
      files.deallocate()
    }
  }

  private enum FileResult {
    case parsed(KanjiVGFile.Name, blob: [UInt8], strokes: Int)
    case failed(String)
  }

  public func run() throws -> Report {
    let started = Date()
    var report = Report()
    let source: KanjiVGSource
    do {
      source = try KanjiVGSource(path: options.kanjivg)
    } catch {
      throw ImportError(description: "\(error)")
    }
    let kanjidicBytes = try Self.readKanjidic(options.kanjidic)
    let kanjidicSHA = SHA256.hex(kanjidicBytes.compressed)

    // KANJIDIC2 is parsed while the SVG files are, one more job in the same parallel loop.
    let slots = ResultSlots(count: source.fileCount)
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let xml = kanjidicBytes.xml
    let jmdictPath = options.jmdict
    DispatchQueue.concurrentPerform(iterations: workers + 2) { worker in
      if worker == workers {
        slots.kanjidic = Result { try Kanjidic(xml: xml) }
        return
      }
      if worker == workers + 1 {
        slots.jmdict = Result { try jmdictPath.map { try JMdict(path: $0).read() } ?? .init() }
        return
      }
      for index in stride(from: worker, to: source.fileCount, by: workers) {
        slots.files[index] = Self.process(source, index)
      }
    }
    let results = slots.files
    let kanjidic: Kanjidic
    do {
      kanjidic = try slots.kanjidic!.get()
    } catch {
      throw ImportError(description: "\(options.kanjidic): \(error)")
    }

    let jmdict = try slots.jmdict!.get()

    var mains: [Unicode.Scalar: (blob: [UInt8], strokes: Int)] = [:]
    var variants: [Unicode.Scalar: [(name: String, blob: [UInt8])]] = [:]
    report.files = source.fileCount
    for index in 0..<source.fileCount {
      switch results[index]! {
      case .failed(let message):
        let line = "\(source.displayName(index)): \(message)"
        if options.strict { throw ImportError(description: line) }
        report.problems.append(line)
        log(line)
      case .parsed(let name, let blob, let strokes):
        if let variant = name.variant {
          report.variantFiles += 1
          variants[name.scalar, default: []].append((variant, blob))
        } else {
          report.mainFiles += 1
          mains[name.scalar] = (blob, strokes)
        }
      }
    }

    guard report.problems.count <= Self.maxBadFiles else {
      throw ImportError(
        description: "\(report.problems.count) of the \(source.fileCount) KanjiVG files in "
          + "\(options.kanjivg) are bad, more than the \(Self.maxBadFiles) an import skips; "
          + "\(options.output) is left as it was. The first: "
          + report.problems.prefix(3).joined(separator: "; "))
    }

    var entries: [Unicode.Scalar: Kanjidic.Entry] = [:]
    for entry in kanjidic.entries { entries[entry.literal.unicodeScalars.first!] = entry }
    report.kanjidicEntries = kanjidic.entries.count
    report.kanjidicWithoutStrokes = entries.keys.filter { mains[$0] == nil }.count

    var kept: [Unicode.Scalar] = []
    for scalar in mains.keys.sorted(by: { $0.value < $1.value }) {
      if let reason = Self.skipReason(scalar, inKanjidic: entries[scalar] != nil) {
        report.skipped[reason, default: 0] += 1
        report.skipped[reason + ", their variant files", default: 0] += variants[scalar]?.count ?? 0
        continue
      }
      kept.append(scalar)
      if entries[scalar] == nil { report.withoutKanjidic += 1 }
    }
    report.skipped = report.skipped.filter { $0.value > 0 }
    let orphans = variants.filter { mains[$0.key] == nil }.reduce(0) { $0 + $1.value.count }
    if orphans > 0 { report.skipped["variant files without a usable main file"] = orphans }
    report.keptCharacters = kept.count
    let keptSet = Set(kept)
    let words = Self.words(jmdict, kept: keptSet, report: &report)
    if options.strict, let first = jmdict.malformed.first { throw ImportError(description: first) }
    jmdict.malformed.forEach(log)

    let meta: [(String, String)] = [
      ("schema_version", String(Schema.version)),
      ("kanjivg_source", (options.kanjivg as NSString).lastPathComponent),
      ("kanjivg_sha256", source.sha256 ?? "(a folder: no checksum)"),
      ("kanjidic_source", (options.kanjidic as NSString).lastPathComponent),
      ("kanjidic_sha256", kanjidicSHA),
      ("kanjidic_database_version", kanjidic.databaseVersion),
      ("kanjidic_date_of_creation", kanjidic.dateOfCreation),
      ("characters", String(kept.count)),
      ("jmdict_source", options.jmdict.map { ($0 as NSString).lastPathComponent } ?? "(none)"),
      ("words", String(words.count)),
    ]
    // The other form of a kanji written either way by hand, kept as one of its variants.
    func handwritten(_ scalar: Unicode.Scalar) -> [(name: String, blob: [UInt8])] {
      guard let other = HandwrittenForms.otherForm(of: String(Character(scalar))),
        let otherScalar = other.unicodeScalars.first, keptSet.contains(otherScalar),
        let main = mains[otherScalar]
      else { return [] }
      return [(HandwrittenForms.variantName, main.blob)]
    }
    try AtomicDatabaseWriter(path: options.output, log: log).write { db in
      try db.execute(Schema.create)
      let insertMeta = try db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
      for (key, value) in meta {
        insertMeta.reset()
        try insertMeta.bind([.text(key), .text(value)])
        try insertMeta.step()
      }
      let insertKanji = try db.prepare(
        """
        INSERT INTO kanji(codepoint, character, strokes, kanjivg_strokes, in_kanjidic, grade, jlpt,
          frequency, stroke_count, radical, meanings, other_meanings, onyomi, kunyomi, nanori)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      let insertVariant = try db.prepare(
        "INSERT INTO variant(codepoint, name, strokes) VALUES (?, ?, ?)")
      func optional(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
      for scalar in kept {
        let main = mains[scalar]!
        let entry = entries[scalar]
        insertKanji.reset()
        try insertKanji.bind([
          .integer(Int64(scalar.value)), .text(String(Character(scalar))), .blob(main.blob),
          .integer(Int64(main.strokes)), .integer(entry == nil ? 0 : 1), optional(entry?.grade),
          optional(entry?.jlpt), optional(entry?.frequency), optional(entry?.strokeCount),
          optional(entry?.radical), .text(TextList.join(entry?.meanings ?? [])),
          .text(TextList.join(entry?.otherMeanings ?? [:])),
          .text(TextList.join(entry?.onyomi ?? [])), .text(TextList.join(entry?.kunyomi ?? [])),
          .text(TextList.join(entry?.nanori ?? [])),
        ])
        try insertKanji.step()
        for variant in variants[scalar] ?? [] {
          insertVariant.reset()
          try insertVariant.bind([
            .integer(Int64(scalar.value)), .text(variant.name), .blob(variant.blob),
          ])
          try insertVariant.step()
          report.keptVariants += 1
        }
        for form in handwritten(scalar) {
          insertVariant.reset()
          try insertVariant.bind([
            .integer(Int64(scalar.value)), .text(form.name), .blob(form.blob),
          ])
          try insertVariant.step()
          report.handwrittenForms += 1
        }
      }
      let insertWord = try db.prepare(
        "INSERT INTO word(id, written, readings, meanings, jmdict_entry) VALUES (?, ?, ?, ?, ?)")
      let insertWordKanji = try db.prepare(
        "INSERT INTO word_kanji(codepoint, word) VALUES (?, ?)")
      for (word, entry) in words {
        insertWord.reset()
        try insertWord.bind([
          .integer(Int64(word.rank)), .text(word.written), .text(TextList.join(word.readings)),
          .text(TextList.join(word.meanings)), .integer(entry),
        ])
        try insertWord.step()
        for kanji in word.kanji {
          insertWordKanji.reset()
          try insertWordKanji.bind([
            .integer(Int64(kanji.unicodeScalars.first!.value)), .integer(Int64(word.rank)),
          ])
          try insertWordKanji.step()
        }
      }
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: options.output)
    report.databaseBytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    report.seconds = Date().timeIntervalSince(started)
    return report
  }

  /// The common forms whose characters are kana, 々 and kanji of the database, with at least one
  /// kanji; ranked by frequency score, then by JMdict's entry order.
  private static func words(
    _ jmdict: JMdict.Contents, kept: Set<Unicode.Scalar>, report: inout Report
  ) -> [(word: Word, entry: Int64)] {
    report.jmdictForms = jmdict.forms.count + jmdict.withoutReading + jmdict.withoutGloss
    report.formsWithoutReading = jmdict.withoutReading
    report.formsWithoutGloss = jmdict.withoutGloss
    report.malformedJMdictRows = jmdict.malformed
    let iterationMark: Unicode.Scalar = "\u{3005}"
    var accepted: [(form: JMdict.CommonForm, kanji: [String])] = []
    for form in jmdict.forms {
      let scalars = form.written.unicodeScalars
      guard
        scalars.allSatisfy({ Word.isKana($0) || $0 == iterationMark || kept.contains($0) }),
        scalars.contains(where: { $0 != iterationMark && kept.contains($0) })
      else {
        report.wordsWithOtherCharacters += 1
        continue
      }
      var seen = Set<Unicode.Scalar>()
      let kanji = scalars.filter { $0 != iterationMark && kept.contains($0) }
        .filter { seen.insert($0).inserted }.map { String(Character($0)) }
      accepted.append((form, kanji))
    }
    accepted.sort { ($0.form.score, $0.form.entry) < ($1.form.score, $1.form.entry) }
    report.words = accepted.count
    return accepted.enumerated().map { index, accepted in
      let form = accepted.form
      return (
        Word(
          written: form.written, readings: form.readings, meanings: form.meanings,
          rank: index + 1, kanji: accepted.kanji),
        form.entry
      )
    }
  }

  private static func process(_ source: KanjiVGSource, _ index: Int) -> FileResult {
    guard let name = KanjiVGFile.Name(fileName: source.name(index)) else {
      return .failed("the file name is not <hex code point>[-variant].svg")
    }
    do {
      let file = try KanjiVGFile(bytes: try source.contents(index))
      return .parsed(
        name, blob: try StrokeCodec.encode(file.strokeSet()), strokes: file.paths.count)
    } catch {
      return .failed("\(error)")
    }
  }

  /// KANJIDIC2's XML, gunzipped when the name ends in .gz, and the file's own bytes for
  /// the checksum.
  private static func readKanjidic(_ path: String) throws -> (compressed: [UInt8], xml: [UInt8]) {
    let bytes: [UInt8]
    do {
      bytes = try readFile(path, limit: maxKanjidicBytes)
    } catch {
      throw ImportError(description: "\(error)")
    }
    guard path.hasSuffix(".gz") else { return (bytes, bytes) }
    do {
      let xml = try bytes.withUnsafeBytes {
        try Inflate.decompress(
          $0, format: .gzip, sizeHint: bytes.count * 12, limit: maxKanjidicBytes)
      }
      return (bytes, xml)
    } catch {
      throw ImportError(description: "\(path): \(error)")
    }
  }
}

import Foundation
import SQLite
import TestSupport
import Testing

/// `known anki:PATH` on collections built here: schema 11 (decks as JSON in `col`) and schema 18
/// (a `decks` table, levels separated by U+001F), with mature, young and suspended cards.
@Suite(.timeLimit(.minutes(2))) struct AnkiKnownEndToEndTests {
  /// One note and its cards: (deck id, interval in days, queue).
  struct Note {
    var fields: [String]
    var cards: [(deck: Int64, interval: Int, queue: Int)]
  }

  static let japanese: Int64 = 100
  static let kanjiDeck: Int64 = 101
  static let vocabulary: Int64 = 102
  static let other: Int64 = 200

  /// Mature in Japanese and its subdecks: 日 本 (in HTML), 大 学 行 前 (in a longer field, beside
  /// an image whose name has 火), 時 々, and kana only. Mature in Other: 海, and 𠀋, which the
  /// reference database lacks. Young, learning or suspended only: 山 (20 days), 川, 水.
  static let notes: [Note] = [
    Note(fields: ["<b>日</b>本", "にほん"], cards: [(kanjiDeck, 30, 2)]),
    Note(fields: ["大学に行く前に", "<img src=\"火.png\">"], cards: [(vocabulary, 21, 2)]),
    Note(fields: ["時々", "ときどき"], cards: [(japanese, 400, 2), (japanese, 1, 1)]),
    Note(fields: ["ひらがな", "カタカナ"], cards: [(kanjiDeck, 100, 2)]),
    Note(fields: ["海", "うみ"], cards: [(other, 60, 2)]),
    Note(fields: ["𠀋", ""], cards: [(other, 50, 2)]),
    Note(fields: ["山", "やま"], cards: [(kanjiDeck, 20, 2)]),
    Note(fields: ["川", "かわ"], cards: [(kanjiDeck, -600, 1)]),
    Note(fields: ["水", "みず"], cards: [(kanjiDeck, 90, -1)]),
  ]

  static let mature: Set<String> = ["日", "本", "大", "学", "行", "前", "時", "々", "海"]

  /// Writes a collection with `schema` (11 keeps decks in `col.decks`, later ones in a table).
  static func makeCollection(at path: String, schema: Int = 18, notes: [Note] = notes) throws {
    let db = try Database(path: path)
    let names: [Int64: [String]] = [
      japanese: ["Japanese"], kanjiDeck: ["Japanese", "Kanji"],
      vocabulary: ["Japanese", "Vocabulary"], other: ["Other"],
    ]
    try db.execute(
      """
      CREATE TABLE col (id INTEGER PRIMARY KEY, crt INTEGER, mod INTEGER, scm INTEGER,
        ver INTEGER, dty INTEGER, usn INTEGER, ls INTEGER, conf TEXT, models TEXT, decks TEXT,
        dconf TEXT, tags TEXT);
      CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, mod INTEGER,
        usn INTEGER, tags TEXT, flds TEXT, sfld TEXT, csum INTEGER, flags INTEGER, data TEXT);
      CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER, ord INTEGER,
        mod INTEGER, usn INTEGER, type INTEGER, queue INTEGER, due INTEGER, ivl INTEGER,
        factor INTEGER, reps INTEGER, lapses INTEGER, left INTEGER, odue INTEGER, odid INTEGER,
        flags INTEGER, data TEXT);
      """)
    var decksJSON = "{}"
    if schema < 15 {
      let decks = names.map { id, levels in
        "\"\(id)\": {\"id\": \(id), \"name\": \"\(levels.joined(separator: "::"))\"}"
      }
      decksJSON = "{" + decks.joined(separator: ", ") + "}"
    } else {
      try db.execute("CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT, common BLOB)")
      for (id, levels) in names {
        try db.run(
          "INSERT INTO decks(id, name) VALUES (?, ?)",
          [.integer(id), .text(levels.joined(separator: "\u{1f}"))])
      }
    }
    try db.run(
      "INSERT INTO col(id, ver, decks, models, conf, dconf, tags) VALUES (1, ?, ?, '{}', '{}', '{}', '{}')",
      [.integer(Int64(schema)), .text(decksJSON)])
    var cardID: Int64 = 1
    for (index, note) in notes.enumerated() {
      let noteID = Int64(index + 1)
      try db.run(
        "INSERT INTO notes(id, flds, sfld) VALUES (?, ?, ?)",
        [.integer(noteID), .text(note.fields.joined(separator: "\u{1f}")), .text(note.fields[0])])
      for card in note.cards {
        try db.run(
          "INSERT INTO cards(id, nid, did, odid, ivl, queue) VALUES (?, ?, ?, 0, ?, ?)",
          [
            .integer(cardID), .integer(noteID), .integer(card.deck),
            .integer(Int64(card.interval)), .integer(Int64(card.queue)),
          ])
        cardID += 1
      }
    }
  }

  let runner: ProgressHomeRunner
  let folder: TemporaryFolder

  init() throws {
    try Repository.requireReferenceDatabase()
    runner = try ProgressHomeRunner()
    folder = try TemporaryFolder()
  }

  func known() throws -> Set<String> {
    let listed = try runner.run("known", "--json")
    let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))
    return Set((object as? [String: Any])?["known"] as? [String] ?? [])
  }

  /// A run that must be refused: exit 2, the message, and no store created.
  func expectRefused(_ arguments: [String], _ message: String) throws {
    let fresh = try ProgressHomeRunner()
    let result = try fresh.run(["known"] + arguments)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("kanji-write: "), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: fresh.database))
  }

  @Test(arguments: [11, 18]) func addsExactlyTheMatureKanjiOnce(schema: Int) throws {
    let collection = folder.file("collection.anki2")
    try Self.makeCollection(at: collection, schema: schema)
    let first = try runner.run("known", "anki:" + collection)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("Skipped 1 kanji not in the reference database: 𠀋"))
    #expect(
      first.stdout.contains(
        "Added 9 kanji from 6 mature notes (Anki schema \(schema)); the known set now has 9."))
    #expect(try known() == Self.mature)
    let again = try runner.run("known", "anki:" + collection)
    #expect(
      again.stdout.contains(
        "Added 0 kanji from 6 mature notes (Anki schema \(schema)); the known set now has 9."))
  }

  @Test(arguments: [11, 18]) func deckTakesItsSubdecks(schema: Int) throws {
    let collection = folder.file("collection.anki2")
    try Self.makeCollection(at: collection, schema: schema)
    let japanese = try runner.run("known", "anki:" + collection, "--deck", "Japanese")
    #expect(japanese.stdout.contains("Added 8 kanji from 4 mature notes"), "\(japanese.stderr)")
    #expect(try known() == Self.mature.subtracting(["海"]))

    let other = try ProgressHomeRunner()
    let kanji = try other.run("known", "anki:" + collection, "--deck", "japanese::kanji")
    #expect(kanji.stdout.contains("Added 2 kanji from 2 mature notes"), "\(kanji.stderr)")

    try expectRefused(
      ["anki:" + collection, "--deck", "Japanese::Grammar"],
      "no deck named \"Japanese::Grammar\"")
  }

  @Test func minIntervalChangesWhatIsMature() throws {
    let collection = folder.file("collection.anki2")
    try Self.makeCollection(at: collection)
    let result = try runner.run("known", "anki:" + collection, "--min-interval", "20")
    #expect(result.stdout.contains("Added 10 kanji from 7 mature notes"), "\(result.stderr)")
    #expect(try known() == Self.mature.union(["山"]))
  }

  @Test func dryRunGroupsByLevelAndAddsNothing() throws {
    let collection = folder.file("collection.anki2")
    try Self.makeCollection(at: collection)
    let fresh = try runner.run("known", "anki:" + collection, "--dry-run")
    #expect(fresh.status == 0, "\(fresh.stderr)")
    #expect(
      fresh.stdout.contains(
        """
        Would add 9 kanji from 6 mature notes (Anki schema 18); the known set has 0:
        N5 (7): 日本大学行前時
        N4 (1): 海
        no JLPT level (1): 々
        """))
    #expect(!FileManager.default.fileExists(atPath: runner.database))

    #expect(try runner.run("known", "日本").status == 0)
    let later = try runner.run("known", "anki:" + collection, "--dry-run")
    #expect(later.stdout.contains("Would add 7 kanji from 6 mature notes"))
    #expect(later.stdout.contains("N5 (5): 大学行前時\n"))
    #expect(try known() == ["日", "本"])
  }

  /// Anki holds its collection open in WAL mode: committed changes still in the -wal file count,
  /// and a write transaction in progress neither blocks the import nor shows in it.
  @Test func readsASnapshotOfACollectionBeingWritten() throws {
    let collection = folder.file("collection.anki2")
    try Self.makeCollection(at: collection)
    let anki = try Database(path: collection)
    try anki.execute("PRAGMA journal_mode = WAL")
    try anki.execute(
      """
      INSERT INTO notes(id, flds, sfld) VALUES (100, '火'||char(31)||'ひ', '火');
      INSERT INTO cards(id, nid, did, odid, ivl, queue) VALUES (100, 100, 101, 0, 40, 2);
      BEGIN IMMEDIATE;
      INSERT INTO notes(id, flds, sfld) VALUES (101, '雨'||char(31)||'あめ', '雨');
      INSERT INTO cards(id, nid, did, odid, ivl, queue) VALUES (101, 101, 101, 0, 40, 2);
      """)
    #expect(FileManager.default.fileExists(atPath: collection + "-wal"))
    let result = try runner.run("known", "anki:" + collection)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Added 10 kanji from 7 mature notes"))
    #expect(try known() == Self.mature.union(["火"]))
    try anki.execute("COMMIT")
  }

  @Test func refusesWhatIsNotAReadableCollection() throws {
    let plain = folder.file("plain.sqlite")
    try Database(path: plain).execute("CREATE TABLE words (text TEXT)")
    try expectRefused(
      ["anki:" + plain],
      "\(plain) is not an Anki collection (it has no col, notes and cards tables)")

    let newer = folder.file("newer.anki2")
    try Self.makeCollection(at: newer, schema: 19)
    try expectRefused(
      ["anki:" + newer],
      "\(newer) was written by a newer Anki (schema 19; this kanji-write reads up to 18)")

    let garbage = folder.file("garbage.anki2")
    try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
    try expectRefused(["anki:" + garbage], "\(garbage) is not an Anki collection, or it is damaged")

    try expectRefused(["anki:" + folder.file("missing.anki2")], "no Anki collection at")
  }
}

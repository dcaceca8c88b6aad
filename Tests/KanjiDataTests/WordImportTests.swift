import Foundation
import SQLite
import TestSupport
import Testing

@testable import KanjiData

/// A small database in jamdict's layout (only the tables the importer reads).
private struct JMdictFixture {
  let path: String
  let db: Database

  init(in fixtures: Fixtures) throws {
    path = fixtures.folder.appendingPathComponent("jamdict.db").path
    db = try Database(path: path)
    try db.execute(
      """
      CREATE TABLE Kanji(ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
      CREATE TABLE KJP(kid INTEGER, text TEXT);
      CREATE TABLE Kana(ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
      CREATE TABLE KNP(kid INTEGER, text TEXT);
      CREATE TABLE KNR(kid INTEGER, text TEXT);
      CREATE TABLE Sense(ID INTEGER PRIMARY KEY, idseq INTEGER);
      CREATE TABLE SenseGloss(sid INTEGER, lang TEXT, gend TEXT, text TEXT);
      CREATE TABLE stagk(sid INTEGER, text TEXT);
      """)
  }

  func written(_ id: Int, entry: Int, _ text: String?, tags: [String]) throws {
    try db.run(
      "INSERT INTO Kanji VALUES (?, ?, ?)",
      [.integer(Int64(id)), .integer(Int64(entry)), text.map { .text($0) } ?? .null])
    for tag in tags {
      try db.run("INSERT INTO KJP VALUES (?, ?)", [.integer(Int64(id)), .text(tag)])
    }
  }

  func reading(
    _ id: Int, entry: Int, _ text: String, nokanji: Bool = false, common: Bool = false,
    onlyFor: [String] = []
  ) throws {
    try db.run(
      "INSERT INTO Kana VALUES (?, ?, ?, ?)",
      [.integer(Int64(id)), .integer(Int64(entry)), .text(text), .integer(nokanji ? 1 : 0)])
    if common { try db.run("INSERT INTO KNP VALUES (?, 'ichi1')", [.integer(Int64(id))]) }
    for form in onlyFor {
      try db.run("INSERT INTO KNR VALUES (?, ?)", [.integer(Int64(id)), .text(form)])
    }
  }

  func sense(_ id: Int, entry: Int, _ glosses: [String], onlyFor: [String] = []) throws {
    try db.run("INSERT INTO Sense VALUES (?, ?)", [.integer(Int64(id)), .integer(Int64(entry))])
    for gloss in glosses {
      try db.run(
        "INSERT INTO SenseGloss VALUES (?, 'eng', '', ?)", [.integer(Int64(id)), .text(gloss)])
    }
    try db.run("INSERT INTO SenseGloss VALUES (?, 'ger', '', 'eins')", [.integer(Int64(id))])
    for form in onlyFor {
      try db.run("INSERT INTO stagk VALUES (?, ?)", [.integer(Int64(id)), .text(form)])
    }
  }
}

@Suite struct WordImportTests {
  /// 一 and 二 are the fixture's kanji: words of them are kept, others are not.
  @Test func keepsCommonWordsOfTheDatabasesKanjiByTheStatedRule() throws {
    let fixtures = try Fixtures()
    let kanjidic = try fixtures.standardSet()
    let jmdict = try JMdictFixture(in: fixtures)
    // 一つ / 一 share an entry; ひとつ is restricted to 一つ, いち to 一.
    try jmdict.written(1, entry: 100, "一つ", tags: ["nf05", "news1"])
    try jmdict.written(2, entry: 100, "一", tags: ["ichi1"])
    try jmdict.reading(1, entry: 100, "ひとつ", onlyFor: ["一つ"])
    try jmdict.reading(2, entry: 100, "いち", common: true, onlyFor: ["一"])
    try jmdict.reading(3, entry: 100, "ひと", nokanji: true)
    try jmdict.sense(1, entry: 100, ["one", "1"])
    try jmdict.sense(2, entry: 100, ["one thing"], onlyFor: ["一つ"])
    // Common only by nf01, with the iteration mark.
    try jmdict.written(3, entry: 200, "二々", tags: ["nf01"])
    try jmdict.reading(4, entry: 200, "ふたふた")
    try jmdict.sense(3, entry: 200, ["two by two"])
    // Not common; a kanji outside the database; kana only; a malformed row.
    try jmdict.written(4, entry: 300, "二人", tags: ["ichi2", "nf30"])
    try jmdict.written(5, entry: 400, "一三", tags: ["ichi1"])
    try jmdict.written(6, entry: 500, "ひと", tags: ["spec1"])
    try jmdict.written(7, entry: 600, nil, tags: ["news1"])
    for entry in [300, 400, 500] {
      try jmdict.reading(10 + entry, entry: entry, "ふたり")
      try jmdict.sense(10 + entry, entry: entry, ["x"])
    }

    var logged: [String] = []
    let report = try Importer(
      options: .init(
        kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database,
        jmdict: jmdict.path),
      log: { logged.append($0) }
    ).run()
    #expect(report.jmdictForms == 5 && report.words == 3)
    #expect(report.wordsWithOtherCharacters == 2)
    #expect(report.malformedJMdictRows.count == 1)
    #expect(report.malformedJMdictRows[0].contains("Kanji row 7 (entry 600)"))
    #expect(logged == report.malformedJMdictRows)
    #expect(report.lines.contains { $0.hasPrefix("JMdict: 5 common written forms; kept 3 words") })
    #expect(report.lines.contains("  skipped 1 malformed rows (listed above)"))

    let db = try ReferenceDatabase(path: fixtures.database)
    let words = try db.mostFrequentWords(limit: 10)
    #expect(words.map(\.written) == ["二々", "一つ", "一"])
    #expect(words.map(\.rank) == [1, 2, 3])
    #expect(words[0].kanji == ["二"] && words[0].readings == ["ふたふた"])
    let hitotsu = try #require(try db.words(written: "一つ").first)
    #expect(hitotsu.readings == ["ひとつ"])
    #expect(hitotsu.meanings == ["one; 1", "one thing"])
    #expect(hitotsu.kanji == ["一"])
    let ichi = try #require(try db.words(written: "一").first)
    #expect(ichi.readings == ["いち"] && ichi.meanings == ["one; 1"])
    #expect(try db.words(containing: "一", limit: 10).map(\.written) == ["一つ", "一"])
  }
}

@Suite struct RealWordTests {
  @Test func benkyouIsStudy() throws {
    let db = try RealData.openDatabase()
    let word = try #require(try db.words(written: "勉強").first)
    #expect(word.readings.first == "べんきょう")
    #expect(word.meanings.first?.split(separator: ";").contains("study") == true)
    #expect(word.kanji == ["勉", "強"])
    #expect(try db.words(containing: "強", limit: 10).contains { $0.written == "勉強" })
  }

  @Test func everyStoredWordsKanjiAreInTheDatabase() throws {
    let db = try RealData.openDatabase()
    let words = try db.allWords()
    #expect(words.count > 15_000)
    var missing = Set<String>()
    for word in words {
      #expect(!word.kanji.isEmpty && !word.readings.isEmpty && !word.meanings.isEmpty)
      for character in word.writtenCharacters where try db.strokes(character) == nil {
        missing.insert(character)
      }
    }
    #expect(missing.isEmpty, "not in the database: \(missing.sorted())")
  }

  /// JMdict restricts ひきこす to 引越す and 引き越す, and は to 羽: 引っ越す and 羽根 do not get them.
  @Test func readingRestrictionsAreRespected() throws {
    let db = try RealData.openDatabase()
    let hikkosu = try #require(try db.words(written: "引っ越す").first)
    #expect(hikkosu.readings.contains("ひっこす") && !hikkosu.readings.contains("ひきこす"))
    let hane = try #require(try db.words(written: "羽根").first)
    #expect(hane.readings.contains("はね") && !hane.readings.contains("は"))
  }
}

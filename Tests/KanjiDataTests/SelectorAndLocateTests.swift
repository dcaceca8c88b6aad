import Foundation
import Testing

@testable import KanjiData

@Suite struct SelectorAndLocateTests {
  @Test(arguments: [
    ("jlpt:N5", KanjiSelector.jlpt(5)),
    ("JLPT:n1", .jlpt(1)),
    ("jlpt:3", .jlpt(3)),
    ("grade:1", .grade(1)),
    ("grade:8", .grade(8)),
    ("joyo", .joyo),
    ("Jōyō", .joyo),
    ("freq:500", .frequency(500)),
    ("frequency:20", .frequency(20)),
    ("file:/tmp/My List.txt", .file("/tmp/My List.txt")),
    ("学校", .literal(["学", "校"])),
    ("kanji:々 一", .literal(["々", "一"])),
  ])
  func parsesSelectors(text: String, expected: KanjiSelector) throws {
    #expect(try KanjiSelector(parsing: text) == expected)
  }

  @Test(arguments: ["jlpt:N6", "grade:7", "freq:0", "freq:x", "file:", "hello", "がっこう", ""])
  func rejectsUnknownSelectors(text: String) {
    #expect(throws: KanjiSelector.ParseError.self) { try KanjiSelector(parsing: text) }
  }

  @Test func selectsFromAFileAndNamesUnknownKanji() throws {
    let fixtures = try Fixtures()
    let kanjidic = try fixtures.standardSet()
    _ = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    let db = try ReferenceDatabase(path: fixtures.database)
    let list = try fixtures.write("# my list\n二と一、二\n", to: "list.txt")
    #expect(try db.characters(matching: .file(list)) == ["二", "一"])
    let unknown = try fixtures.write("一三\n", to: "unknown.txt")
    #expect {
      try db.characters(matching: .file(unknown))
    } throws: { "\($0)".contains(unknown) && "\($0)".contains("三") }
    #expect(throws: ReferenceDataError.self) {
      try db.characters(matching: .file(fixtures.folder.appendingPathComponent("none").path))
    }
  }

  @Test func locateAndOpenExplainWhatIsWrong() throws {
    let fixtures = try Fixtures()
    let missing = fixtures.folder.appendingPathComponent("missing.sqlite").path
    #expect {
      try ReferenceDatabase.locate(explicit: missing)
    } throws: { "\($0)".contains(missing) && "\($0)".contains("--data") }
    let garbage = try fixtures.write("not a database at all, just some text", to: "bad.sqlite")
    #expect(try ReferenceDatabase.locate(explicit: garbage) == garbage)
    #expect {
      try ReferenceDatabase(path: garbage)
    } throws: { "\($0)".contains(garbage) && "\($0)".contains("make data") }
    #expect(ReferenceDatabase.sourceTreeDatabase.hasSuffix("/Data/kanji.sqlite"))
  }
}

import Foundation
import KanjiData
import TestSupport
import Testing

/// `kanji-write word` and `info --json`'s words through the built binary, on `Data/kanji.sqlite`.
@Suite struct WordCommandTests {
  func run(_ arguments: [String]) throws -> ChildProcess.Output {
    try Repository.requireReferenceDatabase()
    var environment = ProcessInfo.processInfo.environment
    environment["KANJI_WRITE_DATA"] = nil
    return try BuiltBinary.run(arguments, environment: environment)
  }

  func object(_ output: ChildProcess.Output) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
  }

  @Test func showsAWordsReadingsMeaningsAndKanji() throws {
    let text = try run(["word", "勉強"])
    #expect(text.status == 0)
    for expected in ["べんきょう", "1. study", "勉  exertion", "強  strong"] {
      #expect(text.stdout.contains(expected), "missing \(expected)")
    }
    let json = try object(try run(["word", "勉強", "--json"]))
    #expect(json["word"] as? String == "勉強")
    let entries = try #require(json["entries"] as? [[String: Any]])
    #expect(entries.first?["readings"] as? [String] == ["べんきょう"])
    let kanji = try #require(json["kanji"] as? [[String: Any]])
    #expect(kanji.map { $0["kanji"] as? String } == ["勉", "強"])
  }

  @Test func aWordOfTwoEntriesShowsBoth() throws {
    let json = try object(try run(["word", "力", "--json"]))
    let entries = try #require(json["entries"] as? [[String: Any]])
    #expect(entries.compactMap { ($0["readings"] as? [String])?.first } == ["ちから", "りょく"])
  }

  @Test func anUnknownWordIsRefused() throws {
    let result = try run(["word", "強勉"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("強勉 is not among the common words"))
  }

  @Test func infoListsUpToTenWordsWithTheKanji() throws {
    let json = try object(try run(["info", "強", "--json"]))
    let words = try #require(json["words"] as? [[String: Any]])
    #expect(words.count == 10)
    #expect(words.allSatisfy { ($0["word"] as? String)?.contains("強") == true })
    let study = try #require(words.first { $0["word"] as? String == "勉強" })
    #expect(study["reading"] as? String == "べんきょう")
    #expect((study["meanings"] as? [String])?.first == "study")
  }
}

/// `kanji-write add --words` through the built binary.
@Suite struct AddWordsTests {
  func added(_ output: ChildProcess.Output) throws -> [String: [String]] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [String]])
  }

  @Test func addsTheWordsNamedAndNamesTheOthers() throws {
    try Repository.requireReferenceDatabase()
    let runner = try ProgressHomeRunner()
    let first = try added(try runner.run("add", "--words", "勉強", "強勉", "食べる", "--json"))
    #expect(first == ["added": ["勉強", "食べる"], "skipped": [], "unknown": ["強勉"]])
    let again = try added(try runner.run("add", "--words", "勉強", "--json"))
    #expect(again["skipped"] == ["勉強"] && again["added"] == [])
    let refused = try runner.run("add", "--words", "強勉")
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("not among the common words: 強勉"))
    #expect(try runner.run("add", "--words", "学校").stdout == "Added 1 word: 学校\n")
  }

  /// `review --kanji 勉強` answers the word card; a kanji of it is not in the deck.
  @Test func aWordIsReviewedAsItIsWritten() throws {
    try Repository.requireReferenceDatabase()
    let runner = try ProgressHomeRunner()
    #expect(try runner.run("add", "--words", "勉強").status == 0)
    let reviewed = try runner.run("review", "--kanji", "勉強", "--rating", "good")
    #expect(reviewed.status == 0)
    #expect(reviewed.stdout.hasPrefix("勉強 (word)  learning"))
    let json = try runner.run("review", "--kanji", "勉強", "--rating", "good", "--json")
    #expect(json.stdout.contains(#""kanji":"word:勉強""#))
    #expect(try runner.run("review", "--kanji", "勉", "--rating", "good").status == 2)
  }

  @Test func theMostFrequentWordsAndAJLPTLevelsWords() throws {
    let db = try ReferenceDatabase(path: Repository.requireReferenceDatabase())
    let runner = try ProgressHomeRunner()
    let frequent = try added(try runner.run("add", "--words", "freq:5", "--json"))
    #expect(try frequent["added"] == db.mostFrequentWords(limit: 5).map(\.written))
    let level = try added(try ProgressHomeRunner().run("add", "--words", "jlpt:N5", "--json"))
    let n5 = Set(try db.characters(matching: .jlpt(5)))
    let words = try #require(level["added"])
    #expect(words.count > 100 && words.contains("学校"))
    for written in words {
      let kanji = try #require(try db.words(written: written).first).kanji
      #expect(kanji.allSatisfy(n5.contains), "\(written)")
    }
  }
}

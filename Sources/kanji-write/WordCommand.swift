import ArgumentParser
import Foundation
import KanjiData

/// `kanji-write word 勉強`: a common word's readings and meanings, and its kanji.
struct WordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "word",
    abstract: "Show a common word's readings, meanings and kanji (from JMdict).",
    discussion: """
      The words are JMdict's common words whose kanji the reference database has. A written \
      form of two entries (力: ちから, りょく) shows both, the more frequent first. \
      JMdict is the property of the EDRDG, used under CC BY-SA 4.0.
      """)

  @OptionGroup var data: DataOption

  @Argument(help: "The word as written, e.g. 勉強 or 食べる.")
  var word: String

  @Flag(name: .long, help: "Print one JSON object instead.")
  var json = false

  func run() throws {
    let written = word.trimmingCharacters(in: .whitespacesAndNewlines)
    let db = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
    let entries = try db.words(written: written)
    guard let first = entries.first else {
      throw CLIError(
        "\(written) is not among the common words of the reference database "
          + "(JMdict's common words written with its kanji)")
    }
    let kanji = try first.kanji.compactMap { try db.kanji($0) }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(WordJSON(written: written, entries: entries, kanji: kanji))
      print(String(decoding: data, as: UTF8.self))
      return
    }
    print(written)
    for entry in entries {
      print("  " + entry.readings.joined(separator: "、") + "   (#\(entry.rank) by frequency)")
      for (number, meaning) in entry.meanings.enumerated() {
        print("    \(number + 1). \(meaning)")
      }
    }
    for character in kanji {
      print("  \(character.character)  " + character.meanings.joined(separator: ", "))
    }
  }
}

/// `word --json`: the written form, its entries and its kanji.
struct WordJSON: Encodable {
  struct Entry: Encodable {
    let readings: [String]
    let meanings: [String]
    let rank: Int
  }

  struct KanjiEntry: Encodable {
    let kanji: String
    let meanings: [String]
    let onyomi: [String]
    let kunyomi: [String]
  }

  let word: String
  let entries: [Entry]
  let kanji: [KanjiEntry]

  init(written: String, entries: [Word], kanji: [Kanji]) {
    word = written
    self.entries = entries.map {
      Entry(readings: $0.readings, meanings: $0.meanings, rank: $0.rank)
    }
    self.kanji = kanji.map {
      KanjiEntry(
        kanji: $0.character, meanings: $0.meanings, onyomi: $0.onyomi, kunyomi: $0.kunyomi)
    }
  }
}

/// A word in `info --json`'s `words`.
struct InfoWordJSON: Encodable, Equatable {
  let word: String
  let reading: String
  let meanings: [String]

  init(_ word: Word) {
    self.word = word.written
    reading = word.readings.first ?? ""
    meanings = word.meanings
  }
}

import App
import ArgumentParser
import Foundation
import KanjiData
import Progress
import ProgressRecords

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add kanji to your deck, skipping those already there and reporting unknown ones.",
    discussion: """
      Selectors: jlpt:N5 ... jlpt:N1, grade:1 ... grade:10, joyo, freq:500, file:PATH (every kanji \
      in a UTF-8 text file, lines starting with # skipped), or the kanji themselves (学校先生).
      With --words, adds word cards instead: the words themselves (勉強 学校 食べる), freq:N (the \
      N most frequent common words) or jlpt:N4 (the common words with a kanji of that level and \
      the others of that level or easier).
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Argument(help: "What to add (several allowed).")
  var selectors: [String] = []

  @Flag(name: .long, help: "Add words (written kanji by kanji) instead of kanji.")
  var words = false

  @Flag(help: "Print {added, skipped, unknown} as JSON.")
  var json = false

  struct Report: Encodable {
    var added: [String]
    var skipped: [String]
    var unknown: [String]
  }

  func run() throws {
    guard !selectors.isEmpty else {
      throw CLIError(
        words
          ? "name the words to add: the words themselves (勉強 学校), freq:100 or jlpt:N5"
          : "name what to add: jlpt:N5, grade:1, joyo, freq:500, file:PATH or kanji")
    }
    let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
    var wanted: [String] = []
    var unknown: [String] = []
    if words {
      for selector in selectors {
        let found = try WordSelection.words(selector, reference: reference)
        wanted += found.known.map(CardKey.word)
        unknown += found.unknown
      }
    } else {
      for selector in try selectors.map(DeckSelection.selector) {
        let selection = try DeckSelection(selector, reference: reference)
        wanted += selection.known
        unknown += selection.skipped
      }
    }
    var seen = Set<String>()
    wanted = wanted.filter { seen.insert($0).inserted }
    var unknownSeen = Set<String>()
    unknown = unknown.filter { unknownSeen.insert($0).inserted }
    // Refused before the store is opened, so that a command that adds nothing creates nothing.
    if wanted.isEmpty && !unknown.isEmpty {
      if json { print(try CLI.json(Report(added: [], skipped: [], unknown: unknown))) }
      throw CLIError(
        words
          ? "nothing added; not among the common words: \(unknown.joined(separator: " "))"
          : "nothing added; skipped \(DeckSelection.note(skipped: unknown))")
    }
    let store = try CLI.openStore(home)
    let result = try store.addCards(wanted, at: Date())
    let report = Report(
      added: result.added.map(CardKey.display), skipped: result.skipped.map(CardKey.display),
      unknown: unknown)
    if json {
      print(try CLI.json(report))
    } else {
      let noun = words ? (report.added.count == 1 ? "word" : "words") : "kanji"
      print("Added \(report.added.count) \(noun)\(Self.list(report.added))")
      if !report.skipped.isEmpty {
        print("Already in your deck: \(report.skipped.count)\(Self.list(report.skipped))")
      }
      if !report.unknown.isEmpty, words {
        print("Not among the common words: \(report.unknown.joined(separator: " "))")
      } else if !report.unknown.isEmpty {
        print("Skipped \(DeckSelection.note(skipped: report.unknown))")
      }
    }
  }

  static func list(_ kanji: [String]) -> String {
    let separator = kanji.contains { $0.count > 1 } ? " " : ", "
    guard !kanji.isEmpty else { return "" }
    let shown = kanji.prefix(40).joined(separator: separator)
    return ": " + shown + (kanji.count > 40 ? separator + "..." : "")
  }
}

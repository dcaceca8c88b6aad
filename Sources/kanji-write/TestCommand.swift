import App
import ArgumentParser
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import TerminalUI

/// `kanji-write test`: the ten-kanji self-test, and its history over the weeks.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Take the ten-kanji self-test, or see every test and the trend (--history).",
    discussion: """
      Ten kanji you can read (reviewed here, or declared with `kanji-write known`), those \
      tested longest ago first, asked by meaning and readings only. No hints and no feedback \
      until the end; Enter moves on and x says you cannot write it. A kanji counts when the \
      grader passes it in an accepted stroke order. The score is stored with its date, and \
      each answer goes to the scheduler as a review. With --words, ten words instead (your \
      reviewed word cards, then common words whose kanji you read), each kanji written in turn \
      from the word's reading and meaning; the score is the share of words written \
      completely, kept as its own trend (test --words --history).
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Flag(name: .long, help: "List every test with the trend over the weeks.")
  var history = false

  @Flag(name: .long, help: "With --history: print it as JSON.")
  var json = false

  @Flag(name: .long, help: "A self-test on ten words instead of ten kanji.")
  var words = false

  @Option(
    name: .long, parsing: .upToNextOption,
    help: "With --words: ask these words, in this order, instead of choosing ten.")
  var word: [String] = []

  @Option(name: .long, help: "Ask these kanji, in this order, instead of choosing ten.")
  var kanji: String?

  @Option(name: .long, help: "Seed for choosing the kanji (the same seed, the same choice).")
  var seed: UInt64?

  func validate() throws {
    if json && !history { throw CLIError("--json goes with --history") }
    if history && (kanji != nil || seed != nil || !word.isEmpty) {
      throw CLIError("--history cannot be combined with --kanji, --word or --seed")
    }
    if words && kanji != nil { throw CLIError("--kanji goes without --words (--word names words)") }
    if !word.isEmpty && !words { throw CLIError("--word goes with --words") }
    if let kanji, KanjiSelector.literalCharacters(kanji) == nil {
      throw CLIError("--kanji takes the kanji themselves, e.g. --kanji 一二三四五六七八九十")
    }
  }

  func run() throws {
    if history {
      let store = try ProgressStore.open(home: home.path, access: .readOnly)
      let tests = try store.selfTests(words: words)
      if json {
        print(try CLI.json(HistoryJSON(tests)))
      } else {
        for line in SelfTestHistoryReport(tests: tests.map(SelfTestScore.init)).lines {
          print(line)
        }
      }
      return
    }
    let context = try CLI.openApp(data: data, home: home)
    if words {
      let listed = word.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
      let unknown = try listed.filter { try context.reference.words(written: $0).isEmpty }
      guard unknown.isEmpty else {
        throw CLIError(
          "not among the common words of the reference database: \(unknown.joined(separator: " "))")
      }
      try App.run(
        .wordSelfTest(words: listed.isEmpty ? nil : listed, seed: seed), context: context,
        hasHome: false)
      return
    }
    let characters =
      try kanji.flatMap(KanjiSelector.literalCharacters)
      ?? SelfTestPicker().pick(store: context.store, seed: seed)
    guard characters.count == SelfTest.size || kanji != nil else {
      throw CLIError(SelfTestPicker.tooFew(characters.count))
    }
    for character in characters where try context.reference.kanji(character) == nil {
      throw CLIError("\(character) is not in the reference database")
    }
    try App.run(.selfTest(kanji: characters, seed: nil), context: context, hasHome: false)
  }
}

extension KanjiSelector {
  /// The characters of a selector that names kanji themselves; nil for any other selector.
  static func literalCharacters(_ text: String) -> [String]? {
    guard case .literal(let characters) = try? KanjiSelector(parsing: text) else { return nil }
    return characters
  }
}

/// `test --history --json`: every test, oldest first, and the change in percentage points.
struct HistoryJSON: Encodable {
  struct Test: Encodable {
    struct Item: Encodable {
      var kanji: String
      var produced: Bool
    }
    var date: String
    var score: Double
    var produced: Int
    var total: Int
    var items: [Item]
  }

  var tests: [Test]
  var changeSinceFirst: Double?
  var changeSinceLast: Double?

  init(_ records: [SelfTestRecord]) {
    tests = records.sorted { $0.time < $1.time }.map { record in
      let score = SelfTestScore(record)
      return Test(
        date: CLI.format(record.time), score: score.percent, produced: score.produced,
        total: score.kanji.count,
        items: record.items.map { Test.Item(kanji: $0.kanji, produced: $0.produced) })
    }
    let trend = SelfTestTrend(tests: records.map(SelfTestScore.init))
    changeSinceFirst = trend.changeSinceFirst
    changeSinceLast = trend.changeSinceLast
  }
}

import App
import ArgumentParser
import Foundation
import KanjiData
import Practice
import Progress

/// `kanji-write gap`: how many kanji the learner reads, how many they can probably write, and
/// the difference, from the known set, the reviewed kanji and the recent self-tests.
struct GapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gap",
    abstract: "Kanji you can read against kanji you can probably write, from your self-tests.",
    discussion: """
      The reading level is the known set with every reviewed kanji. Writing recall is the \
      share written completely over the last \(WritingGap.sampleKanji) tested kanji (or the \
      last \(WritingGap.sampleTests) tests if they hold fewer), with a 95% Wilson interval; \
      writable is the reading level times that share.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try CLI.openStore(home, access: .readOnly)
    let readable = try WritingGap.readable(store: store)
    let tests = try store.selfTests()
    let (gap, nextTest) = try WritingGap.load(store: store, tests: tests, readable: readable)
    if json {
      print(try CLI.json(GapJSON(gap)))
      return
    }
    let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
    var levels: [Int?: Int] = [:]
    for character in readable {
      let level = try reference.kanji(character).flatMap { try reference.jlptLevel(of: $0) }
      levels[level, default: 0] += 1
    }
    for line in gap.lines { print(line) }
    let byLevel =
      [5, 4, 3, 2, 1].map { "N\($0) \(levels[$0] ?? 0)" } + ["none \(levels[nil] ?? 0)"]
    print("Reading level by JLPT: " + byLevel.joined(separator: ", "))
    let now = Date()
    print("Next self-test: " + WritingGap.nextTestText(nextTest, now: now))
    let clock = try store.clock()
    let history = try GapHistory.load(
      store: store, readable: readable, tests: tests, now: now, clock: clock)
    let chart = history.chartLines(columns: 80, calendar: StatsReport.calendar(clock))
    if !chart.isEmpty {
      print("")
      for line in chart { print(line) }
    }
  }
}

/// `gap --json`: the figures as numbers; writingRecall, low, high and writable are null before
/// the first self-test.
struct GapJSON: Encodable {
  var readingLevel: Int
  var writingRecall: Double?
  var low: Double?
  var high: Double?
  var writable: Int?
  var gap: Int?
  var tests: Int
  var sampled: Int

  init(_ gap: WritingGap) {
    readingLevel = gap.readingLevel
    writingRecall = gap.recall?.share
    low = gap.recall?.low
    high = gap.recall?.high
    writable = gap.writable
    self.gap = gap.gap
    tests = gap.tests
    sampled = gap.sampled
  }

  enum CodingKeys: String, CodingKey {
    case readingLevel, writingRecall, low, high, writable, gap, tests, sampled
  }

  // Nil figures are written as null, not left out, so a reader sees every key.
  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(readingLevel, forKey: .readingLevel)
    try container.encode(writingRecall, forKey: .writingRecall)
    try container.encode(low, forKey: .low)
    try container.encode(high, forKey: .high)
    try container.encode(writable, forKey: .writable)
    try container.encode(gap, forKey: .gap)
    try container.encode(tests, forKey: .tests)
    try container.encode(sampled, forKey: .sampled)
  }
}

import ArgumentParser
import Foundation
import Progress
import ProgressRecords
import Scheduler

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Record a review without the terminal UI and print the card's new state.",
    discussion: """
      With --batch FILE (or - for stdin), records one review per line, each a JSON object \
      {"kanji": "学", "rating": "good", "at": "2024-05-01T10:00:00Z"} ("at" optional), \
      printing each card's state as soon as its review is committed.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The kanji reviewed.")
  var kanji: String?

  @Option(help: "again, hard, good or easy.")
  var rating: String?

  @Option(help: "The review time, ISO 8601 (default: now). Not before the card's last review.")
  var at: String?

  @Option(help: "Record the reviews listed in a JSON-lines file (- for stdin).")
  var batch: String?

  @Flag(help: "Print the card as JSON.")
  var json = false

  func validate() throws {
    if batch == nil && (kanji == nil || rating == nil) {
      throw CLIError("give --kanji and --rating, or --batch FILE")
    }
    if batch != nil && (kanji != nil || rating != nil || at != nil) {
      throw CLIError("--batch takes the reviews from the file; drop --kanji, --rating, --at")
    }
  }

  func run() throws {
    let store = try CLI.openStore(global)
    if let batch {
      try runBatch(batch, store: store)
      return
    }
    try record(kanji: kanji!, rating: rating!, at: at, store: store)
  }

  func record(kanji: String, rating text: String, at: String?, store: ProgressStore) throws {
    guard let rating = Rating(name: text) else {
      throw CLIError("unknown rating \"\(text)\": use again, hard, good or easy")
    }
    var time: Date?
    if let at {
      guard let date = CLI.parseDate(at) else {
        throw CLIError("--at \(at) is not an ISO 8601 time such as 2024-05-01T10:00:00Z")
      }
      time = date
    }
    let snapshot = try store.recordReview(ReviewInput(kanji: kanji, time: time, rating: rating))
    // Unbuffered, so a line printed means its review is committed even if the process dies.
    StandardStreams.output(try describe(snapshot) + "\n")
  }

  struct BatchLine: Decodable {
    var kanji: String
    var rating: String
    var at: String?
  }

  func runBatch(_ source: String, store: ProgressStore) throws {
    var lines: [String] = []
    if source != "-" {
      guard let data = FileManager.default.contents(atPath: source) else {
        throw CLIError("cannot read \(source)")
      }
      lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
    }
    var number = 0
    while let line = source == "-" ? readLine() : (number < lines.count ? lines[number] : nil) {
      number += 1
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      guard let entry = try? JSONDecoder().decode(BatchLine.self, from: Data(line.utf8)) else {
        throw CLIError("\(source):\(number): expected {\"kanji\": ..., \"rating\": ...}")
      }
      try record(kanji: entry.kanji, rating: entry.rating, at: entry.at, store: store)
    }
  }

  func describe(_ snapshot: CardSnapshot) throws -> String {
    if json { return try CLI.json(CardJSON(snapshot)) }
    var text = "\(snapshot.kanji)  \(snapshot.state.rawValue)"
    if let due = snapshot.due { text += "  due \(CLI.local(due))" }
    text += "  interval \(snapshot.card.intervalDays)d"
    if let memory = snapshot.card.memory {
      text += String(format: "  S %.2f  D %.2f", memory.stability, memory.difficulty)
    }
    text += "  lapses \(snapshot.card.lapses)"
    if snapshot.flaggedLeech {
      text += "  flagged as a leech"
    } else if snapshot.card.isLeech {
      text += "  leech"
    }
    return text
  }
}

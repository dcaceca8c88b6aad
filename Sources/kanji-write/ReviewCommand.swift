import App
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
      {"kanji": "学", "rating": "good", "at": "2024-05-01T10:00:00Z"} ("at" optional; the \
      rating a name or 1-4), printing each card's state as soon as its review is committed.
      """)

  @OptionGroup var home: HomeOption

  @Option(help: "The kanji reviewed.")
  var kanji: String?

  @Option(help: "again, hard, good or easy, or their numbers 1-4.")
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
    let store = try CLI.openStore(home)
    if let batch {
      try runBatch(batch, store: store)
      return
    }
    try record(kanji: kanji!, rating: rating!, at: at, store: store)
  }

  func record(kanji: String, rating text: String, at: String?, store: ProgressStore) throws {
    guard let rating = Self.rating(text) else {
      throw CLIError("unknown rating \"\(text)\": use again, hard, good or easy, or 1-4")
    }
    var time: Date?
    if let at {
      guard let date = CLI.parseDate(at) else {
        throw CLIError("--at \(at) is not an ISO 8601 time such as 2024-05-01T10:00:00Z")
      }
      time = date
    }
    // A word in the deck is named as written (勉強), its card key (word:勉強) taken too.
    let key =
      try store.card(kanji) == nil && store.card(CardKey.word(kanji)) != nil
      ? CardKey.word(kanji) : kanji
    let snapshot = try store.recordReview(ReviewInput(kanji: key, time: time, rating: rating))
    // Unbuffered, so a line printed means its review is committed even if the process dies.
    StandardStreams.output(try describe(snapshot) + "\n")
  }

  /// A rating by name, or by the number the app's keys and FSRS give it (1 Again ... 4 Easy).
  static func rating(_ text: String) -> Rating? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let number = Int(trimmed) { return Rating(rawValue: number) }
    return Rating(name: trimmed)
  }

  struct BatchLine: Decodable {
    var kanji: String
    var rating: String
    var at: String?

    enum CodingKeys: String, CodingKey {
      case kanji, rating, at
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      kanji = try container.decode(String.self, forKey: .kanji)
      // A number is taken as well as a string: "rating": 3 is as clear as "rating": "good".
      if let number = try? container.decode(Int.self, forKey: .rating) {
        rating = String(number)
      } else {
        rating = try container.decode(String.self, forKey: .rating)
      }
      at = try container.decodeIfPresent(String.self, forKey: .at)
    }
  }

  func runBatch(_ source: String, store: ProgressStore) throws {
    var lines: [String] = []
    if source != "-" {
      lines = try TextFile.read(source).components(separatedBy: "\n")
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
    var text =
      CardKey.display(snapshot.kanji) + (CardKey.isWord(snapshot.kanji) ? " (word)" : "")
      + "  \(snapshot.state.rawValue)"
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

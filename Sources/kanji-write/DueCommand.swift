import ArgumentParser
import Foundation
import Progress
import ProgressRecords

struct DueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due",
    abstract: "What is due now and later today, in the order a session shows it.")

  @OptionGroup var home: HomeOption

  @Flag(help: "Print JSON.")
  var json = false

  struct Entry: Encodable {
    var kanji: String
    var state: String
    var due: String?
    var isNew: Bool

    enum CodingKeys: String, CodingKey {
      case kanji, state, due
      case isNew = "is_new"
    }
  }

  struct Output: Encodable {
    var now: [Entry]
    var laterToday: [Entry]
    var nextDue: String?

    enum CodingKeys: String, CodingKey {
      case now
      case laterToday = "later_today"
      case nextDue = "next_due"
    }
  }

  func run() throws {
    let store = try CLI.openStore(home, access: .readOnly)
    let now = Date()
    let (queue, later, next) = (
      try store.sessionQueue(now: now), try store.laterToday(now: now),
      try store.nextDue(after: now)
    )
    let entries = { (cards: [QueuedCard]) in
      cards.map {
        Entry(
          kanji: $0.kanji, state: $0.state.rawValue, due: $0.due.map(CLI.format),
          isNew: $0.isNew)
      }
    }
    if json {
      print(
        try CLI.json(
          Output(
            now: entries(queue), laterToday: entries(later), nextDue: next.map(CLI.format)
          )))
      return
    }
    let newCount = queue.filter(\.isNew).count
    let learningCount = queue.filter { $0.state == .learning || $0.state == .relearning }.count
    print(
      "Due now: \(learningCount) learning, \(queue.count - newCount - learningCount) to review, "
        + "\(newCount) new")
    if !queue.isEmpty {
      // Kanji run together (学校先生); words, each a card of several characters, spaced.
      let names = queue.map { CardKey.display($0.kanji) }
      print("  " + names.joined(separator: queue.contains { CardKey.isWord($0.kanji) } ? " " : ""))
    }
    if !later.isEmpty {
      print("Later today:")
      for card in later {
        print("  \(CardKey.display(card.kanji))  \(card.due.map(CLI.local) ?? "")")
      }
    }
    if queue.isEmpty && later.isEmpty, let next {
      print("Next review: \(CLI.local(next))")
    }
  }
}

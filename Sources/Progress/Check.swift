import Foundation
import ProgressRecords
import Scheduler

/// The result of `kanji-write check`.
public struct CheckReport: Codable, Equatable, Sendable {
  /// SQLite's integrity check: ["ok"] when sound.
  public var integrity: [String]
  public var cardsChecked: Int
  public var reviewsReplayed: Int
  /// Cards whose stored state differs from a replay of their log.
  public var mismatches: [String]

  public var isHealthy: Bool { integrity == ["ok"] && mismatches.isEmpty }
}

extension ProgressStore {
  /// Runs SQLite's integrity check, then replays every card's log with the current scheduler
  /// and compares the result with the stored card.
  public func check() throws -> CheckReport {
    let integrity = try read { try db.integrityCheck() }
    let scheduler = try scheduler()
    let log = Dictionary(grouping: try reviewLog(), by: \.kanji)
    var mismatches: [String] = []
    let cards = try cards()
    for snapshot in cards {
      let entries = (log[snapshot.kanji] ?? []).filter { entry in
        snapshot.resetAt.map { entry.time > $0 } ?? true
      }
      let replayed = try replay(entries, kanji: snapshot.kanji, scheduler: scheduler)
      mismatches += differences(stored: snapshot.card, replayed: replayed).map {
        "\(snapshot.kanji): \($0)"
      }
      if let last = entries.last, last.due != snapshot.card.due {
        mismatches.append("\(snapshot.kanji): due differs from its last log entry")
      }
    }
    let known = Set(cards.map(\.kanji))
    for kanji in log.keys.sorted() where !known.contains(kanji) {
      mismatches.append("\(kanji): reviews logged for a kanji not in the deck")
    }
    return CheckReport(
      integrity: integrity, cardsChecked: cards.count,
      reviewsReplayed: log.values.reduce(0) { $0 + $1.count }, mismatches: mismatches)
  }

  /// The card a log rebuilds from a new card.
  func replay(_ entries: [ReviewLogEntry], kanji: String, scheduler: Scheduler) throws -> Card {
    var card = Card()
    for entry in entries {
      if let step = try Self.replayStep(
        card, kind: entry.kind, rating: entry.rating, at: entry.time, kanji: kanji,
        scheduler: scheduler)
      {
        card = step.card
      }
    }
    return card
  }

  /// One log entry applied to a card: the card after it and the days elapsed since its last
  /// review; nil for an entry that does not change it. Replays (`check`, undo, sync) all go
  /// through here, so they agree with one another.
  static func replayStep(
    _ card: Card, kind: ReviewLogEntry.Kind, rating: Rating?, at time: Date, kanji: String,
    scheduler: Scheduler
  ) throws -> (card: Card, elapsedDays: Int)? {
    if kind == .study { return (scheduler.study(card, at: time), 0) }
    guard let rating else { return nil }
    let outcome = try scheduler.review(card, rating: rating, at: time, cardKey: kanji)
    return (outcome.card, outcome.elapsedDays)
  }

  /// Memory, counts and state; the due time is checked against the log, since settings such as
  /// fuzz or steps may have changed since.
  func differences(stored: Card, replayed: Card) -> [String] {
    var found: [String] = []
    if stored.state != replayed.state {
      found.append("state \(stored.state.rawValue), replay gives \(replayed.state.rawValue)")
    }
    if stored.reps != replayed.reps { found.append("reps \(stored.reps) vs \(replayed.reps)") }
    if stored.lapses != replayed.lapses {
      found.append("lapses \(stored.lapses) vs \(replayed.lapses)")
    }
    if stored.isLeech != replayed.isLeech { found.append("leech flag differs") }
    switch (stored.memory, replayed.memory) {
    case (nil, nil): break
    case (let a?, let b?):
      if abs(a.stability - b.stability) > 1e-6 * max(1, b.stability)
        || abs(a.difficulty - b.difficulty) > 1e-6
      {
        found.append(
          "memory S \(a.stability) D \(a.difficulty), replay S \(b.stability) D \(b.difficulty)")
      }
    default: found.append("memory state present on one side only")
    }
    return found
  }
}

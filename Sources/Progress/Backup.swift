import Foundation
import ProgressRecords
import SQLite
import Scheduler

/// Everything in a progress database, as the JSON backup `export --format json` writes.
public struct ProgressBackup: Codable, Equatable, Sendable {
  public static let formatName = "kanji-write-progress"

  public struct BackupCard: Codable, Equatable, Sendable {
    public var kanji: String
    public var addedAt: Date
    public var card: Card
    public var suspended: Bool
    /// When the card was last reset to new; nil when never.
    public var resetAt: Date?

    public init(
      kanji: String, addedAt: Date, card: Card, suspended: Bool = false, resetAt: Date? = nil
    ) {
      self.kanji = kanji
      self.addedAt = addedAt
      self.card = card
      self.suspended = suspended
      self.resetAt = resetAt
    }

    enum CodingKeys: String, CodingKey {
      case kanji, addedAt, card, suspended, resetAt
    }

    // Backups written before cards could be suspended or reset have neither field.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      kanji = try container.decode(String.self, forKey: .kanji)
      addedAt = try container.decode(Date.self, forKey: .addedAt)
      card = try container.decode(Card.self, forKey: .card)
      suspended = try container.decodeIfPresent(Bool.self, forKey: .suspended) ?? false
      resetAt = try container.decodeIfPresent(Date.self, forKey: .resetAt)
    }
  }

  public struct KnownKanji: Codable, Equatable, Sendable {
    public var kanji: String
    public var addedAt: Date
  }

  public var format: String
  public var version: Int
  public var exportedAt: Date
  public var models: [ModelParameters]
  public var settings: [String: String]
  public var cards: [BackupCard]
  public var reviewLog: [ReviewLogEntry]
  public var selfTests: [SelfTestRecord]
  public var known: [KnownKanji]

  public init(
    format: String, version: Int, exportedAt: Date, models: [ModelParameters],
    settings: [String: String], cards: [BackupCard], reviewLog: [ReviewLogEntry],
    selfTests: [SelfTestRecord], known: [KnownKanji]
  ) {
    self.format = format
    self.version = version
    self.exportedAt = exportedAt
    self.models = models
    self.settings = settings
    self.cards = cards
    self.reviewLog = reviewLog
    self.selfTests = selfTests
    self.known = known
  }

  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .millisecondsSince1970
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return decoder
  }
}

/// What an import did.
public struct ImportSummary: Codable, Equatable, Sendable {
  public var cardsAdded: Int
  public var cardsSkipped: Int
  public var reviewsAdded: Int
  public var reviewsSkipped: Int
  public var selfTestsAdded: Int
  public var knownAdded: Int
  public var cardsRebuilt: Int
}

extension ProgressStore {
  public func backup(now: Date) throws -> ProgressBackup {
    let models = try read {
      // Reverted versions are left out: restored, the last listed is the one in use.
      try db.query(
        """
        SELECT name, weights FROM scheduler_models WHERE reverted_ms IS NULL
        ORDER BY created_ms, id
        """
      ).compactMap {
        row -> ModelParameters? in
        guard let name = row.string(0), let text = row.string(1),
          let weights = try? JSONDecoder().decode([Double].self, from: Data(text.utf8))
        else { return nil }
        return ModelParameters(model: name, weights: weights)
      }
    }
    let known = try read {
      try db.query("SELECT kanji, added_ms FROM known ORDER BY added_ms, rowid").map {
        ProgressBackup.KnownKanji(kanji: $0.string(0) ?? "", addedAt: Millis.date($0.int64(1) ?? 0))
      }
    }
    let stored = try read {
      try db.query("SELECT key, value FROM settings ORDER BY key").reduce(into: [String: String]())
      {
        if let key = $1.string(0), let value = $1.string(1) { $0[key] = value }
      }
    }
    return ProgressBackup(
      format: ProgressBackup.formatName, version: ProgressBackup.currentVersion,
      exportedAt: Millis.truncated(now),
      models: models, settings: stored,
      cards: try cards().map {
        .init(
          kanji: $0.kanji, addedAt: $0.addedAt, card: $0.card, suspended: $0.suspended,
          resetAt: $0.resetAt)
      },
      reviewLog: try reviewLog(), selfTests: try allSelfTests(), known: known)
  }

  /// True when the store has neither cards nor reviews nor self-tests.
  public func isEmpty() throws -> Bool {
    try read {
      try count(
        "SELECT (SELECT count(*) FROM cards) + (SELECT count(*) FROM review_log) + (SELECT count(*) FROM self_tests)"
      )
        == 0
    }
  }

  /// Restores a backup. Into a non-empty store only with `merge`: existing cards, reviews (same
  /// kanji and time) and self-tests (same time) are skipped, and cards that gained reviews are
  /// rebuilt by replaying their whole log.
  public func restore(_ validated: ValidatedBackup, merge: Bool) throws -> ImportSummary {
    let backup = validated.backup
    if !merge, try !isEmpty() { throw ProgressError.homeNotEmpty(path: path) }
    var summary = ImportSummary(
      cardsAdded: 0, cardsSkipped: 0, reviewsAdded: 0, reviewsSkipped: 0, selfTestsAdded: 0,
      knownAdded: 0, cardsRebuilt: 0)
    try write {
      if !merge {
        // Made now, so the last listed is newer than the store's own default and in use.
        let restored = Date()
        for model in backup.models { try insertModel(model, at: restored) }
        for (key, value) in backup.settings {
          // A setting under its former key gives way to the same setting under its own.
          if let current = SettingsCatalog.formerKeys[key], backup.settings[current] != nil {
            continue
          }
          guard let definition = SettingsCatalog.definition(key),
            let normalised = definition.normalise(value)
          else { continue }
          try db.run(
            "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
            [.text(definition.key), .text(normalised)])
        }
      }
      var position =
        try db.query("SELECT coalesce(max(position), 0) FROM cards").first?.int64(0) ?? 0
      for card in backup.cards {
        position += 1
        try db.run(
          "INSERT OR IGNORE INTO cards(kanji, position, added_ms, kind) VALUES (?, ?, ?, ?)",
          [
            .text(card.kanji), .integer(position), .integer(Millis.from(card.addedAt)),
            .text(CardKey.isWord(card.kanji) ? "word" : "kanji"),
          ])
        guard db.changes == 1 else {
          summary.cardsSkipped += 1
          continue
        }
        summary.cardsAdded += 1
        try saveCard(
          CardSnapshot(
            kanji: card.kanji, card: card.card, addedAt: card.addedAt, flaggedLeech: false))
        try db.run(
          "UPDATE cards SET suspended = ?, reset_ms = ? WHERE kanji = ?",
          [
            .integer(card.suspended ? 1 : 0),
            card.resetAt.map { .integer(Millis.from($0)) } ?? .null,
            .text(card.kanji),
          ])
      }
      var touched = Set<String>()
      for entry in backup.reviewLog {
        let inserted = try insertImported(entry)
        if inserted {
          summary.reviewsAdded += 1
          touched.insert(entry.kanji)
        } else {
          summary.reviewsSkipped += 1
        }
      }
      for test in backup.selfTests {
        guard
          try count(
            "SELECT count(*) FROM self_tests WHERE time_ms = ?", [.integer(Millis.from(test.time))])
            == 0
        else { continue }
        try db.run(
          "INSERT INTO self_tests(time_ms, score, kind) VALUES (?, ?, ?)",
          [
            .integer(Millis.from(test.time)), .real(test.score),
            .text(test.isWordTest ? "words" : "kanji"),
          ])
        let id = db.lastInsertRowID
        for (i, item) in test.items.enumerated() {
          try db.run(
            "INSERT INTO self_test_items(test_id, position, kanji, produced, drawing_json, grade_json) VALUES (?, ?, ?, ?, ?, ?)",
            [
              .integer(id), .integer(Int64(i)), .text(item.kanji), .integer(item.produced ? 1 : 0),
              item.drawingJSON.map { .text($0) } ?? .null,
              item.gradeJSON.map { .text($0) } ?? .null,
            ])
        }
        summary.selfTestsAdded += 1
      }
      for known in backup.known {
        try db.run(
          "INSERT OR IGNORE INTO known(kanji, added_ms) VALUES (?, ?)",
          [.text(known.kanji), .integer(Millis.from(known.addedAt))])
        summary.knownAdded += db.changes
      }
      if merge {
        let scheduler = try scheduler()
        for kanji in touched.sorted() {
          guard let snapshot = try card(kanji) else { continue }
          let log = try replayLog(kanji, resetAt: snapshot.resetAt)
          var rebuilt = snapshot
          rebuilt.card = try replay(log, kanji: kanji, scheduler: scheduler)
          if rebuilt.card != snapshot.card {
            try saveCard(rebuilt)
            summary.cardsRebuilt += 1
          }
        }
      }
    }
    return summary
  }

  func insertImported(_ entry: ReviewLogEntry) throws -> Bool {
    try db.run(
      """
      INSERT OR IGNORE INTO review_log(time_ms, kanji, kind, rating, proposed_rating, duration_ms,
        hints_used, drawing_json, grade_json, state_before, elapsed_days, state_after, stability,
        difficulty, interval_days, due_ms, model)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(Millis.from(entry.time)), .text(entry.kanji), .text(entry.kind.rawValue),
        .integer(Int64(entry.rating?.rawValue ?? 0)),
        entry.proposedRating.map { .integer(Int64($0.rawValue)) } ?? .null,
        .integer(Int64(entry.durationMs)), .integer(Int64(entry.hintsUsed)),
        entry.drawingJSON.map { .text($0) } ?? .null, entry.gradeJSON.map { .text($0) } ?? .null,
        .text(entry.stateBefore.rawValue), .integer(Int64(entry.elapsedDays)),
        .text(entry.stateAfter.rawValue), entry.stability.map { .real($0) } ?? .null,
        entry.difficulty.map { .real($0) } ?? .null, .integer(Int64(entry.intervalDays)),
        entry.due.map { .integer(Millis.from($0)) } ?? .null, .text(entry.model),
      ])
    return db.changes == 1
  }

  /// The review log as the FSRS optimiser's revlog CSV: one row per graded review, the card id
  /// being the card's position in the deck and the state the one before the review.
  public func revlogCSV() throws -> String {
    let states: [String: Int] = ["new": 0, "learning": 1, "review": 2, "relearning": 3]
    var csv = "card_id,review_time,review_rating,review_state,review_duration\n"
    for row in try read({
      try db.query(
        """
        SELECT c.position, r.time_ms, r.rating, r.state_before, r.duration_ms
        FROM review_log r JOIN cards c ON c.kanji = r.kanji
        WHERE r.kind = 'review' ORDER BY r.time_ms, r.id
        """)
    }) {
      let state = states[row.string(3) ?? ""] ?? 0
      csv +=
        "\(row.int64(0) ?? 0),\(row.int64(1) ?? 0),\(row.int(2) ?? 0),\(state),\(row.int(4) ?? 0)\n"
    }
    return csv
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler

/// Imports other devices' events inside the sync's transaction, then rebuilds what they touch:
/// each card from its membership events (last writer wins) and its reviews in time order,
/// each setting and known kanji from its latest event.
struct SyncImporter {
  let store: ProgressStore
  let device: String
  private(set) var imported = 0
  private(set) var problems: [String] = []
  private var db: Database { store.db }
  private var applying = false
  private var removed: Set<String>
  private let reviewColumns: Set<String>
  private let allReviewColumns: [String]
  private let allReviewColumnList: String
  private var reviewInserts: [String: Statement] = [:]
  private var touchedCards: Set<String> = []
  private var touchedSettings: Set<String> = []
  private var touchedKnown: Set<String> = []
  /// Whether another machine's weights arrived or were reverted: every card is then replayed.
  private var modelsChanged = false

  static let cardEventTypes = ["card", "card_deleted", "suspended", "reset"]

  init(store: ProgressStore, device: String) throws {
    self.store = store
    self.device = device
    removed = Set(
      try store.db.query("SELECT subject FROM sync_events WHERE type = 'unreview'").compactMap {
        $0.string(0)
      })
    // The row's own id is local; device and seq come from the record's header.
    reviewColumns = Set(try store.columns(of: "review_log")).subtracting(["id", "device", "seq"])
    allReviewColumns = reviewColumns.sorted()
    allReviewColumnList = allReviewColumns.joined(separator: ",")
  }

  /// Reads `file` from where the last sync stopped. The offset moves past complete, sound
  /// lines only: a torn last line is read again next time, and a damaged line is reported
  /// (and the lines after it imported) at every sync until the file is repaired.
  mutating func importFile(_ file: String, from folder: SyncFolder) throws {
    let stored =
      try db.query(
        "SELECT offset FROM sync_read WHERE folder = ? AND file = ?",
        [.text(folder.path), .text(file)]
      ).first?.int64(0) ?? 0
    guard let size = folder.size(file), size != stored else { return }
    // A shorter file was replaced (restored, or copied again from the start), and so was one
    // whose last byte read is no longer a newline: read it all; the events already imported
    // are recognised by their ids.
    var readFrom = size < stored ? 0 : max(0, stored - 1)
    var bytes = try folder.read(file, from: readFrom)
    var first = 0
    if readFrom > 0 {
      if bytes.first == UInt8(ascii: "\n") {
        first = 1
      } else {
        readFrom = 0
        bytes = try folder.read(file, from: 0)
      }
    }
    if !applying {
      try db.run("UPDATE sync_device SET applying = 1")
      applying = true
    }
    let lines = Array(SyncLines(bytes, from: first))
    let decoded = Self.decode(lines)
    var offset = readFrom + Int64(first)
    var sound = true
    lines: for (index, line) in lines.enumerated() {
      switch decoded[index] {
      case .record(let record):
        if record.device != device { try apply(record) }
      case .damaged(let why):
        let at = readFrom + Int64(line.end - line.line.count - 1)
        problems.append("\(folder.path)/\(file), line at byte \(at): \(why); not imported")
        sound = false
      case .newer(let version):
        problems.append(
          "\(folder.path)/\(file) was written by a newer kanji-write (sync format \(version)); update kanji-write to read it"
        )
        break lines
      }
      if sound { offset = readFrom + Int64(line.end) }
    }
    if offset != stored {
      try db.run(
        """
        INSERT INTO sync_read(folder, file, offset) VALUES (?, ?, ?)
        ON CONFLICT(folder, file) DO UPDATE SET offset = excluded.offset
        """, [.text(folder.path), .text(file), .integer(offset)])
    }
  }

  /// Each line decoded, on every core: reading the JSON is most of a large sync's work.
  static func decode(_ lines: [(line: ArraySlice<UInt8>, end: Int)]) -> [SyncRecord.Decoded] {
    var decoded = [SyncRecord.Decoded](repeating: .damaged(""), count: lines.count)
    let chunks = lines.count < 1000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
    decoded.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = (lines.count * chunk / chunks)..<(lines.count * (chunk + 1) / chunks)
        for index in range { output[index] = SyncRecord.decode(lines[index].line) }
      }
    }
    return decoded
  }

  private mutating func apply(_ record: SyncRecord) throws {
    if record.type == SyncRecord.reviewType {
      guard removed.isEmpty || !removed.contains("\(record.device):\(record.seq)") else { return }
      if try insertReview(record) {
        imported += 1
        if case .text(let kanji) = record.body["kanji"] { touchedCards.insert(kanji) }
      }
      return
    }
    try db.run(
      """
      INSERT OR IGNORE INTO sync_events(device, seq, time_ms, type, subject, body)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      [
        .text(record.device), .integer(record.seq), .integer(record.timeMs), .text(record.type),
        .text(record.subject), .text(SyncRecord.bodyJSON(record.body)),
      ])
    guard db.changes == 1 else { return }
    imported += 1
    switch record.type {
    case "unreview":
      removed.insert(record.subject)
      let parts = record.subject.split(separator: ":")
      guard parts.count == 2, let seq = Int64(parts[1]) else { return }
      let target: [SQLValue] = [.text(String(parts[0])), .integer(seq)]
      if let kanji = try db.query(
        "SELECT kanji FROM review_log WHERE device = ? AND seq = ?", target
      ).first?.string(0) {
        try db.run("DELETE FROM review_log WHERE device = ? AND seq = ?", target)
        touchedCards.insert(kanji)
      }
    case let type where Self.cardEventTypes.contains(type): touchedCards.insert(record.subject)
    case "setting": touchedSettings.insert(record.subject)
    case "known", "known_removed": touchedKnown.insert(record.subject)
    case "self_test":
      try db.run(
        "INSERT OR IGNORE INTO self_tests(time_ms, score, kind) VALUES (?, ?, ?)",
        [
          .integer(record.timeMs), record.body["score"]?.sql ?? .real(0),
          record.body["kind"]?.sql ?? .text("kanji"),
        ])
    case "model": try importModel(record)
    case "model_reverted":
      try db.run(
        """
        UPDATE scheduler_models SET reverted_ms = ?
        WHERE created_ms = ? AND weights = ? AND reverted_ms IS NULL
        """,
        ["reverted_ms", "created_ms", "weights"].map { record.body[$0]?.sql ?? .null })
      if db.changes > 0 { modelsChanged = true }
    case "self_test_item":
      try db.run(
        """
        INSERT OR IGNORE INTO self_test_items(test_id, position, kanji, produced, drawing_json,
          grade_json)
        SELECT id, ?, ?, ?, ?, ? FROM self_tests WHERE time_ms = ?
        """,
        ["position", "kanji", "produced", "drawing_json", "grade_json", "test_ms"].map {
          record.body[$0]?.sql ?? .null
        })
    default:
      // A device's name, or an event of a later version: kept, to be read when understood.
      break
    }
  }

  /// Inserts the review's columns that this store has, by name; false when it is already
  /// here (the same id, or the same kanji at the same millisecond).
  private mutating func insertReview(_ record: SyncRecord) throws -> Bool {
    // A record of this version has every column: its statement is found without sorting keys.
    let complete = allReviewColumns.allSatisfy { record.body[$0] != nil }
    let names =
      complete ? allReviewColumns : record.body.keys.filter(reviewColumns.contains).sorted()
    let key = complete ? allReviewColumnList : names.joined(separator: ",")
    let statement: Statement
    if let cached = reviewInserts[key] {
      statement = cached
      statement.reset()
    } else {
      let placeholders = Array(repeating: "?", count: names.count + 2).joined(separator: ", ")
      statement = try db.prepare(
        "INSERT OR IGNORE INTO review_log(\(key), device, seq) VALUES (\(placeholders))")
      reviewInserts[key] = statement
    }
    let values = names.map { record.body[$0]!.sql } + [.text(record.device), .integer(record.seq)]
    try statement.bind(values)
    try statement.step()
    guard db.changes == 0 else { return true }
    // Two devices reviewed the same kanji in the same millisecond: the log holds one review of
    // a kanji a millisecond, so every device keeps the one with the smaller id.
    guard case .text(let kanji) = record.body["kanji"],
      case .integer(let time) = record.body["time_ms"]
    else { return false }
    let at: [SQLValue] = [.text(kanji), .integer(time)]
    guard
      let existing = try db.query(
        "SELECT device, seq FROM review_log WHERE kanji = ? AND time_ms = ?", at
      ).first, let device = existing.string(0), let seq = existing.int64(1),
      (record.device, record.seq) < (device, seq)
    else { return false }
    try db.run("DELETE FROM review_log WHERE kanji = ? AND time_ms = ?", at)
    statement.reset()
    try statement.bind(values)
    try statement.step()
    return db.changes == 1
  }

  /// Another machine's version of the weights, unless this home has it. The default weights
  /// every store starts with say nothing new and are not copied.
  private mutating func importModel(_ record: SyncRecord) throws {
    guard case .text(let name) = record.body["name"], case .text(let text) = record.body["weights"],
      case .integer(let created) = record.body["created_ms"],
      let weights = try? JSONDecoder().decode([Double].self, from: Data(text.utf8)),
      (try? FSRS(parameters: ModelParameters(model: name, weights: weights))) != nil
    else {
      problems.append("a scheduler model from \(record.device) could not be read; not imported")
      return
    }
    let fitted = record.body["reviews"].map { $0 != .null } ?? false
    if !fitted && weights == ModelParameters.fsrs6Default.weights { return }
    try db.run(
      """
      INSERT INTO scheduler_models(name, weights, created_ms, reviews, log_loss, rmse_bins,
        default_log_loss, default_rmse_bins)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?
      WHERE NOT EXISTS (SELECT 1 FROM scheduler_models WHERE created_ms = ? AND weights = ?)
      """,
      [.text(name), .text(text), .integer(created)]
        + ["reviews", "log_loss", "rmse_bins", "default_log_loss", "default_rmse_bins"].map {
          record.body[$0]?.sql ?? .null
        } + [.integer(created), .text(text)])
    if db.changes > 0 { modelsChanged = true }
  }

  /// Rebuilds what the imported events touched, and lets local changes be stamped again.
  mutating func finish() throws {
    guard applying else { return }
    for key in touchedSettings.sorted() where !SyncSchema.localSettings.contains(key) {
      if let value = try latest(subject: key, types: ["setting"])?.string(2) {
        try db.run(
          """
          INSERT INTO settings(key, value) VALUES (?, ?)
          ON CONFLICT(key) DO UPDATE SET value = excluded.value
          """, [.text(key), .text(value)])
      }
    }
    for kanji in touchedKnown.sorted() {
      guard let last = try latest(subject: kanji, types: ["known", "known_removed"]) else {
        continue
      }
      if last.string(0) == "known" {
        try db.run(
          "INSERT OR IGNORE INTO known(kanji, added_ms) VALUES (?, ?)",
          [.text(kanji), .integer(last.int64(1) ?? 0)])
      } else {
        try db.run("DELETE FROM known WHERE kanji = ?", [.text(kanji)])
      }
    }
    // New cards join the deck in the order they were added.
    let memberships = try touchedCards.map(membership).sorted {
      ($0.addedMs ?? 0, $0.addedBy, $0.addedSeq, $0.kanji)
        < ($1.addedMs ?? 0, $1.addedBy, $1.addedSeq, $1.kanji)
    }
    for membership in memberships { try apply(membership) }
    if modelsChanged {
      try store.rebuildAllCards()
    } else {
      try store.rebuildCards(
        memberships.filter { $0.addedMs != nil }.map(\.kanji), scheduler: try store.scheduler())
    }
    try db.run("UPDATE sync_device SET applying = 0")
    applying = false
  }

  /// The latest event of a subject among `types`: its type, time and `$.value`.
  private func latest(subject: String, types: [String]) throws -> Row? {
    let marks = types.map { _ in "?" }.joined(separator: ", ")
    return try db.query(
      """
      SELECT type, time_ms, json_extract(body, '$.value') FROM sync_events
      WHERE subject = ? AND type IN (\(marks)) ORDER BY time_ms DESC, device DESC, seq DESC LIMIT 1
      """, [.text(subject)] + types.map { .text($0) }
    ).first
  }

  /// A card as its events and reviews have it on every device.
  struct Membership {
    var kanji: String
    /// When it was last deleted: its reviews up to then went with it.
    var deletedMs: Int64?
    /// When it was added (after its last deletion); nil when it is not in the deck.
    var addedMs: Int64?
    /// The device and sequence number of the event that added it first.
    var addedBy = ""
    var addedSeq: Int64 = 0
    var suspended: Int64
    var resetMs: Int64?
  }

  private func membership(_ kanji: String) throws -> Membership {
    let marks = Self.cardEventTypes.map { _ in "?" }.joined(separator: ", ")
    let events = try db.query(
      """
      SELECT type, time_ms, json_extract(body, '$.added_ms'), json_extract(body, '$.suspended'),
        json_extract(body, '$.reset_ms'), device, seq
      FROM sync_events WHERE subject = ? AND type IN (\(marks)) ORDER BY time_ms, device, seq
      """, [.text(kanji)] + Self.cardEventTypes.map { .text($0) })
    let deletedMs = events.last { $0.string(0) == "card_deleted" }?.int64(1)
    let current = events.filter { deletedMs == nil || ($0.int64(1) ?? 0) > deletedMs! }
    // A review after the last deletion means the card was in that device's deck.
    let firstReview = try db.query(
      "SELECT min(time_ms) FROM review_log WHERE kanji = ? AND time_ms > ?",
      [.text(kanji), .integer(deletedMs ?? -1)]
    ).first?.int64(0)
    let first = current.filter { $0.string(0) == "card" && $0.int64(2) != nil }.min {
      ($0.int64(2)!, $0.string(5) ?? "", $0.int64(6) ?? 0)
        < ($1.int64(2)!, $1.string(5) ?? "", $1.int64(6) ?? 0)
    }
    return Membership(
      kanji: kanji, deletedMs: deletedMs, addedMs: first?.int64(2) ?? firstReview,
      addedBy: first?.string(5) ?? "", addedSeq: first?.int64(6) ?? 0,
      suspended: current.last { $0.string(0) == "suspended" }?.int64(3) ?? 0,
      resetMs: current.last { $0.string(0) == "reset" }?.int64(4))
  }

  private func apply(_ membership: Membership) throws {
    let kanji = SQLValue.text(membership.kanji)
    if let deleted = membership.deletedMs {
      try db.run(
        "DELETE FROM review_log WHERE kanji = ? AND time_ms <= ?", [kanji, .integer(deleted)])
    }
    guard let added = membership.addedMs else {
      try db.run("DELETE FROM cards WHERE kanji = ?", [kanji])
      return
    }
    let values: [SQLValue] = [
      .integer(added), .integer(membership.suspended),
      membership.resetMs.map(SQLValue.integer) ?? .null,
      .text(CardKey.isWord(membership.kanji) ? "word" : "kanji"),
    ]
    try db.run(
      """
      INSERT INTO cards(kanji, position, added_ms, suspended, reset_ms, kind)
      VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM cards), ?, ?, ?, ?)
      ON CONFLICT(kanji) DO UPDATE SET added_ms = excluded.added_ms,
        suspended = excluded.suspended, reset_ms = excluded.reset_ms
      """, [kanji] + values)
  }
}

extension ProgressStore {
  /// Rebuilds cards from their logs after their last reset, and each entry's recorded outcome
  /// (the state before and after, memory, interval, due), as if every review had been made on
  /// this device in time order. The replays, pure, run on every core between the reads and
  /// the writes.
  func rebuildCards(_ kanji: [String], scheduler: Scheduler) throws {
    let update = try db.prepare(
      """
      UPDATE review_log SET state_before = ?, elapsed_days = ?, state_after = ?,
        stability = ?, difficulty = ?, interval_days = ?, due_ms = ?
      WHERE id = ?
      """)
    var gathered: [(snapshot: CardSnapshot, rows: [Row])] = []
    for character in kanji {
      guard let snapshot = try card(character) else { continue }
      let rows = try db.query(
        """
        SELECT id, time_ms, kind, rating, state_before, elapsed_days, state_after, stability,
          difficulty, interval_days, due_ms
        FROM review_log WHERE kanji = ? AND time_ms > ? ORDER BY time_ms, id
        """, [.text(character), .integer(snapshot.resetAt.map(Millis.from) ?? -1)])
      gathered.append((snapshot, rows))
    }
    let logs = gathered
    var results = [Result<Replayed, any Error>](
      repeating: .success(Replayed(card: Card(), changed: [])), count: logs.count)
    results.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: logs.count) { index in
        output[index] = Result {
          try Self.replayRows(logs[index].rows, kanji: logs[index].snapshot.kanji, scheduler)
        }
      }
    }
    for (index, result) in results.enumerated() {
      let replayed = try result.get()
      for values in replayed.changed {
        update.reset()
        try update.bind(values)
        try update.step()
      }
      var snapshot = logs[index].snapshot
      snapshot.card = replayed.card
      try saveCard(snapshot)
    }
  }

  struct Replayed: Sendable {
    var card: Card
    /// The new outcome of each entry whose recorded one differs, with the entry's id last.
    var changed: [[SQLValue]]
  }

  static func replayRows(_ rows: [Row], kanji: String, _ scheduler: Scheduler) throws -> Replayed {
    var replayed = Replayed(card: Card(), changed: [])
    for row in rows {
      let before = replayed.card.state
      guard
        let step = try replayStep(
          replayed.card,
          kind: row.string(2).flatMap(ReviewLogEntry.Kind.init(rawValue:)) ?? .review,
          rating: row.int(3).flatMap(Rating.init(rawValue:)),
          at: Millis.date(row.int64(1) ?? 0), kanji: kanji, scheduler: scheduler)
      else { continue }
      let card = step.card
      replayed.card = card
      let outcome: [SQLValue] = [
        .text(before.rawValue), .integer(Int64(step.elapsedDays)), .text(card.state.rawValue),
        card.memory.map { .real($0.stability) } ?? .null,
        card.memory.map { .real($0.difficulty) } ?? .null, .integer(Int64(card.intervalDays)),
        card.due.map { .integer(Millis.from($0)) } ?? .null,
      ]
      if Array(row.values[4...10]) != outcome { replayed.changed.append(outcome + [row.values[0]]) }
    }
    return replayed
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler

extension ProgressStore {
  /// Records one answer (or a study) and the card's new state in a single transaction.
  public func recordReview(_ input: ReviewInput) throws -> CardSnapshot {
    try write { try applyReview(input) }
  }

  /// Takes back the last review of `kanji`: its row leaves the log and the card is rebuilt by
  /// replaying the rest of its log, in one transaction, so its state is what it was before that
  /// review. Returns the card as it now stands, or nil when the kanji has no review to take
  /// back.
  public func undoLastReview(of kanji: String) throws -> CardSnapshot? {
    try write {
      guard var snapshot = try card(kanji) else { throw ProgressError.unknownCard(kanji) }
      // A review from before a reset no longer shapes the card: it cannot be taken back.
      let last = try db.query(
        """
        SELECT id FROM review_log WHERE kanji = ? AND kind = 'review' AND time_ms > ?
        ORDER BY time_ms DESC, id DESC LIMIT 1
        """, [.text(kanji), .integer(snapshot.resetAt.map(Millis.from) ?? -1)])
      guard let id = last.first?.int64(0) else { return nil }
      try db.run("DELETE FROM review_log WHERE id = ?", [.integer(id)])
      let log = try replayLog(kanji, resetAt: snapshot.resetAt)
      snapshot.card = try replay(log, kanji: kanji, scheduler: try scheduler())
      snapshot.flaggedLeech = false
      try saveCard(snapshot)
      return snapshot
    }
  }

  /// The body of `recordReview`, for callers that are already inside a write transaction.
  func applyReview(_ input: ReviewInput) throws -> CardSnapshot {
    let scheduler = try scheduler()
    guard var snapshot = try card(input.kanji) else {
      throw ProgressError.unknownCard(input.kanji)
    }
    var time = Millis.truncated(input.time ?? Date())
    if let last = try db.query(
      "SELECT max(time_ms) FROM review_log WHERE kanji = ?", [.text(input.kanji)]
    ).first?.int64(0), Millis.from(time) <= last {
      // "Now" keeps the log strictly ordered even within one millisecond or after a clock
      // step back; an explicit time earlier than the last review is an error.
      guard input.time == nil else {
        throw ProgressError.reviewNotAfterLast(
          kanji: input.kanji, last: Millis.date(last), attempted: time)
      }
      time = Millis.date(last + 1)
    }
    let before = snapshot.card
    var elapsed = 0
    if input.isStudy {
      snapshot.card = scheduler.study(before, at: time)
    } else {
      let outcome = try scheduler.review(
        before, rating: input.rating, at: time, cardKey: input.kanji)
      snapshot.card = outcome.card
      snapshot.flaggedLeech = outcome.leechFlagged
      elapsed = outcome.elapsedDays
    }
    try saveCard(snapshot)
    try insertLog(
      input, time: time, before: before.state, after: snapshot.card, elapsed: elapsed,
      model: scheduler.model.parameters.model)
    return snapshot
  }

  func saveCard(_ snapshot: CardSnapshot) throws {
    let card = snapshot.card
    try db.run(
      """
      UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due_ms = ?,
        last_review_ms = ?, reps = ?, lapses = ?, leech = ?, interval_days = ?
      WHERE kanji = ?
      """,
      [
        .text(card.state.rawValue), .integer(Int64(card.step)),
        card.memory.map { .real($0.stability) } ?? .null,
        card.memory.map { .real($0.difficulty) } ?? .null,
        card.due.map { .integer(Millis.from($0)) } ?? .null,
        card.lastReview.map { .integer(Millis.from($0)) } ?? .null,
        .integer(Int64(card.reps)), .integer(Int64(card.lapses)), .integer(card.isLeech ? 1 : 0),
        .integer(Int64(card.intervalDays)), .text(snapshot.kanji),
      ])
  }

  func insertLog(
    _ input: ReviewInput, time: Date, before: CardState, after: Card, elapsed: Int, model: String
  ) throws {
    try db.run(
      """
      INSERT INTO review_log(time_ms, kanji, kind, rating, proposed_rating, duration_ms,
        hints_used, drawing_json, grade_json, state_before, elapsed_days, state_after, stability,
        difficulty, interval_days, due_ms, model)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(Millis.from(time)), .text(input.kanji),
        .text(input.isStudy ? "study" : "review"),
        .integer(input.isStudy ? 0 : Int64(input.rating.rawValue)),
        input.proposedRating.map { .integer(Int64($0.rawValue)) } ?? .null,
        .integer(Int64(input.durationMs)), .integer(Int64(input.hintsUsed)),
        input.drawingJSON.map { .text($0) } ?? .null, input.gradeJSON.map { .text($0) } ?? .null,
        .text(before.rawValue), .integer(Int64(elapsed)), .text(after.state.rawValue),
        after.memory.map { .real($0.stability) } ?? .null,
        after.memory.map { .real($0.difficulty) } ?? .null, .integer(Int64(after.intervalDays)),
        after.due.map { .integer(Millis.from($0)) } ?? .null, .text(model),
      ])
  }

  static let logColumns = """
    id, time_ms, kanji, kind, rating, proposed_rating, duration_ms, hints_used, drawing_json,
    grade_json, state_before, elapsed_days, state_after, stability, difficulty, interval_days,
    due_ms, model
    """

  static func logEntry(_ row: Row) -> ReviewLogEntry {
    ReviewLogEntry(
      id: row.int64(0) ?? 0, time: Millis.date(row.int64(1) ?? 0), kanji: row.string(2) ?? "",
      kind: row.string(3).flatMap(ReviewLogEntry.Kind.init(rawValue:)) ?? .review,
      rating: row.int(4).flatMap(Rating.init(rawValue:)),
      proposedRating: row.int(5).flatMap(Rating.init(rawValue:)), durationMs: row.int(6) ?? 0,
      hintsUsed: row.int(7) ?? 0, drawingJSON: row.string(8), gradeJSON: row.string(9),
      stateBefore: row.string(10).flatMap(CardState.init(rawValue:)) ?? .new,
      elapsedDays: row.int(11) ?? 0,
      stateAfter: row.string(12).flatMap(CardState.init(rawValue:)) ?? .new,
      stability: row.double(13), difficulty: row.double(14), intervalDays: row.int(15) ?? 0,
      due: row.int64(16).map(Millis.date), model: row.string(17) ?? "")
  }

  /// The review log in time order, of one kanji or of all.
  public func reviewLog(kanji: String? = nil) throws -> [ReviewLogEntry] {
    try read {
      if let kanji {
        return try db.query(
          "SELECT \(Self.logColumns) FROM review_log WHERE kanji = ? ORDER BY time_ms, id",
          [.text(kanji)]
        ).map(Self.logEntry)
      }
      return try db.query("SELECT \(Self.logColumns) FROM review_log ORDER BY time_ms, id")
        .map(Self.logEntry)
    }
  }

  /// Consecutive learner days with at least one review, ending today (or yesterday when
  /// nothing has been reviewed yet today).
  public func streak(now: Date) throws -> Int {
    let clock = try clock()
    let days = try read {
      Set(
        try db.query("SELECT time_ms FROM review_log WHERE kind = 'review'").compactMap {
          $0.int64(0).map { clock.dayNumber(Millis.date($0)) }
        })
    }
    var day = clock.dayNumber(now)
    if !days.contains(day) { day -= 1 }
    var streak = 0
    while days.contains(day) {
      streak += 1
      day -= 1
    }
    return streak
  }
}

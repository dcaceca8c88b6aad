import Foundation
import ProgressRecords
import SQLite
import Scheduler

extension ProgressStore {
  /// Every card in the order added, with the grade of its last graded review.
  public func deckCards() throws -> [DeckCard] {
    try read {
      try db.query(
        """
        SELECT \(Self.cardColumns),
          (SELECT r.grade_json FROM review_log r
           WHERE r.kanji = cards.kanji AND r.kind = 'review' AND r.grade_json IS NOT NULL
             AND r.time_ms > coalesce(cards.reset_ms, -1)
           ORDER BY r.time_ms DESC, r.id DESC LIMIT 1)
        FROM cards ORDER BY position
        """
      ).map { DeckCard(snapshot: Self.snapshot($0), lastGradeJSON: $0.string(14)) }
    }
  }

  /// Suspends a card (it is never asked and never counted as due) or lets it be asked again;
  /// its schedule is kept as it was.
  public func setSuspended(_ kanji: String, _ suspended: Bool) throws {
    try write {
      try db.run(
        "UPDATE cards SET suspended = ? WHERE kanji = ?",
        [.integer(suspended ? 1 : 0), .text(kanji)])
      guard db.changes == 1 else { throw ProgressError.unknownCard(kanji) }
    }
  }

  /// Anki's "Forget": the card goes back to new with its memory, counts and leech flag
  /// cleared. Its reviews stay in the log, but replays start after the reset, which is
  /// recorded after the card's last review even when the clock says otherwise.
  @discardableResult
  public func resetCard(_ kanji: String, at time: Date = Date()) throws -> CardSnapshot {
    try write {
      guard var snapshot = try card(kanji) else { throw ProgressError.unknownCard(kanji) }
      var resetMs = Millis.from(time)
      if let last = try db.query(
        "SELECT max(time_ms) FROM review_log WHERE kanji = ?", [.text(kanji)]
      ).first?.int64(0), resetMs <= last {
        resetMs = last + 1
      }
      snapshot.card = Card()
      snapshot.resetAt = Millis.date(resetMs)
      try saveCard(snapshot)
      try db.run(
        "UPDATE cards SET reset_ms = ? WHERE kanji = ?", [.integer(resetMs), .text(kanji)])
      return snapshot
    }
  }

  /// Removes a card and its review log (its self-test answers stay with their tests); returns
  /// how many reviews and studies left the log.
  @discardableResult
  public func deleteCard(_ kanji: String) throws -> Int {
    try write {
      try db.run("DELETE FROM review_log WHERE kanji = ?", [.text(kanji)])
      let removed = db.changes
      try db.run("DELETE FROM cards WHERE kanji = ?", [.text(kanji)])
      guard db.changes == 1 else { throw ProgressError.unknownCard(kanji) }
      return removed
    }
  }

  /// The log that shapes a card now: its entries after its last reset, in time order.
  func replayLog(_ kanji: String, resetAt: Date?) throws -> [ReviewLogEntry] {
    try db.query(
      """
      SELECT \(Self.logColumns) FROM review_log WHERE kanji = ? AND time_ms > ?
      ORDER BY time_ms, id
      """, [.text(kanji), .integer(resetAt.map(Millis.from) ?? -1)]
    ).map(Self.logEntry)
  }
}

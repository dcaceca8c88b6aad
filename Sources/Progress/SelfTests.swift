import Foundation
import ProgressRecords
import SQLite

extension ProgressStore {
  /// Stores a finished self-test with its items, and its answers as reviews (adding kanji not
  /// yet in the deck), in one transaction: the test and its reviews are saved together or not
  /// at all.
  @discardableResult
  public func recordSelfTest(
    time: Date, items: [SelfTestItem], score: Double, reviews: [ReviewInput] = [],
    words: Bool = false
  ) throws -> SelfTestRecord {
    let time = Millis.truncated(time)
    return try write {
      var inDeck = Set<String>()
      for review in reviews where !inDeck.contains(review.kanji) {
        if try card(review.kanji) == nil { _ = try insertCards([review.kanji], at: time) }
        inDeck.insert(review.kanji)
      }
      for review in reviews { _ = try applyReview(review) }
      try db.run(
        "INSERT INTO self_tests(time_ms, score, kind) VALUES (?, ?, ?)",
        [.integer(Millis.from(time)), .real(score), .text(words ? "words" : "kanji")])
      let id = db.lastInsertRowID
      for (position, item) in items.enumerated() {
        try db.run(
          """
          INSERT INTO self_test_items(test_id, position, kanji, produced, drawing_json, grade_json)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
          [
            .integer(id), .integer(Int64(position)), .text(item.kanji),
            .integer(item.produced ? 1 : 0), item.drawingJSON.map { .text($0) } ?? .null,
            item.gradeJSON.map { .text($0) } ?? .null,
          ])
      }
      return SelfTestRecord(
        id: id, time: time, items: items, score: score,
        kind: words ? SelfTestRecord.wordsKind : nil)
    }
  }

  /// The self-tests on kanji, or with `words` on words (each its own trend), oldest first.
  public func selfTests(words: Bool = false) throws -> [SelfTestRecord] {
    try allSelfTests().filter { $0.isWordTest == words }
  }

  /// Every self-test, on kanji and on words, oldest first.
  public func allSelfTests() throws -> [SelfTestRecord] {
    try read {
      var items: [Int64: [SelfTestItem]] = [:]
      for row in try db.query(
        """
        SELECT test_id, kanji, produced, drawing_json, grade_json FROM self_test_items
        ORDER BY test_id, position
        """)
      {
        items[row.int64(0) ?? 0, default: []].append(
          SelfTestItem(
            kanji: row.string(1) ?? "", produced: row.int(2) == 1, drawingJSON: row.string(3),
            gradeJSON: row.string(4)))
      }
      return try db.query("SELECT id, time_ms, score, kind FROM self_tests ORDER BY time_ms").map {
        let id = $0.int64(0) ?? 0
        return SelfTestRecord(
          id: id, time: Millis.date($0.int64(1) ?? 0), items: items[id] ?? [],
          score: $0.double(2) ?? 0,
          kind: $0.string(3) == SelfTestRecord.wordsKind ? SelfTestRecord.wordsKind : nil)
      }
    }
  }

  /// Adds kanji the learner says they can read; returns those not already known.
  @discardableResult
  public func addKnown(_ kanji: [String], at time: Date = Date()) throws -> [String] {
    try write {
      var added: [String] = []
      for character in kanji {
        try db.run(
          "INSERT OR IGNORE INTO known(kanji, added_ms) VALUES (?, ?)",
          [.text(character), .integer(Millis.from(time))])
        if db.changes == 1 { added.append(character) }
      }
      return added
    }
  }

  @discardableResult
  public func removeKnown(_ kanji: [String]) throws -> Int {
    try write {
      var removed = 0
      for character in kanji {
        try db.run("DELETE FROM known WHERE kanji = ?", [.text(character)])
        removed += db.changes
      }
      return removed
    }
  }

  /// The known set in the order it was declared.
  public func known() throws -> [String] {
    try read {
      try db.query("SELECT kanji FROM known ORDER BY added_ms, rowid").compactMap { $0.string(0) }
    }
  }

  /// Since when each kanji has been readable: its date in the known set, or its first review,
  /// whichever came first. What the gap over the weeks counts the reading level from.
  public func readableSince() throws -> [String: Date] {
    try read {
      var since: [String: Date] = [:]
      let rows = try db.query(
        """
        SELECT kanji, added_ms FROM known
        UNION ALL
        SELECT kanji, min(time_ms) FROM review_log WHERE kind = 'review' GROUP BY kanji
        """)
      for row in rows {
        guard let kanji = row.string(0), let ms = row.int64(1) else { continue }
        let date = Millis.date(ms)
        since[kanji] = min(since[kanji] ?? date, date)
      }
      return since
    }
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler

extension ProgressStore {
  static let cardColumns = """
    kanji, added_ms, state, step, stability, difficulty, due_ms, last_review_ms, reps, lapses,
    leech, interval_days, suspended, reset_ms
    """

  static func snapshot(_ row: Row) -> CardSnapshot {
    let memory: MemoryState? = row.double(4).flatMap { s in
      row.double(5).map { MemoryState(stability: s, difficulty: $0) }
    }
    let card = Card(
      state: row.string(2).flatMap(CardState.init(rawValue:)) ?? .new, step: row.int(3) ?? 0,
      memory: memory, due: row.int64(6).map(Millis.date),
      lastReview: row.int64(7).map(Millis.date), reps: row.int(8) ?? 0, lapses: row.int(9) ?? 0,
      isLeech: row.int(10) == 1, intervalDays: row.int(11) ?? 0)
    return CardSnapshot(
      kanji: row.string(0) ?? "", card: card, addedAt: Millis.date(row.int64(1) ?? 0),
      flaggedLeech: false, suspended: row.int(12) == 1, resetAt: row.int64(13).map(Millis.date))
  }

  /// Adds kanji to the deck in the given order, skipping those already there (or repeated).
  public func addCards(_ kanji: [String], at time: Date) throws -> (
    added: [String], skipped: [String]
  ) {
    try write { try insertCards(kanji, at: time) }
  }

  /// The body of `addCards`, for callers that are already inside a write transaction.
  func insertCards(_ kanji: [String], at time: Date) throws -> (added: [String], skipped: [String])
  {
    var added: [String] = []
    var skipped: [String] = []
    var position =
      try db.query("SELECT coalesce(max(position), 0) FROM cards").first?.int64(0) ?? 0
    let insert = try db.prepare(
      "INSERT OR IGNORE INTO cards(kanji, position, added_ms, kind) VALUES (?, ?, ?, ?)")
    for character in kanji {
      position += 1
      insert.reset()
      try insert.bind([
        .text(character), .integer(position), .integer(Millis.from(time)),
        .text(CardKey.isWord(character) ? "word" : "kanji"),
      ])
      try insert.step()
      if db.changes == 1 { added.append(character) } else { skipped.append(character) }
    }
    return (added, skipped)
  }

  public func card(_ kanji: String) throws -> CardSnapshot? {
    try read {
      try db.query("SELECT \(Self.cardColumns) FROM cards WHERE kanji = ?", [.text(kanji)])
        .first.map(Self.snapshot)
    }
  }

  /// Every card in the order added.
  public func cards() throws -> [CardSnapshot] {
    try read {
      try db.query("SELECT \(Self.cardColumns) FROM cards ORDER BY position").map(Self.snapshot)
    }
  }

  /// What a session shows now, in order: (re)learning cards already due, then reviews due today
  /// (earliest first) up to the daily review limit, then new kanji in the order added, up to the
  /// daily new limit and not beyond the review limit.
  public func sessionQueue(now: Date) throws -> [QueuedCard] {
    let values = try settings()
    let config = try schedulingConfig()
    func limit(_ key: String) -> Int { Int(values.first { $0.key == key }!.value) ?? 0 }
    return try read {
      let today = config.clock.dayNumber(now)
      let dayStart = Millis.from(config.clock.start(ofDay: today))
      let dayEnd = Millis.from(config.clock.start(ofDay: today + 1))
      let nowMs = Millis.from(now)
      let reviewsDone = try count(
        "SELECT count(*) FROM review_log WHERE time_ms >= ? AND kind = 'review' AND state_before = 'review'",
        [.integer(dayStart)])
      let newDone = try count(
        "SELECT count(DISTINCT kanji) FROM review_log WHERE time_ms >= ? AND state_before = 'new'",
        [.integer(dayStart)])
      let learning = try queued(
        """
        SELECT kanji, state, due_ms FROM cards
        WHERE state IN ('learning', 'relearning') AND due_ms <= ? AND suspended = 0
        ORDER BY due_ms, position
        """, [.integer(nowMs)])
      let reviewRoom = max(0, limit("reviews_per_day") - reviewsDone)
      let reviews = try queued(
        """
        SELECT kanji, state, due_ms FROM cards
        WHERE state = 'review' AND due_ms < ? AND suspended = 0
        ORDER BY due_ms, position LIMIT ?
        """, [.integer(dayEnd), .integer(Int64(reviewRoom))])
      // Study more: the day's extra new kanji come on top of both limits, less those of them
      // already studied.
      let extra = Self.dailyCount(values.first { $0.key == "extra_new_today" }!.value, day: today)
      let extraRoom = max(0, extra - max(0, newDone - limit("new_per_day")))
      let newRoom =
        max(0, min(limit("new_per_day") - newDone, reviewRoom - reviews.count)) + extraRoom
      let fresh = try queued(
        """
        SELECT kanji, state, due_ms FROM cards WHERE state = 'new' AND suspended = 0
        ORDER BY position LIMIT ?
        """,
        [.integer(Int64(newRoom))])
      return learning + reviews + fresh
    }
  }

  /// The most extra new kanji "study more" adds to one day.
  public static let extraNewCap = 50

  /// The count of a `dailyCount` setting's value for `day`: 0 when it was set for another day.
  static func dailyCount(_ value: String, day: Int) -> Int {
    let parts = value.split(separator: ":")
    guard parts.count == 2, Int(parts[0]) == day else { return 0 }
    return Int(parts[1]) ?? 0
  }

  /// The new kanji added to today's limit by "study more".
  public func extraNewToday(now: Date) throws -> Int {
    Self.dailyCount(try setting("extra_new_today"), day: try clock().dayNumber(now))
  }

  /// Sets today's extra new kanji, within 0...`extraNewCap`; returns the count stored.
  @discardableResult
  public func setExtraNewToday(_ count: Int, now: Date) throws -> Int {
    let count = min(Self.extraNewCap, max(0, count))
    try setSetting("extra_new_today", "\(try clock().dayNumber(now)):\(count)")
    return count
  }

  /// Reviews ahead: review cards due after the learner's current day, earliest first.
  public func reviewsAhead(now: Date, limit: Int) throws -> [QueuedCard] {
    let clock = try clock()
    let dayEnd = Millis.from(clock.start(ofDay: clock.dayNumber(now) + 1))
    return try read {
      try queued(
        """
        SELECT kanji, state, due_ms FROM cards
        WHERE state = 'review' AND due_ms >= ? ORDER BY due_ms, position LIMIT ?
        """, [.integer(dayEnd), .integer(Int64(limit))])
    }
  }

  /// (Re)learning cards that come due later in the learner's current day.
  public func laterToday(now: Date) throws -> [QueuedCard] {
    let clock = try clock()
    let dayEnd = Millis.from(clock.start(ofDay: clock.dayNumber(now) + 1))
    return try read {
      try queued(
        """
        SELECT kanji, state, due_ms FROM cards
        WHERE state IN ('learning', 'relearning') AND due_ms > ? AND due_ms < ? AND suspended = 0
        ORDER BY due_ms, position
        """, [.integer(Millis.from(now)), .integer(dayEnd)])
    }
  }

  /// The earliest due time after `after` of a card already started, if any.
  public func nextDue(after: Date) throws -> Date? {
    try read {
      try db.query(
        "SELECT min(due_ms) FROM cards WHERE state != 'new' AND due_ms > ? AND suspended = 0",
        [.integer(Millis.from(after))]
      ).first?.int64(0).map(Millis.date)
    }
  }

  func queued(_ sql: String, _ values: [SQLValue]) throws -> [QueuedCard] {
    try db.query(sql, values).map { row in
      let state = row.string(1).flatMap(CardState.init(rawValue:)) ?? .new
      return QueuedCard(
        kanji: row.string(0) ?? "", isNew: state == .new, state: state,
        due: row.int64(2).map(Millis.date))
    }
  }

  func count(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
    try db.query(sql, values).first?.int(0) ?? 0
  }
}

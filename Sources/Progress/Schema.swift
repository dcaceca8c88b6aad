import Foundation
import SQLite

/// The progress database schema, as numbered migrations recorded in `PRAGMA user_version`.
enum Schema {
  static let migrations: [String] = [
    // 1: deck, review log, settings.
    """
    CREATE TABLE cards(
      kanji TEXT PRIMARY KEY,
      position INTEGER NOT NULL UNIQUE,
      added_ms INTEGER NOT NULL,
      state TEXT NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'learning', 'review', 'relearning')),
      step INTEGER NOT NULL DEFAULT 0,
      stability REAL,
      difficulty REAL,
      due_ms INTEGER,
      last_review_ms INTEGER,
      reps INTEGER NOT NULL DEFAULT 0,
      lapses INTEGER NOT NULL DEFAULT 0,
      leech INTEGER NOT NULL DEFAULT 0,
      interval_days INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX cards_state_due ON cards(state, due_ms);
    CREATE TABLE review_log(
      id INTEGER PRIMARY KEY,
      time_ms INTEGER NOT NULL,
      kanji TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('study', 'review')),
      rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),
      proposed_rating INTEGER CHECK (proposed_rating BETWEEN 1 AND 4),
      duration_ms INTEGER NOT NULL DEFAULT 0,
      hints_used INTEGER NOT NULL DEFAULT 0,
      drawing_json TEXT,
      grade_json TEXT,
      state_before TEXT NOT NULL,
      elapsed_days INTEGER NOT NULL,
      state_after TEXT NOT NULL,
      stability REAL,
      difficulty REAL,
      interval_days INTEGER NOT NULL,
      due_ms INTEGER,
      model TEXT NOT NULL,
      UNIQUE (kanji, time_ms)
    );
    CREATE INDEX review_log_time ON review_log(time_ms);
    CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    // 2: self-tests, the known set and the scheduler model with its weights.
    """
    CREATE TABLE self_tests(
      id INTEGER PRIMARY KEY,
      time_ms INTEGER NOT NULL UNIQUE,
      score REAL NOT NULL
    );
    CREATE TABLE self_test_items(
      test_id INTEGER NOT NULL REFERENCES self_tests(id),
      position INTEGER NOT NULL,
      kanji TEXT NOT NULL,
      produced INTEGER NOT NULL,
      drawing_json TEXT,
      grade_json TEXT,
      PRIMARY KEY (test_id, position)
    );
    CREATE TABLE known(kanji TEXT PRIMARY KEY, added_ms INTEGER NOT NULL);
    CREATE TABLE scheduler_models(
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      weights TEXT NOT NULL,
      created_ms INTEGER NOT NULL
    );
    """,
    // 3: a card can be suspended (never asked, never due) and reset to new with its log kept;
    // a reset card's replay starts after `reset_ms`, so `check` and undo agree with it.
    """
    ALTER TABLE cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE cards ADD COLUMN reset_ms INTEGER;
    """,
    // 4: sync through a folder. Every event (a review, a deck, setting, known or self-test
    // change, a review taken back) gets a globally unique id, its device and a per-device
    // sequence number; triggers stamp local changes, so every write path records its event.
    // Existing data becomes this device's events, numbered after its reviews.
    SyncSchema.migration,
    // 5: word cards (`word:勉強`, see CardKey) beside kanji cards, in the same tables; a word
    // review's grade_json holds each kanji's grade. A self-test on words has its own trend.
    """
    ALTER TABLE cards ADD COLUMN kind TEXT NOT NULL DEFAULT 'kanji' CHECK (kind IN ('kanji', 'word'));
    ALTER TABLE self_tests ADD COLUMN kind TEXT NOT NULL DEFAULT 'kanji' CHECK (kind IN ('kanji', 'words'));
    """ + SyncSchema.selfTestKind,
    // 6: fitted scheduler weights keep their figures (graded reviews fitted, in-sample log loss
    // and RMSE(bins) of the fit and of the defaults); `optimize --revert` sets a version aside
    // with `reverted_ms` instead of deleting it.
    """
    ALTER TABLE scheduler_models ADD COLUMN reviews INTEGER;
    ALTER TABLE scheduler_models ADD COLUMN log_loss REAL;
    ALTER TABLE scheduler_models ADD COLUMN rmse_bins REAL;
    ALTER TABLE scheduler_models ADD COLUMN default_log_loss REAL;
    ALTER TABLE scheduler_models ADD COLUMN default_rmse_bins REAL;
    ALTER TABLE scheduler_models ADD COLUMN reverted_ms INTEGER;
    """ + SyncSchema.models,
  ]

  static var currentVersion: Int { migrations.count }

  static func version(_ db: Database) throws -> Int {
    try db.query("PRAGMA user_version").first?.int(0) ?? 0
  }

  /// Brings `db` up to date. A file that already holds data is first copied beside itself
  /// (`progress.sqlite.v1-backup-<ms>`), so a failed migration never costs the learner anything.
  static func migrate(_ db: Database, path: String, now: Date) throws -> String? {
    let from = try version(db)
    guard from < currentVersion else { return nil }
    var backup: String?
    if from > 0 {
      let target = "\(path).v\(from)-backup-\(Int64(now.timeIntervalSince1970 * 1000))"
      try db.run("VACUUM INTO ?", [.text(target)])
      chmod(target, 0o600)
      backup = target
    }
    try db.transaction {
      // Another instance may have migrated while this one waited for the write lock.
      for version in try self.version(db)..<currentVersion {
        try db.execute(migrations[version])
      }
      try db.execute("PRAGMA user_version = \(currentVersion)")
    }
    return backup
  }
}

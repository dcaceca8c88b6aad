/// The tables and triggers of folder sync (migration 4).
///
/// A local change is stamped by a trigger with this device and the next sequence number, so
/// every write path (reviews, undo, the deck's edits, settings, self-tests, backups imported)
/// records its event without knowing about sync. While sync applies other devices' events,
/// `sync_device.applying` is 1 and the triggers stay quiet.
enum SyncSchema {
  /// Milliseconds since 1970, now, in SQL.
  static let nowMs = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"
  static let quiet = "(SELECT applying FROM sync_device) = 0"

  static let migration = """
    CREATE TABLE sync_device(
      id INTEGER PRIMARY KEY CHECK (id = 1),
      device TEXT NOT NULL,
      name TEXT NOT NULL,
      last_seq INTEGER NOT NULL,
      applying INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO sync_device(id, device, name, last_seq)
      VALUES (1, lower(hex(randomblob(8))), '', coalesce((SELECT max(id) FROM review_log), 0));
    ALTER TABLE review_log ADD COLUMN device TEXT;
    ALTER TABLE review_log ADD COLUMN seq INTEGER;
    UPDATE review_log SET device = (SELECT device FROM sync_device), seq = id;
    CREATE UNIQUE INDEX review_log_event ON review_log(device, seq);
    CREATE TABLE sync_events(
      id INTEGER PRIMARY KEY,
      device TEXT,
      seq INTEGER,
      time_ms INTEGER NOT NULL,
      type TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      UNIQUE (device, seq)
    );
    CREATE INDEX sync_events_subject ON sync_events(subject, type);
    CREATE TABLE sync_read(
      folder TEXT NOT NULL,
      file TEXT NOT NULL,
      offset INTEGER NOT NULL,
      PRIMARY KEY (folder, file)
    );
    CREATE TABLE sync_written(
      folder TEXT PRIMARY KEY,
      seq INTEGER NOT NULL,
      bytes INTEGER NOT NULL
    );

    CREATE TRIGGER sync_review_stamp AFTER INSERT ON review_log WHEN NEW.device IS NULL BEGIN
      UPDATE sync_device SET last_seq = last_seq + 1;
      UPDATE review_log SET device = (SELECT device FROM sync_device),
        seq = (SELECT last_seq FROM sync_device) WHERE id = NEW.id;
    END;
    CREATE TRIGGER sync_event_stamp AFTER INSERT ON sync_events WHEN NEW.device IS NULL BEGIN
      UPDATE sync_device SET last_seq = last_seq + 1;
      UPDATE sync_events SET device = (SELECT device FROM sync_device),
        seq = (SELECT last_seq FROM sync_device) WHERE id = NEW.id;
    END;
    CREATE TRIGGER sync_review_removed AFTER DELETE ON review_log WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'unreview', OLD.device || ':' || OLD.seq, json_object('kanji', OLD.kanji));
    END;
    CREATE TRIGGER sync_card_added AFTER INSERT ON cards WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.added_ms, 'card', NEW.kanji, json_object('added_ms', NEW.added_ms));
    END;
    CREATE TRIGGER sync_card_deleted AFTER DELETE ON cards WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'card_deleted', OLD.kanji, '{}');
    END;
    CREATE TRIGGER sync_card_suspended AFTER UPDATE OF suspended ON cards
    WHEN \(quiet) AND NEW.suspended IS NOT OLD.suspended BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'suspended', NEW.kanji, json_object('suspended', NEW.suspended));
    END;
    CREATE TRIGGER sync_card_reset AFTER UPDATE OF reset_ms ON cards
    WHEN \(quiet) AND NEW.reset_ms IS NOT NULL AND NEW.reset_ms IS NOT OLD.reset_ms BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.reset_ms, 'reset', NEW.kanji, json_object('reset_ms', NEW.reset_ms));
    END;
    CREATE TRIGGER sync_setting_added AFTER INSERT ON settings
    WHEN \(quiet) AND NEW.key NOT IN \(localSettingsSQL) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'setting', NEW.key, json_object('value', NEW.value));
    END;
    CREATE TRIGGER sync_setting_changed AFTER UPDATE OF value ON settings
    WHEN \(quiet) AND NEW.key NOT IN \(localSettingsSQL) AND NEW.value IS NOT OLD.value BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'setting', NEW.key, json_object('value', NEW.value));
    END;
    CREATE TRIGGER sync_known_added AFTER INSERT ON known WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.added_ms, 'known', NEW.kanji, json_object('added_ms', NEW.added_ms));
    END;
    CREATE TRIGGER sync_known_removed AFTER DELETE ON known WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'known_removed', OLD.kanji, '{}');
    END;
    CREATE TRIGGER sync_self_test AFTER INSERT ON self_tests WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.time_ms, 'self_test', NEW.time_ms, json_object('score', NEW.score));
    END;
    CREATE TRIGGER sync_self_test_item AFTER INSERT ON self_test_items WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        SELECT time_ms, 'self_test_item', time_ms || ':' || NEW.position,
          json_object('test_ms', time_ms, 'position', NEW.position, 'kanji', NEW.kanji,
            'produced', NEW.produced, 'drawing_json', NEW.drawing_json,
            'grade_json', NEW.grade_json)
        FROM self_tests WHERE id = NEW.test_id;
    END;
    CREATE TRIGGER sync_device_renamed AFTER UPDATE OF name ON sync_device
    WHEN NEW.name IS NOT OLD.name BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (\(nowMs), 'device', NEW.device, json_object('name', NEW.name));
    END;

    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT added_ms, 'card', kanji, json_object('added_ms', added_ms)
      FROM cards ORDER BY position;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT \(nowMs), 'suspended', kanji, json_object('suspended', suspended)
      FROM cards WHERE suspended != 0 ORDER BY position;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT reset_ms, 'reset', kanji, json_object('reset_ms', reset_ms)
      FROM cards WHERE reset_ms IS NOT NULL ORDER BY position;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT \(nowMs), 'setting', key, json_object('value', value)
      FROM settings WHERE key NOT IN \(localSettingsSQL) ORDER BY key;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT added_ms, 'known', kanji, json_object('added_ms', added_ms)
      FROM known ORDER BY added_ms, rowid;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT time_ms, 'self_test', time_ms, json_object('score', score)
      FROM self_tests ORDER BY time_ms;
    INSERT INTO sync_events(time_ms, type, subject, body)
      SELECT t.time_ms, 'self_test_item', t.time_ms || ':' || i.position,
        json_object('test_ms', t.time_ms, 'position', i.position, 'kanji', i.kanji,
          'produced', i.produced, 'drawing_json', i.drawing_json, 'grade_json', i.grade_json)
      FROM self_test_items i JOIN self_tests t ON t.id = i.test_id ORDER BY t.time_ms, i.position;
    """

  /// Migration 5 gave self-tests a kind (kanji or words): their event carries it.
  static let selfTestKind = """
    DROP TRIGGER sync_self_test;
    CREATE TRIGGER sync_self_test AFTER INSERT ON self_tests WHEN \(quiet) BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.time_ms, 'self_test', NEW.time_ms,
          json_object('score', NEW.score, 'kind', NEW.kind));
    END;
    """

  /// Migration 6 versioned the scheduler's weights: a version saved (with its figures) and a
  /// version reverted are events, so every machine replays its cards with the same weights.
  /// The defaults every store starts with (made at time 0) are no news to anyone.
  static let models = """
    CREATE TRIGGER sync_model_added AFTER INSERT ON scheduler_models
    WHEN \(quiet) AND NEW.created_ms > 0 BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.created_ms, 'model', CAST(NEW.created_ms AS TEXT),
          json_object('name', NEW.name, 'weights', NEW.weights, 'created_ms', NEW.created_ms,
            'reviews', NEW.reviews, 'log_loss', NEW.log_loss, 'rmse_bins', NEW.rmse_bins,
            'default_log_loss', NEW.default_log_loss, 'default_rmse_bins', NEW.default_rmse_bins));
    END;
    CREATE TRIGGER sync_model_reverted AFTER UPDATE OF reverted_ms ON scheduler_models
    WHEN \(quiet) AND NEW.reverted_ms IS NOT NULL AND OLD.reverted_ms IS NULL BEGIN
      INSERT INTO sync_events(time_ms, type, subject, body)
        VALUES (NEW.reverted_ms, 'model_reverted', CAST(NEW.created_ms AS TEXT),
          json_object('created_ms', NEW.created_ms, 'weights', NEW.weights,
            'reverted_ms', NEW.reverted_ms));
    END;
    """

  /// Settings that belong to one machine (a folder's path) and never travel.
  static let localSettings = ["sync_dir"]
  static var localSettingsSQL: String {
    "(" + localSettings.map { "'\($0)'" }.joined(separator: ", ") + ")"
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler

/// The learner's progress in one SQLite file (WAL, synchronous FULL): the deck with each card's
/// scheduling state, the review log, self-tests, the known set and settings. Every write is one
/// BEGIN IMMEDIATE transaction, committed before the call returns.
///
/// A process keeps one store open for as long as it needs it: SQLite's locks belong to the
/// process, and nothing but this connection touches the file while it is open.
public final class ProgressStore {
  /// What a process means to do with the store.
  public enum Access: Sendable {
    /// Record progress: the file is created when missing, upgraded when older, and checked
    /// for damage before the first write.
    case readWrite
    /// Only read it: a read-only file, or one in a read-only folder, can still be exported.
    case readOnly
  }

  public let path: String
  public let access: Access
  /// The copy made before migrating an older schema at open, if any.
  public private(set) var migrationBackup: String?
  let db: Database
  let timeZone: TimeZone
  /// Set for a file that held data when opened, until SQLite's quick check has passed.
  private var unverified: Bool

  public static let busyTimeoutMs: Int32 = 5000
  static let busyRetries = 3

  /// Opens the progress database of `home`, resolved as `ProgressFolder`: created when missing
  /// for `.readWrite`, refused as `ProgressError.noProgress` for `.readOnly`, so that a
  /// mistyped home is reported instead of quietly made.
  public static func open(
    home: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    timeZone: TimeZone = .current, access: Access = .readWrite
  ) throws -> ProgressStore {
    let directory = ProgressFolder.directory(home: home, environment: environment)
    let path = directory + "/" + ProgressFolder.fileName
    // A reader opens the store as a writer would when it can (upgrading an older one), and
    // read-only only when the file or its folder cannot be written; it never creates one.
    let exists = try FileGuard.existingSize(path) != nil
    if access == .readOnly && !exists {
      throw ProgressError.noProgress(home: directory)
    }
    if access == .readWrite {
      try FileGuard.createFolder(directory)
      return try ProgressStore(path: path, timeZone: timeZone)
    }
    if (try? FileGuard.checkWritable(path, exists: true)) != nil {
      do {
        return try ProgressStore(path: path, timeZone: timeZone)
      } catch ProgressError.diskFull {
        // A full disk has no room for the shared-memory file; the data can still be read.
      }
    }
    return try ProgressStore(path: path, timeZone: timeZone, access: .readOnly)
  }

  public init(
    path: String, timeZone: TimeZone = .current, now: Date = Date(),
    busyTimeoutMs: Int32 = ProgressStore.busyTimeoutMs, access: Access = .readWrite
  ) throws {
    self.path = path
    self.timeZone = timeZone
    self.access = access
    let size = try FileGuard.existingSize(path)
    unverified = (size ?? 0) > 0
    do {
      switch access {
      case .readWrite:
        try FileGuard.checkWritable(path, exists: size != nil)
        if size == nil { try FileGuard.createPrivate(path) } else { FileGuard.makePrivate(path) }
        db = try Database(path: path, mode: .readWrite, busyTimeoutMilliseconds: busyTimeoutMs)
      case .readOnly:
        db = try Self.openForReading(path, busyTimeoutMs: busyTimeoutMs)
      }
      // A read first: a file that is not a database fails here, before anything is written.
      _ = try db.scalar("SELECT count(*) FROM sqlite_master")
      let version = try Schema.version(db)
      guard version >= 0 else { throw ProgressError.unknownSchema(path: path, found: version) }
      guard version <= Schema.currentVersion else {
        throw ProgressError.newerSchema(
          path: path, found: version, supported: Schema.currentVersion)
      }
      if access == .readOnly {
        guard version == Schema.currentVersion else {
          throw ProgressError.needsUpgrade(
            path: path, found: version, supported: Schema.currentVersion)
        }
        return
      }
      if try db.scalar("PRAGMA journal_mode") != .text("wal") {
        try verifyBeforeFirstWrite()
        _ = try db.query("PRAGMA journal_mode = WAL")
      }
      // FULL syncs the WAL at every commit: a recorded review survives a power cut, not just a
      // crash. NORMAL would save that fsync but may lose the last reviews on power loss.
      try db.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
      if version < Schema.currentVersion { try verifyBeforeFirstWrite() }
      migrationBackup = try Schema.migrate(db, path: path, now: now)
      try ensureModel()
    } catch {
      throw Self.mapped(error, path: path)
    }
  }

  /// A read-only connection; where SQLite cannot make its shared-memory file (a read-only
  /// folder, a full disk), the file is read as it stands, which is all of it unless a WAL
  /// holds changes not yet in it.
  private static func openForReading(_ path: String, busyTimeoutMs: Int32) throws -> Database {
    if FileGuard.folderIsWritable(path) {
      let database = try Database(
        path: path, mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMs)
      // SQLite makes the shared-memory file at the first read; a full disk has no room for it.
      guard (try? database.scalar("SELECT count(*) FROM sqlite_master")) == nil else {
        return database
      }
    }
    if let walSize = try? FileGuard.existingSize(path + "-wal"), walSize > 0 {
      throw ProgressError.cannotOpen(
        path: path,
        reason:
          "its folder cannot be written, and \(path)-wal holds changes that need it; make the folder writable"
      )
    }
    return try Database(
      path: path, mode: .readOnlyImmutable, busyTimeoutMilliseconds: busyTimeoutMs)
  }

  /// SQLite's quick check, once per process before the first write to a file that held data:
  /// a damaged store is refused instead of written, so the damage does not spread.
  func verifyBeforeFirstWrite() throws {
    guard unverified else { return }
    let found: [String]
    do {
      found = try db.query("PRAGMA quick_check").compactMap { $0.string(0) }
    } catch let error as SQLiteError where error.kind == .corrupt {
      // Damage bad enough stops the check itself.
      throw ProgressError.damaged(path: path, details: [error.message])
    }
    guard found == ["ok"] else { throw ProgressError.damaged(path: path, details: found) }
    unverified = false
  }

  static func mapped(_ error: Error, path: String) -> Error {
    guard let error = error as? SQLiteError else { return error }
    switch error.kind {
    case .corrupt: return ProgressError.notADatabase(path: path)
    case .busy: return ProgressError.locked(path: path)
    case .readOnly: return ProgressError.readOnly(path: path)
    case .cannotOpen: return ProgressError.cannotOpen(path: path, reason: error.message)
    case .full: return ProgressError.diskFull(path: path)
    case .constraint, .other: return ProgressError.database(error.description)
    }
  }

  /// Runs `body` as one immediate transaction, retrying when another instance holds the lock
  /// past the busy timeout. Nothing is committed unless `body` returns.
  func write<T>(_ body: () throws -> T) throws -> T {
    guard access == .readWrite else { throw ProgressError.readOnly(path: path) }
    var attempt = 0
    while true {
      do {
        try verifyBeforeFirstWrite()
        return try db.transaction(body)
      } catch let error as SQLiteError where error.kind == .busy && attempt < Self.busyRetries {
        attempt += 1
        usleep(useconds_t(20_000 * attempt))
      } catch {
        throw Self.mapped(error, path: path)
      }
    }
  }

  func read<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw Self.mapped(error, path: path) }
  }

  // MARK: - Scheduler model and configuration

  func ensureModel() throws {
    guard try db.scalar("SELECT count(*) FROM scheduler_models") == .integer(0) else { return }
    try write {
      // Checked again under the write lock: another instance may be creating the file too.
      guard try db.scalar("SELECT count(*) FROM scheduler_models") == .integer(0) else { return }
      // The defaults hold from the start of time: any version saved or synced is newer.
      try insertModel(.fsrs6Default, at: Date(timeIntervalSince1970: 0))
    }
  }

  /// One statement, figures included, so the row's sync event carries all of it.
  func insertModel(_ parameters: ModelParameters, at time: Date, figures: FitFigures? = nil)
    throws
  {
    let weights = String(decoding: try JSONEncoder().encode(parameters.weights), as: UTF8.self)
    let figureValues: [SQLValue] =
      figures.map {
        [
          .integer(Int64($0.reviews)), .real($0.logLoss), .real($0.rmseBins),
          .real($0.defaultLogLoss), .real($0.defaultRmseBins),
        ]
      } ?? Array(repeating: .null, count: 5)
    try db.run(
      """
      INSERT INTO scheduler_models(name, weights, created_ms, reviews, log_loss, rmse_bins,
        default_log_loss, default_rmse_bins)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [.text(parameters.model), .text(weights), .integer(Millis.from(time))] + figureValues)
  }

  /// Replays every card's log with the scheduler now in use: a card's state is what its log
  /// gives with the weights in force, so `check`, undo and sync agree after a change of weights
  /// (as Anki recomputes memory states when the parameters change).
  func rebuildAllCards() throws {
    try rebuildCards(try cards().map(\.kanji), scheduler: try scheduler())
  }

  /// The model in use: the newest one not reverted, by when it was made (sync brings in other
  /// machines' versions after this machine's own).
  public func modelParameters() throws -> ModelParameters {
    try read {
      guard
        let row = try db.query(
          """
          SELECT name, weights FROM scheduler_models WHERE reverted_ms IS NULL
          ORDER BY created_ms DESC, id DESC LIMIT 1
          """
        ).first, let name = row.string(0), let weights = row.string(1),
        let values = try? JSONDecoder().decode([Double].self, from: Data(weights.utf8))
      else { return .fsrs6Default }
      return ModelParameters(model: name, weights: values)
    }
  }

  /// Stores a new model (after validating it); later reviews use it.
  public func setModelParameters(_ parameters: ModelParameters, at time: Date = Date()) throws {
    _ = try FSRS(parameters: parameters)
    try write {
      try insertModel(parameters, at: time)
      try rebuildAllCards()
    }
  }

  public func schedulingConfig() throws -> SchedulingConfig {
    let values = try settings()
    func value(_ key: String) -> String { values.first { $0.key == key }?.value ?? "" }
    // The values are normalised by the catalog; the fallbacks only guard the parsing.
    let defaults = SchedulingConfig()
    return SchedulingConfig(
      learningSteps: SettingDefinition.parseSteps(value("learning_steps"))
        ?? defaults.learningSteps,
      relearningSteps: SettingDefinition.parseSteps(value("relearning_steps"))
        ?? defaults.relearningSteps,
      desiredRetention: Double(value("desired_retention")) ?? defaults.desiredRetention,
      maximumInterval: Int(value("max_interval")) ?? defaults.maximumInterval,
      fuzz: value("fuzz") != "off",
      leechThreshold: Int(value("leech_threshold")) ?? defaults.leechThreshold,
      clock: DayClock(
        timeZone: timeZone, dayStartHour: Int(value("day_start")) ?? defaults.clock.dayStartHour))
  }

  public func scheduler() throws -> Scheduler {
    Scheduler(model: try FSRS(parameters: modelParameters()), config: try schedulingConfig())
  }

  public func clock() throws -> DayClock { try schedulingConfig().clock }

  // MARK: - Settings

  /// Every known setting with its current value (the default when unset).
  public func settings() throws -> [(key: String, value: String, isDefault: Bool)] {
    let stored = try read {
      Dictionary(
        try db.query("SELECT key, value FROM settings").compactMap { row in
          row.string(0).flatMap { key in row.string(1).map { (key, $0) } }
        }, uniquingKeysWith: { a, _ in a })
    }
    let former = Dictionary(SettingsCatalog.formerKeys.map { ($1, $0) }) { a, _ in a }
    return SettingsCatalog.all.map { definition in
      let raw = stored[definition.key] ?? former[definition.key].flatMap { stored[$0] }
      if let raw, let value = definition.normalise(raw) {
        return (definition.key, value, value == definition.defaultValue)
      }
      return (definition.key, definition.defaultValue, true)
    }
  }

  public func setting(_ key: String) throws -> String {
    guard let definition = SettingsCatalog.definition(key) else {
      throw ProgressError.unknownSetting(key)
    }
    // A former key (leniency) reads the setting it became.
    return try settings().first { $0.key == definition.key }!.value
  }

  /// Validates and stores a setting; returns the normalised value.
  @discardableResult
  public func setSetting(_ key: String, _ value: String) throws -> String {
    guard let definition = SettingsCatalog.definition(key) else {
      throw ProgressError.unknownSetting(key)
    }
    guard let normalised = definition.normalise(value) else {
      throw ProgressError.invalidSetting(key: key, value: value, expected: definition.expected)
    }
    try write {
      try db.run(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [.text(definition.key), .text(normalised)])
    }
    return normalised
  }

  public func bool(_ key: String) throws -> Bool { try setting(key) == "on" }
  public func int(_ key: String) throws -> Int { Int(try setting(key)) ?? 0 }
  public func double(_ key: String) throws -> Double { Double(try setting(key)) ?? 0 }
  /// A steps setting in seconds.
  public func steps(_ key: String) throws -> [Double] {
    SettingDefinition.parseSteps(try setting(key)) ?? []
  }
}

/// Milliseconds since 1970, the store's time unit (exact, unlike floating seconds).
enum Millis {
  static func from(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
  static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: Double(ms) / 1000) }
  static func truncated(_ date: Date) -> Date { Self.date(from(date)) }
}

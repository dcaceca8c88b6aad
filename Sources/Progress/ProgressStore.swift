import Foundation
import SQLite
import Scheduler

/// The learner's progress in one SQLite file (WAL, synchronous FULL): the deck with each card's
/// scheduling state, the review log, self-tests, the known set and settings. Every write is one
/// BEGIN IMMEDIATE transaction, committed before the call returns.
public final class ProgressStore {
  public let path: String
  /// The copy made before migrating an older schema at open, if any.
  public let migrationBackup: String?
  let db: Database
  let timeZone: TimeZone

  public static let busyTimeoutMs: Int32 = 5000
  static let busyRetries = 3

  /// Opens (creating if needed) the progress database of `home`, resolved as `ProgressHome`.
  public static func open(
    home: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    timeZone: TimeZone = .current
  ) throws -> ProgressStore {
    let directory = ProgressHome.directory(home: home, environment: environment)
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw ProgressError.cannotOpen(path: directory, reason: "cannot create the folder")
    }
    return try ProgressStore(path: directory + "/" + ProgressHome.fileName, timeZone: timeZone)
  }

  public init(
    path: String, timeZone: TimeZone = .current, now: Date = Date(),
    busyTimeoutMs: Int32 = ProgressStore.busyTimeoutMs
  ) throws {
    self.path = path
    self.timeZone = timeZone
    try FileGuard.checkBeforeOpening(path)
    do {
      db = try Database(
        path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMs)
      // A read first: a damaged file fails here, before anything could be written to it.
      _ = try db.scalar("SELECT count(*) FROM sqlite_master")
      if try db.scalar("PRAGMA journal_mode") != .text("wal") {
        _ = try db.query("PRAGMA journal_mode = WAL")
      }
      // FULL syncs the WAL at every commit: a recorded review survives a power cut, not just a
      // crash. NORMAL would save that fsync but may lose the last reviews on power loss.
      try db.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
      migrationBackup = try Schema.migrate(db, path: path, now: now)
      try ensureModel(now: now)
    } catch {
      throw Self.mapped(error, path: path)
    }
  }

  static func mapped(_ error: Error, path: String) -> Error {
    guard let error = error as? SQLiteError else { return error }
    switch error.kind {
    case .corrupt: return ProgressError.notADatabase(path: path)
    case .busy: return ProgressError.locked(path: path)
    case .readOnly: return ProgressError.readOnly(path: path)
    case .cannotOpen: return ProgressError.cannotOpen(path: path, reason: error.message)
    case .constraint, .other: return ProgressError.database(error.description)
    }
  }

  /// Runs `body` as one immediate transaction, retrying when another instance holds the lock
  /// past the busy timeout. Nothing is committed unless `body` returns.
  func write<T>(_ body: () throws -> T) throws -> T {
    var attempt = 0
    while true {
      do {
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

  func ensureModel(now: Date) throws {
    guard try db.scalar("SELECT count(*) FROM scheduler_models") == .integer(0) else { return }
    try write {
      // Checked again under the write lock: another instance may be creating the file too.
      guard try db.scalar("SELECT count(*) FROM scheduler_models") == .integer(0) else { return }
      try insertModel(.fsrs6Default, at: now)
    }
  }

  func insertModel(_ parameters: ModelParameters, at time: Date) throws {
    let weights = String(decoding: try JSONEncoder().encode(parameters.weights), as: UTF8.self)
    try db.run(
      "INSERT INTO scheduler_models(name, weights, created_ms) VALUES (?, ?, ?)",
      [.text(parameters.model), .text(weights), .integer(Millis.from(time))])
  }

  /// The model in use: the last one stored.
  public func modelParameters() throws -> ModelParameters {
    try read {
      guard
        let row = try db.query(
          "SELECT name, weights FROM scheduler_models ORDER BY id DESC LIMIT 1"
        ).first, let name = row.string(0), let weights = row.string(1),
        let values = try? JSONDecoder().decode([Double].self, from: Data(weights.utf8))
      else { return .fsrs6Default }
      return ModelParameters(model: name, weights: values)
    }
  }

  /// Stores a new model (after validating it); later reviews use it.
  public func setModelParameters(_ parameters: ModelParameters, at time: Date = Date()) throws {
    _ = try FSRS(parameters: parameters)
    try write { try insertModel(parameters, at: time) }
  }

  public func schedulingConfig() throws -> SchedulingConfig {
    let values = try settings()
    func value(_ key: String) -> String { values.first { $0.key == key }?.value ?? "" }
    return SchedulingConfig(
      learningSteps: SettingDefinition.parseSteps(value("learning_steps")) ?? [60, 600],
      relearningSteps: SettingDefinition.parseSteps(value("relearning_steps")) ?? [600],
      desiredRetention: Double(value("desired_retention")) ?? 0.9,
      maximumInterval: Int(value("max_interval")) ?? 36500,
      fuzz: value("fuzz") != "off",
      leechThreshold: Int(value("leech_threshold")) ?? 8,
      clock: DayClock(timeZone: timeZone, dayStartHour: Int(value("day_start")) ?? 4))
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
    return SettingsCatalog.all.map { definition in
      if let raw = stored[definition.key], let value = definition.normalise(raw) {
        return (definition.key, value, value == definition.defaultValue)
      }
      return (definition.key, definition.defaultValue, true)
    }
  }

  public func setting(_ key: String) throws -> String {
    guard SettingsCatalog.definition(key) != nil else { throw ProgressError.unknownSetting(key) }
    return try settings().first { $0.key == key }!.value
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
        [.text(key), .text(normalised)])
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

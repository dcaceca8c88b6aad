import CSQLite
import Foundation

/// An error from SQLite, carrying the file it concerns so messages can name it.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
  public enum Kind: Sendable {
    /// The file is not a database, or its content is damaged.
    case corrupt
    /// Another connection holds a lock longer than the busy timeout.
    case busy
    /// The file or its folder cannot be written.
    case readOnly
    /// The file cannot be opened at all (missing folder, permissions).
    case cannotOpen
    case constraint
    /// The disk (or the file system's quota) is full.
    case full
    case other
  }

  public let kind: Kind
  public let code: Int32
  public let message: String
  public let path: String
  /// The operating system's error number behind an I/O error, 0 when there is none.
  public let systemErrno: Int32

  init(code: Int32, message: String, path: String, systemErrno: Int32 = 0) {
    self.code = code
    self.message = message
    self.path = path
    self.systemErrno = systemErrno
    switch code & 0xff {
    case SQLITE_CORRUPT, SQLITE_NOTADB: kind = .corrupt
    case SQLITE_BUSY, SQLITE_LOCKED: kind = .busy
    case SQLITE_READONLY: kind = .readOnly
    case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: kind = .cannotOpen
    case SQLITE_CONSTRAINT: kind = .constraint
    case SQLITE_FULL: kind = .full
    // A write that fails for want of space is often reported as a plain I/O error.
    case SQLITE_IOERR where systemErrno == ENOSPC || systemErrno == EDQUOT: kind = .full
    default: kind = .other
    }
  }

  public var description: String {
    switch kind {
    case .corrupt: return "\(path) is not a valid database or is damaged (\(message))"
    case .busy:
      return "\(path) is locked by another program (\(message)); try again when it is done"
    case .readOnly: return "\(path) cannot be written (\(message))"
    case .cannotOpen: return "cannot open \(path) (\(message))"
    case .full: return "the disk holding \(path) is full (\(message))"
    case .constraint, .other: return "\(path): \(message)"
    }
  }
}

/// A value that can be bound to a statement parameter or read from a column.
public enum SQLValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

/// One connection to a SQLite file. Not thread-safe: use one connection per thread.
public final class Database {
  public enum Mode: Sendable {
    case readOnly
    /// Read and write an existing file, or create it.
    case readWriteCreate
    /// Read and write a file that must already exist.
    case readWrite
    /// Read a file that nothing changes while it is open, without the shared-memory file a
    /// WAL database otherwise needs: the way to read one in a folder that cannot be written.
    case readOnlyImmutable
  }

  public let path: String
  let handle: OpaquePointer

  public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 5000)
    throws
  {
    self.path = path
    var flags = SQLITE_OPEN_NOMUTEX
    switch mode {
    case .readOnly: flags |= SQLITE_OPEN_READONLY
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .readOnlyImmutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
    }
    var name = path
    if mode == .readOnlyImmutable {
      // In a URI, these three characters of a file name must be escaped.
      let escaped = path.replacingOccurrences(of: "%", with: "%25")
        .replacingOccurrences(of: "?", with: "%3f").replacingOccurrences(of: "#", with: "%23")
      name = "file:\(escaped)?immutable=1"
    }
    var db: OpaquePointer?
    let rc = sqlite3_open_v2(name, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message =
        db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
      if let db { sqlite3_close_v2(db) }
      throw SQLiteError(code: rc, message: message, path: path)
    }
    handle = db
    sqlite3_extended_result_codes(db, 1)
    sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
  }

  deinit {
    sqlite3_close_v2(handle)
  }

  /// An in-memory database, for tests and scratch work.
  public static func inMemory() throws -> Database {
    try Database(path: ":memory:")
  }

  func error(_ code: Int32) -> SQLiteError {
    SQLiteError(
      code: code, message: String(cString: sqlite3_errmsg(handle)), path: path,
      systemErrno: sqlite3_system_errno(handle))
  }

  /// Runs one or more SQL statements that take no parameters.
  public func execute(_ sql: String) throws {
    let rc = sqlite3_exec(handle, sql, nil, nil, nil)
    guard rc == SQLITE_OK else { throw error(rc) }
  }

  public func prepare(_ sql: String) throws -> Statement {
    try Statement(database: self, sql: sql)
  }

  /// Runs a statement with parameters, discarding any rows.
  public func run(_ sql: String, _ values: [SQLValue] = []) throws {
    let statement = try prepare(sql)
    try statement.bind(values)
    while try statement.step() {}
  }

  /// All rows of a query.
  public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
    let statement = try prepare(sql)
    try statement.bind(values)
    var rows: [Row] = []
    while try statement.step() { rows.append(statement.row()) }
    return rows
  }

  /// The first column of the first row, if any.
  public func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> SQLValue? {
    try query(sql, values).first?.values.first
  }

  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// Runs `body` in one transaction; BEGIN IMMEDIATE takes the write lock up front so two
  /// writers wait on the busy timeout instead of failing half-way.
  public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
    try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// SQLite's `PRAGMA integrity_check`: "ok", or the problems found.
  public func integrityCheck() throws -> [String] {
    try query("PRAGMA integrity_check").compactMap { $0.string(0) }
  }
}

/// One row of a result, read by column index.
public struct Row: Sendable {
  public let values: [SQLValue]

  public func int(_ i: Int) -> Int? {
    switch values[i] {
    case .integer(let v): return Int(v)
    case .real(let v): return Int(v)
    case .text(let s): return Int(s)
    default: return nil
    }
  }

  public func int64(_ i: Int) -> Int64? {
    switch values[i] {
    case .integer(let v): return v
    case .real(let v): return Int64(v)
    default: return nil
    }
  }

  public func double(_ i: Int) -> Double? {
    switch values[i] {
    case .integer(let v): return Double(v)
    case .real(let v): return v
    case .text(let s): return Double(s)
    default: return nil
    }
  }

  public func string(_ i: Int) -> String? {
    switch values[i] {
    case .text(let s): return s
    case .integer(let v): return String(v)
    case .real(let v): return String(v)
    default: return nil
    }
  }

  public func blob(_ i: Int) -> [UInt8]? {
    switch values[i] {
    case .blob(let b): return b
    case .text(let s): return Array(s.utf8)
    default: return nil
    }
  }
}

/// A prepared statement. Reuse it across calls with `reset()` for speed in hot paths.
public final class Statement {
  let database: Database
  let handle: OpaquePointer

  init(database: Database, sql: String) throws {
    self.database = database
    var stmt: OpaquePointer?
    let rc = sqlite3_prepare_v2(database.handle, sql, -1, &stmt, nil)
    guard rc == SQLITE_OK, let stmt else { throw database.error(rc) }
    handle = stmt
  }

  deinit {
    sqlite3_finalize(handle)
  }

  public func reset() {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }

  public func bind(_ values: [SQLValue]) throws {
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  public func bind(_ value: SQLValue, at index: Int32) throws {
    let rc: Int32
    switch value {
    case .null: rc = sqlite3_bind_null(handle, index)
    case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
    case .real(let v): rc = sqlite3_bind_double(handle, index, v)
    case .text(let s): rc = sqlite3_bind_text(handle, index, s, -1, kw_sqlite_transient())
    case .blob(let b):
      rc = b.withUnsafeBytes {
        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), kw_sqlite_transient())
      }
    }
    guard rc == SQLITE_OK else { throw database.error(rc) }
  }

  /// Advances to the next row; false when done.
  @discardableResult
  public func step() throws -> Bool {
    let rc = sqlite3_step(handle)
    switch rc {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw database.error(rc)
    }
  }

  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  public func row() -> Row {
    Row(values: (0..<Int32(columnCount)).map { value(at: $0) })
  }

  public func value(at column: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
    case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, column)))
    case SQLITE_BLOB: return .blob(blobBytes(at: column))
    default: return .null
    }
  }

  /// A blob column's bytes without going through `SQLValue`, for the hot stroke-loading path.
  public func blobBytes(at column: Int32) -> [UInt8] {
    let count = Int(sqlite3_column_bytes(handle, column))
    guard count > 0, let base = sqlite3_column_blob(handle, column) else { return [] }
    return Array(UnsafeRawBufferPointer(start: base, count: count))
  }

  public func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  public func text(at column: Int32) -> String? {
    guard let p = sqlite3_column_text(handle, column) else { return nil }
    return String(cString: p)
  }
}

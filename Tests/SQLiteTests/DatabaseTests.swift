import Foundation
import TestSupport
import Testing

@testable import SQLite

@Suite struct DatabaseTests {
  @Test func roundTripsEveryValueKind() throws {
    let db = try Database.inMemory()
    try db.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n)")
    try db.run(
      "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
      [.integer(42), .real(1.5), .text("学校"), .blob([0, 1, 255]), .null])
    let row = try #require(try db.query("SELECT i, r, s, b, n FROM t").first)
    #expect(row.int(0) == 42)
    #expect(row.double(1) == 1.5)
    #expect(row.string(2) == "学校")
    #expect(row.blob(3) == [0, 1, 255])
    #expect(row.values[4] == .null)
  }

  @Test func transactionRollsBackOnError() throws {
    struct Boom: Error {}
    let db = try Database.inMemory()
    try db.execute("CREATE TABLE t(x)")
    #expect(throws: Boom.self) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES (1)")
        throw Boom()
      }
    }
    #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
  }

  @Test func notADatabaseIsReportedAsCorruptAndNamesTheFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("junk.sqlite")
    let junk = Data(repeating: 0x41, count: 4096)
    try junk.write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: SQLiteError.self) {
      let db = try Database(path: path, mode: .readWrite)
      _ = try db.query("SELECT * FROM sqlite_master")
    }
    #expect(error?.kind == .corrupt)
    #expect(error?.description.contains(path) == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
  }

  @Test func missingFileInReadOnlyModeCannotOpen() {
    let error = #expect(throws: SQLiteError.self) {
      _ = try Database(path: "/nonexistent/folder/x.sqlite", mode: .readOnly)
    }
    #expect(error?.kind == .cannotOpen)
  }

  /// SQLite often reports a write that found no space as a plain I/O error; the errno behind it
  /// says what it was.
  @Test func aFullDiskIsTold() {
    let ioError = SQLiteError(code: 3338, message: "disk I/O error", path: "p", systemErrno: ENOSPC)
    #expect(ioError.kind == .full)
    #expect(ioError.description.contains("full"))
    #expect(SQLiteError(code: 13, message: "database or disk is full", path: "p").kind == .full)
    #expect(
      SQLiteError(code: 3338, message: "disk I/O error", path: "p", systemErrno: EIO).kind == .other
    )
  }

  @Test func anImmutableFileNameWithURICharactersIsRead() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("a?b#c%d.sqlite")
    do {
      let db = try Database(path: path)
      try db.execute("CREATE TABLE t(x); INSERT INTO t VALUES (7)")
    }
    let immutable = try Database(path: path, mode: .readOnlyImmutable)
    #expect(try immutable.scalar("SELECT x FROM t") == .integer(7))
  }
}

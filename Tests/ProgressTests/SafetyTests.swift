import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

@Suite struct SafetyTests {
  @Test func textFileIsRefusedAndLeftUntouched() throws {
    let home = try TemporaryFolder()
    let original = Data("my shopping list\n".utf8)
    _ = FileManager.default.createFile(atPath: home.database, contents: original)
    #expect(throws: ProgressError.notADatabase(path: home.database)) { try home.openStore() }
    #expect(fileBytes(home.database) == original)
    #expect(!FileManager.default.fileExists(atPath: home.database + "-wal"))
  }

  @Test func damagedDatabaseIsRefusedAndLeftUntouched() throws {
    let home = try TemporaryFolder()
    do {
      let store = try home.openStore()
      _ = try store.addCards(["学"], at: Date())
    }
    // Keep the header, overwrite the schema page with junk.
    var bytes = try #require(fileBytes(home.database))
    for i in 100..<min(bytes.count, 4096) { bytes[i] = 0x5A }
    _ = FileManager.default.createFile(atPath: home.database, contents: bytes)
    try? FileManager.default.removeItem(atPath: home.database + "-wal")
    try? FileManager.default.removeItem(atPath: home.database + "-shm")
    #expect(throws: ProgressError.notADatabase(path: home.database)) { try home.openStore() }
    #expect(fileBytes(home.database) == bytes)
  }

  @Test func readOnlyFileIsRefusedAndLeftUntouched() throws {
    let home = try TemporaryFolder()
    do {
      let store = try home.openStore()
      _ = try store.addCards(["学"], at: Date())
    }
    let before = try #require(fileBytes(home.database))
    chmod(home.database, 0o444)
    defer { chmod(home.database, 0o644) }
    #expect(throws: ProgressError.readOnly(path: home.database)) { try home.openStore() }
    #expect(fileBytes(home.database) == before)
  }

  @Test func lockedFileGivesAClearError() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore(busyTimeoutMs: 50)
    _ = try store.addCards(["学"], at: Date())
    let holder = try Database(path: home.database)
    try holder.execute("BEGIN EXCLUSIVE")
    defer { try? holder.execute("ROLLBACK") }
    #expect(throws: ProgressError.locked(path: home.database)) {
      try store.recordReview(ReviewInput(kanji: "学", rating: .good))
    }
    try holder.execute("ROLLBACK")
    #expect(try store.recordReview(ReviewInput(kanji: "学", rating: .good)).card.reps == 1)
  }

  @Test func migratingAnOlderSchemaKeepsABackup() throws {
    let home = try TemporaryFolder()
    try writeVersionOneStore(at: home.database)
    let store = try home.openStore()
    let backup = try #require(store.migrationBackup)
    #expect(backup.hasPrefix(home.database + ".v1-backup-"))
    let old = try Database(path: backup, mode: .readOnly)
    #expect(try old.scalar("PRAGMA user_version") == .integer(1))
    #expect(try old.scalar("SELECT kanji FROM cards") == .text("学"))
    #expect(try store.cards().map(\.kanji) == ["学"])
    #expect(try store.known().isEmpty)
    #expect(try home.openStore().migrationBackup == nil)
  }

  @Test func newerSchemaIsLeftAlone() throws {
    let home = try TemporaryFolder()
    do {
      let db = try Database(path: home.database)
      try db.execute("PRAGMA user_version = 99")
    }
    #expect(throws: ProgressError.self) { try home.openStore() }
  }

  @Test func twoConnectionsRecordingAtOnceLoseNothing() async throws {
    let home = try TemporaryFolder()
    let kanji = (0..<40).map { String(UnicodeScalar(0x4E00 + $0)!) }
    _ = try home.openStore().addCards(kanji, at: Date(timeIntervalSince1970: 0))
    let path = home.database
    await withTaskGroup(of: Void.self) { group in
      for half in 0..<2 {
        group.addTask {
          guard let store = try? ProgressStore(path: path, timeZone: .utc) else { return }
          for k in kanji where (kanji.firstIndex(of: k)! % 2) == half {
            for _ in 0..<3 { _ = try? store.recordReview(ReviewInput(kanji: k, rating: .good)) }
          }
        }
      }
    }
    let store = try home.openStore()
    #expect(try store.reviewLog().count == 120)
    #expect(try store.cards().allSatisfy { $0.card.reps == 3 })
    #expect(try store.check().isHealthy)
  }

  @Test func instancesCreatingTheSameFileAtOnceAgree() async throws {
    let home = try TemporaryFolder()
    let path = home.database
    let opened = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<4 {
        group.addTask { (try? ProgressStore(path: path, timeZone: .utc)) != nil }
      }
      return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
    #expect(opened == 4)
    let db = try Database(path: path, mode: .readOnly)
    #expect(try db.scalar("SELECT count(*) FROM scheduler_models") == .integer(1))
    #expect(try db.scalar("PRAGMA user_version") == .integer(Int64(Schema.currentVersion)))
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

func mode(_ path: String) -> mode_t {
  var info = stat()
  return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}

@Suite(.serialized) struct StoreFileTests {
  /// The probe sees what the hazard does: a descriptor opened and closed on the file drops the
  /// connection's lock.
  @Test func closingAnyDescriptorOnTheFileDropsTheLock() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["学"], at: Date())
    #expect(try holdsPOSIXLock(getpid(), on: home.database))
    let handle = try #require(FileHandle(forReadingAtPath: home.database))
    try handle.close()
    #expect(try !holdsPOSIXLock(getpid(), on: home.database))
  }

  /// Nothing the store does opens the file outside SQLite while the connection is open: the
  /// lock is still there after every kind of operation, and after another store is opened on
  /// the same file in the same process (as the app once did for each screen).
  @Test func theLockOutlivesEveryOperation() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    var steps: [(String, () throws -> Void)] = [
      ("addCards", { _ = try store.addCards(["学", "校", "生"], at: start) }),
      ("recordReview", { _ = try store.recordReview(ReviewInput(kanji: "学", rating: .good)) }),
      ("setSetting", { try store.setSetting("new_per_day", "7") }),
      ("settings", { _ = try store.settings() }),
      ("sessionQueue", { _ = try store.sessionQueue(now: Date()) }),
      ("stats", { _ = try store.stats(now: Date()) }),
      ("check", { _ = try store.check() }),
      ("backup", { _ = try store.backup(now: Date()) }),
      ("revlogCSV", { _ = try store.revlogCSV() }),
      ("reopen", { _ = try home.openStore() }),
      ("reopen read-only", { _ = try ProgressStore(path: home.database, access: .readOnly) }),
    ]
    steps.append(
      (
        "restore",
        { _ = try store.restore(store.backup(now: Date()).validated(now: Date()), merge: true) }
      ))
    steps.append(("addKnown", { _ = try store.addKnown(["一"], at: start) }))
    for (name, step) in steps {
      try step()
      #expect(try holdsPOSIXLock(getpid(), on: home.database), "the lock was lost after \(name)")
    }
  }

  @Test func aNewerStoreIsRefusedAndNeverWritten() throws {
    let home = try TemporaryFolder()
    do {
      let store = try home.openStore()
      _ = try store.addCards(["学"], at: Date())
      try store.db.execute("PRAGMA user_version = 99")
    }
    let before = try #require(fileBytes(home.database))
    for access in [ProgressStore.Access.readWrite, .readOnly] {
      #expect(
        throws: ProgressError.newerSchema(
          path: home.database, found: 99, supported: Schema.currentVersion)
      ) {
        try ProgressStore(path: home.database, access: access)
      }
    }
    #expect(fileBytes(home.database) == before)
    let message = ProgressError.newerSchema(path: "p", found: 99, supported: 2).description
    #expect(message.contains("schema 99") && message.contains("up to 2"))
  }

  @Test func aNegativeSchemaVersionIsRefusedAndNeverWritten() throws {
    let home = try TemporaryFolder()
    do {
      let store = try home.openStore()
      try store.db.execute("PRAGMA user_version = -1")
    }
    let before = try #require(fileBytes(home.database))
    #expect(throws: ProgressError.unknownSchema(path: home.database, found: -1)) {
      try home.openStore()
    }
    #expect(fileBytes(home.database) == before)
  }

  /// A store whose first page is sound but whose log is damaged: reading what is left works,
  /// and every write is refused before anything reaches the file.
  @Test func aStoreDamagedPastPageOneIsNeverWritten() throws {
    let home = try TemporaryFolder()
    let kanji = (0..<300).map { String(UnicodeScalar(0x4E00 + $0)!) }
    do {
      let store = try home.openStore()
      _ = try store.addCards(kanji, at: Date(timeIntervalSince1970: 1_750_000_000))
      for character in kanji.prefix(100) {
        _ = try store.recordReview(ReviewInput(kanji: character, rating: .good))
      }
    }
    var bytes = try #require(fileBytes(home.database))
    let pageSize = 4096
    #expect(bytes.count > 8 * pageSize)
    // Junk over the last pages: the review log's, past the schema on page 1.
    for i in (bytes.count - 3 * pageSize)..<bytes.count { bytes[i] = 0x5A }
    #expect(FileManager.default.createFile(atPath: home.database, contents: bytes))
    let store = try home.openStore()
    let writes: [(String, () throws -> Void)] = [
      ("setSetting", { try store.setSetting("new_per_day", "5") }),
      ("addCards", { _ = try store.addCards(["一"], at: Date()) }),
      ("recordReview", { _ = try store.recordReview(ReviewInput(kanji: "丁", rating: .good)) }),
      ("addKnown", { _ = try store.addKnown(["一"], at: Date()) }),
    ]
    for (name, write) in writes {
      #expect(throws: ProgressError.self, "\(name) wrote to a damaged store") { try write() }
      do {
        try write()
      } catch let error as ProgressError {
        guard case .damaged = error else {
          Issue.record("\(name): \(error)")
          continue
        }
        #expect(error.description.contains("damaged") && error.description.contains("untouched"))
      }
    }
    #expect(fileBytes(home.database) == bytes)
    #expect(fileBytes(home.database + "-wal").map { $0.isEmpty } ?? true)
  }

  @Test func aNewStoreIsTheLearnersAlone() throws {
    let parent = try TemporaryFolder()
    let folder = parent.path + "/kanji-write"
    let store = try ProgressStore.open(home: folder, timeZone: .utc)
    _ = try store.addCards(["学"], at: Date())
    #expect(mode(folder) == 0o700)
    #expect(mode(store.path) == 0o600)
    #expect(mode(store.path + "-wal") == 0o600)
    #expect(mode(store.path + "-shm") == 0o600)
  }

  @Test func anOlderStoreIsMadePrivateAndItsBackupToo() throws {
    let home = try TemporaryFolder()
    try writeVersionOneStore(at: home.database)
    chmod(home.database, 0o644)
    let store = try home.openStore()
    #expect(mode(home.database) == 0o600)
    #expect(mode(try #require(store.migrationBackup)) == 0o600)
  }

  /// A read-only copy in a read-only folder is still read, whole, and never written.
  @Test func aReadOnlyCopyCanBeRead() throws {
    let home = try TemporaryFolder()
    do {
      let store = try home.openStore()
      _ = try store.addCards(["学", "校"], at: Date())
      _ = try store.recordReview(ReviewInput(kanji: "学", rating: .good))
    }
    let before = try #require(fileBytes(home.database))
    chmod(home.database, 0o444)
    chmod(home.path, 0o555)
    defer {
      chmod(home.path, 0o755)
      chmod(home.database, 0o644)
    }
    #expect(throws: ProgressError.readOnly(path: home.database)) { try home.openStore() }
    let store = try ProgressStore.open(home: home.path, timeZone: .utc, access: .readOnly)
    #expect(try store.backup(now: Date()).reviewLog.count == 1)
    #expect(try store.cards().count == 2)
    #expect(throws: ProgressError.readOnly(path: home.database)) {
      try store.setSetting("new_per_day", "3")
    }
    #expect(fileBytes(home.database) == before)
    #expect(!FileManager.default.fileExists(atPath: home.database + "-shm"))
  }

  /// Reading a home that holds no store is refused and creates nothing, so that a mistyped
  /// home is reported; recording creates the store.
  @Test func readingAHomeWithoutAStoreCreatesNothing() throws {
    let folder = try TemporaryFolder()
    let typo = folder.file("typo/dir")
    for home in [typo, folder.path] {
      #expect(throws: ProgressError.noProgress(home: home)) {
        try ProgressStore.open(home: home, timeZone: .utc, access: .readOnly)
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    _ = try ProgressStore.open(home: typo, timeZone: .utc)
    #expect(FileManager.default.fileExists(atPath: typo + "/progress.sqlite"))
    #expect(try ProgressStore.open(home: typo, timeZone: .utc, access: .readOnly).cards().isEmpty)
  }
}

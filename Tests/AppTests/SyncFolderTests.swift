import App
import Foundation
import KanjiData
import Progress
import ProgressRecords
import TestSupport
import Testing

/// The app's sync on start and on quit with the `sync_dir` folder: silent when it works, one
/// line when it cannot.
@Suite struct SyncFolderTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  func context(_ temporary: TemporaryStore) throws -> AppContext {
    let path = ReferenceDatabase.sourceTreeDatabase
    try #require(FileManager.default.fileExists(atPath: path), "run make data first")
    return AppContext(store: temporary.store, reference: try ReferenceDatabase(path: path))
  }

  @Test func noFolderSetMeansNoSyncAndNoLine() throws {
    let temporary = try TemporaryStore()
    #expect(try context(temporary).syncWithFolder() == nil)
    #expect(try temporary.store.setting("sync_dir") == "off")
  }

  @Test func theSetFolderIsSyncedSilently() throws {
    let shared = try TemporaryFolder()
    let desk = try TemporaryStore()
    _ = try desk.store.addCards(["十", "二"], at: start)
    _ = try desk.store.recordReview(ReviewInput(kanji: "十", time: start, rating: .good))
    try desk.store.setSetting("sync_dir", shared.path)
    #expect(try context(desk).syncWithFolder() == nil)
    let laptop = try TemporaryStore()
    try laptop.store.setSetting("sync_dir", shared.path)
    #expect(try context(laptop).syncWithFolder() == nil)
    #expect(try laptop.store.cards().map(\.kanji) == ["十", "二"])
    #expect(try laptop.store.reviewLog().count == 1)
    // The folder is each machine's own: it never travels.
    #expect(try laptop.store.setting("sync_dir") == shared.path)
  }

  @Test func aMissingFolderIsOneLine() throws {
    let temporary = try TemporaryStore()
    let gone = try TemporaryFolder().file("usb-stick")
    try temporary.store.setSetting("sync_dir", gone)
    #expect(
      try context(temporary).syncWithFolder()
        == "could not sync with \(gone): the sync folder \(gone) does not exist")
  }
}

import Foundation
import ProgressRecords
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// The real `kanji-write sync` in child processes: killed mid-sync, run twice at once.
@Suite(.timeLimit(.minutes(2))) struct SyncProcessTests {
  static let day1 = Date(iso8601: "2024-05-01T10:00:00Z")

  /// A home whose own log holds `reviews` reviews of `kanji`, one a day per kanji, recorded in
  /// one transaction.
  static func busyHome(_ folder: TemporaryFolder, kanji: [String], reviews: Int) throws
    -> ProgressStore
  {
    let store = try folder.openStore()
    _ = try store.addCards(kanji, at: day1)
    try store.write {
      for index in 0..<reviews {
        let rating: Rating = index % 7 == 3 ? .again : .good
        _ = try store.applyReview(
          ReviewInput(
            kanji: kanji[index % kanji.count],
            time: day1.addingTimeInterval(Double(index / kanji.count) * 86400 + Double(index)),
            rating: rating, drawingJSON: #"{"strokes":[[[0.1,0.2],[0.3,0.4]]]}"#,
            gradeJSON: #"{"pass":true}"#))
      }
    }
    return store
  }

  static func kanji(from first: UInt32, count: Int) -> [String] {
    (0..<UInt32(count)).map { String(UnicodeScalar(first + $0)!) }
  }

  func sync(_ home: TemporaryFolder, _ folder: TemporaryFolder) throws -> ChildProcess {
    try ChildProcess(
      [BuiltBinary.path, "sync", folder.path, "--home", home.path],
      environment: BuiltBinary.environment(home: home.path))
  }

  /// The sequence numbers of a device's lines in its file.
  static func sequences(in path: String) throws -> [Int64] {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    return SyncLines(bytes).compactMap {
      if case .record(let record) = SyncRecord.decode($0.line) { return record.seq }
      return nil
    }
  }

  @Test func killedMidSyncThenSyncedAgainLosesAndDoublesNothing() throws {
    try #require(BuiltBinary.exists, "swift build first")
    let shared = try TemporaryFolder()
    let otherHome = try TemporaryFolder()
    let other = try Self.busyHome(
      otherHome, kanji: Self.kanji(from: 0x4E00, count: 60), reviews: 2000)
    _ = try other.sync(folder: shared.path)
    let home = try TemporaryFolder()
    let own = try Self.busyHome(home, kanji: Self.kanji(from: 0x5E00, count: 60), reviews: 2000)
    let device = try own.deviceID()
    var killedMidway = 0
    for delay: UInt32 in [15, 40, 80, 150, 250, 400] {
      let child = try sync(home, shared)
      usleep(delay * 1000)
      if !child.hasExited() {
        child.kill(SIGKILL)
        killedMidway += child.wait().signal == SIGKILL ? 1 : 0
      }
    }
    #expect(killedMidway > 0)
    let finished = try sync(home, shared).wait()
    #expect(finished.status == 0, "\(finished.stderr)")
    let reopened = try home.openStore()
    #expect(try reopened.reviewLog().count == 4000)
    #expect(try reopened.check().isHealthy)
    let written = try Self.sequences(in: shared.file(device + ".kwlog"))
    #expect(written.count == Set(written).count, "a line written twice")
    #expect(
      Set(written)
        == Set(
          try reopened.db.query(
            "SELECT seq FROM review_log WHERE device = ? UNION SELECT seq FROM sync_events WHERE device = ?",
            [.text(device), .text(device)]
          ).compactMap { $0.int64(0) }))
    let again = try sync(home, shared).wait()
    #expect(again.stdout.contains(": 0 events in, 0 out."), "\(again.stdout)")
    _ = try other.sync(folder: shared.path)
    #expect(try other.reviewLog().count == 4000)
    #expect(try other.check().isHealthy)
  }

  @Test func twoSyncsAtOnceOnOneFolderAndOnOneHome() throws {
    try #require(BuiltBinary.exists, "swift build first")
    let shared = try TemporaryFolder()
    let homes = try (0..<2).map { _ in try TemporaryFolder() }
    let stores = try (0..<2).map {
      try Self.busyHome(
        homes[$0], kanji: Self.kanji(from: 0x4E00 + UInt32($0) * 0x100, count: 40), reviews: 1500)
    }
    // Both machines at once, twice; then the first home from two processes at once.
    for _ in 0..<2 {
      let running = try homes.map { try sync($0, shared) }
      for child in running { #expect(child.wait().status == 0) }
    }
    let same = try (0..<2).map { _ in try sync(homes[0], shared) }
    for child in same {
      let output = child.wait()
      #expect(output.status == 0, "\(output.stderr)")
    }
    for (index, store) in stores.enumerated() {
      #expect(try store.reviewLog().count == 3000, "home \(index)")
      #expect(try store.check().isHealthy, "home \(index)")
      let written = try Self.sequences(in: shared.file(try store.deviceID() + ".kwlog"))
      #expect(written.count == Set(written).count, "home \(index) wrote a line twice")
    }
    #expect(try stores[0].reviewLog().map(\.time) == stores[1].reviewLog().map(\.time))
  }
}

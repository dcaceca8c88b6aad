import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// Homes that sync through one folder, in this process.
@Suite struct SyncTests {
  static let day1 = Date(iso8601: "2024-05-01T10:00:00Z")
  static let deck = ["学", "校", "先", "生"]

  /// Who reviews what, when: 学 on all three before they meet, the others on one or two.
  static let script: [(home: Int, kanji: String, hours: Double, rating: Rating)] = [
    (0, "学", 0, .good), (1, "学", 1, .again), (2, "学", 2, .hard), (0, "校", 3, .good),
    (1, "先", 4, .easy), (0, "学", 26, .good), (1, "学", 27, .good), (2, "生", 30, .again),
    (2, "生", 30.5, .good), (1, "校", 50, .again), (0, "先", 100, .good), (2, "学", 101, .easy),
  ]

  static func time(_ hours: Double) -> Date { day1.addingTimeInterval(hours * 3600) }

  /// A home with the deck, fuzz off and its share of the script recorded.
  static func home(_ index: Int, _ folder: TemporaryFolder) throws -> ProgressStore {
    let store = try folder.openStore()
    _ = try store.addCards(deck, at: day1)
    for step in script where step.home == index {
      _ = try store.recordReview(
        ReviewInput(
          kanji: step.kanji, time: time(step.hours), rating: step.rating,
          gradeJSON: #"{"pass":true}"#))
    }
    return store
  }

  /// One home that made every review of the script, in time order.
  static func reference(_ folder: TemporaryFolder) throws -> ProgressStore {
    let store = try folder.openStore()
    _ = try store.addCards(deck, at: day1)
    for step in script.sorted(by: { $0.hours < $1.hours }) {
      _ = try store.recordReview(
        ReviewInput(
          kanji: step.kanji, time: time(step.hours), rating: step.rating,
          gradeJSON: #"{"pass":true}"#))
    }
    return store
  }

  /// The log without its local row ids and device stamps.
  static func log(_ store: ProgressStore) throws -> [ReviewLogEntry] {
    try store.reviewLog().map {
      var entry = $0
      entry.id = 0
      return entry
    }
  }

  static func cards(_ store: ProgressStore) throws -> [String: CardSnapshot] {
    Dictionary(uniqueKeysWithValues: try store.cards().map { ($0.kanji, $0) })
  }

  static func permutations(_ items: [Int]) -> [[Int]] {
    guard items.count > 1 else { return [items] }
    return items.flatMap { first in
      permutations(items.filter { $0 != first }).map { [first] + $0 }
    }
  }

  @Test func everySyncOrderGivesEveryHomeTheUnionAndOneHomesCardStates() throws {
    let expectedHome = try TemporaryFolder()
    let expected = try Self.reference(expectedHome)
    let expectedLog = try Self.log(expected)
    let expectedCards = try Self.cards(expected)
    #expect(expectedLog.count == Self.script.count)
    for order in Self.permutations([0, 1, 2]) {
      let folders = try (0..<3).map { _ in try TemporaryFolder() }
      let shared = try TemporaryFolder()
      let stores = try (0..<3).map { try Self.home($0, folders[$0]) }
      // Each home once in this order, then the first two again: every home has met every other.
      for index in order + order.prefix(2) {
        _ = try stores[index].sync(folder: shared.path)
      }
      for (index, store) in stores.enumerated() {
        #expect(try Self.log(store) == expectedLog, "home \(index), order \(order)")
        #expect(try Self.cards(store) == expectedCards, "home \(index), order \(order)")
        #expect(try store.check().isHealthy, "home \(index), order \(order)")
      }
    }
  }

  @Test func theSameKanjiInTheSameMillisecondOnTwoDevicesEndsTheSameOnBoth() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try folders.map { try $0.openStore() }
    for (store, rating) in zip(stores, [Rating.good, .again]) {
      _ = try store.addCards(["学"], at: Self.day1)
      _ = try store.recordReview(ReviewInput(kanji: "学", time: Self.time(1), rating: rating))
    }
    for index in [1, 0, 1] { _ = try stores[index].sync(folder: shared.path) }
    let kept = try stores.map { try $0.deviceID() }.min()!
    for store in stores {
      #expect(try store.reviewLog().count == 1)
      #expect(try store.db.query("SELECT device FROM review_log").first?.string(0) == kept)
      #expect(try store.check().isHealthy)
    }
    #expect(try Self.cards(stores[0]) == Self.cards(stores[1]))
  }

  @Test func aCopiedStoreIsRefusedBeforeItWritesIntoTheOthersFile() throws {
    let deskHome = try TemporaryFolder()
    let desk = try Self.home(0, deskHome)
    let shared = try TemporaryFolder()
    _ = try desk.sync(folder: shared.path)
    let copyHome = try TemporaryFolder()
    try desk.db.run("VACUUM INTO ?", [.text(copyHome.database)])
    let copy = try copyHome.openStore()
    #expect(try copy.deviceID() == desk.deviceID())
    _ = try desk.recordReview(ReviewInput(kanji: "生", time: Self.time(400), rating: .good))
    _ = try copy.recordReview(ReviewInput(kanji: "先", time: Self.time(401), rating: .good))
    _ = try desk.sync(folder: shared.path)
    let file = shared.file(try desk.deviceID() + ".kwlog")
    let before = fileBytes(file)
    #expect(throws: ProgressError.self) { try copy.sync(folder: shared.path) }
    #expect(fileBytes(file) == before)
    #expect(
      try copy.reviewLog(kanji: "生").count
        == Self.script.filter { $0.home == 0 && $0.kanji == "生" }.count)
  }

  @Test func syncingAgainChangesNothing() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try (0..<2).map { try Self.home($0, folders[$0]) }
    for index in [0, 1, 0] { _ = try stores[index].sync(folder: shared.path) }
    let files = try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted()
    let bytes = files.map { fileBytes(shared.file($0)) }
    let logs = try stores.map(Self.log)
    let cards = try stores.map(Self.cards)
    for _ in 0..<3 {
      for store in stores {
        let report = try store.sync(folder: shared.path)
        #expect(report.imported == 0 && report.exported == 0 && report.problems.isEmpty)
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted() == files)
    #expect(files.map { fileBytes(shared.file($0)) } == bytes)
    #expect(try stores.map(Self.log) == logs)
    #expect(try stores.map(Self.cards) == cards)
  }

  @Test func aFreshHomeIsRebuiltFromTheFolderAlone() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try (0..<2).map { try Self.home($0, folders[$0]) }
    try stores[0].setSetting("new_per_day", "7")
    try stores[1].setSuspended("生", true)
    _ = try stores[1].addKnown(["日"], at: Self.day1)
    try stores[0].recordSelfTest(
      time: Self.time(200),
      items: [SelfTestItem(kanji: "学", produced: true, drawingJSON: nil, gradeJSON: "{}")],
      score: 1)
    for store in stores { _ = try store.sync(folder: shared.path) }
    let freshHome = try TemporaryFolder()
    let fresh = try freshHome.openStore()
    let report = try fresh.sync(folder: shared.path)
    #expect(report.problems.isEmpty)
    _ = try stores[0].sync(folder: shared.path)
    #expect(try Self.log(fresh) == Self.log(stores[0]))
    #expect(try Self.cards(fresh) == Self.cards(stores[0]))
    #expect(try fresh.cards().map(\.kanji) == Self.deck)
    #expect(try fresh.setting("new_per_day") == "7")
    #expect(try fresh.card("生")?.suspended == true)
    #expect(try fresh.known() == ["日"])
    #expect(try fresh.selfTests().map(\.score) == [1])
    #expect(try fresh.selfTests().first?.items.map(\.kanji) == ["学"])
    #expect(try fresh.check().isHealthy)
  }

  /// Weights fitted and saved on one machine are used on every machine, which replays its
  /// cards with them; a revert travels too.
  @Test func savedWeightsAndTheirRevertReachEveryHome() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try (0..<2).map { try Self.home($0, folders[$0]) }
    for index in [0, 1, 0] { _ = try stores[index].sync(folder: shared.path) }
    var weights = ModelParameters.fsrs6Default.weights
    weights[0] = 0.5
    weights[2] = 4.5
    let fitted = ModelParameters(model: FSRS.modelName, weights: weights)
    let figures = FitFigures(
      reviews: 12, logLoss: 0.4, rmseBins: 0.03, defaultLogLoss: 0.45, defaultRmseBins: 0.07)
    try stores[0].saveFittedModel(fitted, figures: figures, at: Self.time(500))
    for index in [0, 1] { _ = try stores[index].sync(folder: shared.path) }
    #expect(try stores[1].modelParameters() == fitted)
    #expect(try stores[1].modelVersions().last?.fit == figures)
    #expect(try Self.cards(stores[1]) == Self.cards(stores[0]))
    #expect(try Self.log(stores[1]) == Self.log(stores[0]))
    for store in stores { #expect(try store.check().isHealthy) }

    try stores[1].revertModel(at: Self.time(600))
    for index in [1, 0] { _ = try stores[index].sync(folder: shared.path) }
    #expect(try stores[0].modelParameters() == .fsrs6Default)
    #expect(try Self.cards(stores[0]) == Self.cards(stores[1]))
    for store in stores { #expect(try store.check().isHealthy) }
    // Each store's own defaults stay its own: one version fitted, nothing else copied.
    #expect(try stores[1].modelVersions().count == 2)
  }

  /// A word card and a self-test on words keep their kind on the other machine.
  @Test func wordCardsAndWordTestsKeepTheirKind() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try folders.map { try $0.openStore() }
    let word = CardKey.word("学校")
    _ = try stores[0].addCards([word, "学"], at: Self.day1)
    _ = try stores[0].recordReview(ReviewInput(kanji: word, time: Self.time(1), rating: .good))
    try stores[0].recordSelfTest(
      time: Self.time(2), items: [SelfTestItem(kanji: word, produced: true)], score: 100,
      words: true)
    for index in [0, 1] { _ = try stores[index].sync(folder: shared.path) }
    #expect(
      try stores[1].db.query("SELECT kanji, kind FROM cards ORDER BY position").map {
        [$0.string(0)!, $0.string(1)!]
      } == [[word, "word"], ["学", "kanji"]])
    #expect(try stores[1].allSelfTests().map(\.isWordTest) == [true])
    #expect(try stores[1].selfTests(words: true).first?.items.map(\.kanji) == [word])
    #expect(try Self.cards(stores[1]) == Self.cards(stores[0]))
  }

  @Test func deckEditsAndSettingsMergeLastWriterWins() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try (0..<2).map { try Self.home($0, folders[$0]) }
    try stores[0].setSetting("strictness", "strict")
    try stores[0].setSuspended("学", true)
    _ = try stores[0].deleteCard("先")
    usleep(5000)
    // Under its former name, as an older `config leniency` line would set it.
    try stores[1].setSetting("leniency", "lenient")
    try stores[1].resetCard("校", at: Self.time(500))
    for index in [0, 1, 0] { _ = try stores[index].sync(folder: shared.path) }
    for store in stores {
      #expect(try store.setting("strictness") == "lenient")
      #expect(try store.setting("leniency") == "lenient")
      #expect(try store.card("学")?.suspended == true)
      #expect(try store.card("先") == nil)
      #expect(try store.reviewLog(kanji: "先").isEmpty)
      #expect(try store.card("校")?.card == Card())
      #expect(try store.check().isHealthy)
    }
    #expect(try Self.log(stores[0]) == Self.log(stores[1]))
    #expect(try Self.cards(stores[0]) == Self.cards(stores[1]))
  }

  @Test func aReviewTakenBackLeavesEveryHome() throws {
    let folders = try (0..<2).map { _ in try TemporaryFolder() }
    let shared = try TemporaryFolder()
    let stores = try (0..<2).map { try Self.home($0, folders[$0]) }
    for index in [0, 1, 0] { _ = try stores[index].sync(folder: shared.path) }
    let before = try stores[1].reviewLog(kanji: "先").count
    _ = try stores[0].undoLastReview(of: "先")
    for index in [0, 1] { _ = try stores[index].sync(folder: shared.path) }
    #expect(try stores[1].reviewLog(kanji: "先").count == before - 1)
    #expect(try Self.log(stores[0]) == Self.log(stores[1]))
    #expect(try Self.cards(stores[0]) == Self.cards(stores[1]))
    #expect(try stores[1].check().isHealthy)
  }

  @Test func aTornLastLineWaitsUntilItIsComplete() throws {
    let source = try TemporaryFolder()
    let store = try Self.home(0, source)
    let full = try TemporaryFolder()
    _ = try store.sync(folder: full.path)
    let name = try store.deviceID() + ".kwlog"
    let bytes = try #require(fileBytes(full.file(name)))
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    // The sync tool has copied two lines and half of the third.
    let cut = lines[0].count + lines[1].count + 2 + lines[2].count / 2
    let copying = try TemporaryFolder()
    try put(copying.file(name), bytes.prefix(cut))
    let otherHome = try TemporaryFolder()
    let other = try otherHome.openStore()
    let first = try other.sync(folder: copying.path)
    #expect(first.imported == 2 && first.problems.isEmpty)
    try put(copying.file(name), bytes)
    let second = try other.sync(folder: copying.path)
    #expect(second.imported == lines.count - 1 - 2 && second.problems.isEmpty)
    #expect(try Self.log(other) == Self.log(store))
    #expect(try Self.cards(other) == Self.cards(store))
  }

  @Test func aLineWithABadChecksumIsReportedAndNeverImported() throws {
    let source = try TemporaryFolder()
    let store = try Self.home(0, source)
    let shared = try TemporaryFolder()
    _ = try store.sync(folder: shared.path)
    let name = try store.deviceID() + ".kwlog"
    let good = try #require(fileBytes(shared.file(name)))
    var text = String(decoding: good, as: UTF8.self)
    // A review's rating changed in transit: Good (3) becomes Easy (4).
    let range = try #require(text.range(of: #""rating":3"#))
    text.replaceSubrange(range, with: #""rating":4"#)
    try put(shared.file(name), Data(text.utf8))
    let otherHome = try TemporaryFolder()
    let other = try otherHome.openStore()
    let report = try other.sync(folder: shared.path)
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.contains("checksum does not match; not imported") == true)
    #expect(try other.reviewLog().count == store.reviewLog().count - 1)
    #expect(try other.reviewLog().allSatisfy { $0.rating != .easy })
    #expect(try other.check().isHealthy)
    // Reported at every sync until the file is sound again, then imported.
    #expect(try other.sync(folder: shared.path).problems.count == 1)
    try put(shared.file(name), good)
    let repaired = try other.sync(folder: shared.path)
    #expect(repaired.problems.isEmpty && repaired.imported == 1)
    #expect(try Self.log(other) == Self.log(store))
  }

  @Test func aFileReplacedUnderTheReaderIsReadAgainFromItsStart() throws {
    let source = try TemporaryFolder()
    let store = try Self.home(0, source)
    let shared = try TemporaryFolder()
    _ = try store.sync(folder: shared.path)
    let device = try store.deviceID()
    let name = device + ".kwlog"
    let otherHome = try TemporaryFolder()
    let other = try otherHome.openStore()
    _ = try other.sync(folder: shared.path)
    // The sync tool put another copy in its place, longer, with a line the reader has not seen
    // at its start: the offset read so far now falls inside a line.
    let extra = SyncRecord(
      device: device, seq: 999, timeMs: 1, type: "setting", subject: "new_per_day",
      body: ["value": .text("9")])
    try put(
      shared.file(name), Data(extra.line()) + (try #require(fileBytes(shared.file(name)))))
    let report = try other.sync(folder: shared.path)
    #expect(report.problems.isEmpty)
    #expect(report.imported == 1)
    #expect(try other.setting("new_per_day") == "9")
    #expect(try Self.log(other) == Self.log(store))
  }

  @Test func aLineOfANewerFormatIsReportedAndStopsThatFile() throws {
    let shared = try TemporaryFolder()
    let record = SyncRecord(
      device: "future", seq: 1, timeMs: 0, type: "card", subject: "学",
      body: ["added_ms": .integer(0)])
    var line = String(decoding: record.line(), as: UTF8.self)
    line = line.replacingOccurrences(of: #""v":1"#, with: #""v":2"#)
    let json = line.dropFirst(9).dropLast()
    let reChecked = String(format: "%08x ", CRC32.checksum(Array(json.utf8))) + json + "\n"
    try put(shared.file("future.kwlog"), Data(reChecked.utf8))
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let report = try store.sync(folder: shared.path)
    #expect(report.imported == 0)
    #expect(
      report.problems == [
        "\(shared.path)/future.kwlog was written by a newer kanji-write (sync format 2); update kanji-write to read it"
      ])
    #expect(try store.cards().isEmpty)
  }

  @Test func aWriteThisDeviceDidNotRecordIsNotWrittenTwice() throws {
    let source = try TemporaryFolder()
    let store = try Self.home(0, source)
    let shared = try TemporaryFolder()
    _ = try store.sync(folder: shared.path)
    let name = try store.deviceID() + ".kwlog"
    let synced = try #require(fileBytes(shared.file(name)))
    _ = try store.recordReview(ReviewInput(kanji: "生", time: Self.time(300), rating: .good))
    _ = try store.recordReview(ReviewInput(kanji: "生", time: Self.time(301), rating: .good))
    // Every event written afresh to another folder: what the file should become.
    let fullAfter = try TemporaryFolder()
    try put(fullAfter.file(name), synced)
    _ = try store.sync(folder: fullAfter.path)
    // The process was killed after appending one new line and half of the next, before its
    // transaction committed: the store still records the file as it was.
    let complete = try #require(fileBytes(fullAfter.file(name)))
    let extra = complete.dropFirst(synced.count)
    let firstNewLine = extra.prefix(through: try #require(extra.firstIndex(of: UInt8(ascii: "\n"))))
    let secondHalf = extra.dropFirst(firstNewLine.count).prefix(20)
    try put(shared.file(name), synced + firstNewLine + secondHalf)
    let report = try store.sync(folder: shared.path)
    #expect(report.exported == 1)
    #expect(fileBytes(shared.file(name)) == complete)
  }

  @Test func anExistingVersionThreeStoreMigratesAndSyncs() throws {
    let migratedHome = try TemporaryFolder()
    let migrated = try Self.versionThreeStore(migratedHome)
    #expect(try Schema.version(migrated.db) == Schema.currentVersion)
    #expect(migrated.migrationBackup != nil)
    let device = try migrated.deviceID()
    #expect(device.count == 16)
    #expect(
      try migrated.db.query(
        "SELECT count(*) FROM review_log WHERE device = ? AND seq IS NOT NULL", [.text(device)]
      ).first?.int(0) == 2)
    let shared = try TemporaryFolder()
    #expect(try migrated.sync(folder: shared.path).exported > 0)
    let freshHome = try TemporaryFolder()
    let fresh = try freshHome.openStore()
    _ = try fresh.sync(folder: shared.path)
    #expect(try Self.log(fresh) == Self.log(migrated))
    #expect(try Self.cards(fresh) == Self.cards(migrated))
    #expect(try fresh.setting("new_per_day") == "3")
    #expect(try fresh.card("学")?.suspended == true)
    #expect(try fresh.check().isHealthy)
  }

  /// A store written by schema 3 with two reviews of 学, a suspended card and a setting, then
  /// opened (and so migrated) by this version.
  static func versionThreeStore(_ home: TemporaryFolder) throws -> ProgressStore {
    do {
      let db = try Database(path: home.database)
      try db.execute("PRAGMA journal_mode = WAL")
      for migration in Schema.migrations.prefix(3) { try db.execute(migration) }
      try db.execute("PRAGMA user_version = 3")
      try db.execute(
        """
        INSERT INTO cards(kanji, position, added_ms, suspended) VALUES ('学', 1, 5, 1);
        INSERT INTO settings(key, value) VALUES ('new_per_day', '3');
        """)
    }
    // Two reviews as version 3 recorded them: replayed from a store of this version, whose
    // rows are copied without their sync columns.
    let scratchHome = try TemporaryFolder()
    let scratch = try scratchHome.openStore()
    _ = try scratch.addCards(["学"], at: Date(timeIntervalSince1970: 0.005))
    _ = try scratch.recordReview(ReviewInput(kanji: "学", time: day1, rating: .good))
    let second = try scratch.recordReview(
      ReviewInput(kanji: "学", time: time(30), rating: .good))
    let columns = try scratch.columns(of: "review_log").filter {
      !["id", "device", "seq"].contains($0)
    }
    let rows = try scratch.db.query("SELECT \(columns.joined(separator: ", ")) FROM review_log")
    do {
      let db = try Database(path: home.database)
      for row in rows {
        try db.run(
          "INSERT INTO review_log(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
          row.values)
      }
      let card = second.card
      try db.run(
        "UPDATE cards SET state = ?, stability = ?, difficulty = ?, due_ms = ?, last_review_ms = ?, reps = ?, step = ?, interval_days = ?",
        [
          .text(card.state.rawValue), .real(card.memory!.stability), .real(card.memory!.difficulty),
          .integer(Int64((card.due!.timeIntervalSince1970 * 1000).rounded())),
          .integer(Int64((card.lastReview!.timeIntervalSince1970 * 1000).rounded())),
          .integer(Int64(card.reps)), .integer(Int64(card.step)),
          .integer(Int64(card.intervalDays)),
        ])
    }
    return try home.openStore()
  }

  @Test func aRecordReadsBackAsWrittenAndUnknownFieldsAreIgnored() throws {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    let record = SyncRecord(
      device: "d1", seq: 42, timeMs: 1_714_557_600_123, type: "review", subject: "𠮷",
      body: [
        "kanji": .text("𠮷"), "stability": .real(0.1 + 0.2), "difficulty": .real(-1.5e-7),
        "rating": .integer(3), "grade_json": .text("{\"a\":\"b\\c\"}\n\t\u{1}é"),
        "drawing_json": .null,
      ])
    let line = record.line()
    #expect(line.last == UInt8(ascii: "\n"))
    #expect(SyncRecord.decode(line.dropLast()) == .record(record))
    // A later version's fields, of any shape, beside the known ones.
    let json = String(decoding: line.dropFirst(9).dropLast(), as: UTF8.self)
      .replacingOccurrences(
        of: #""device""#,
        with: #""extra":[1,{"x":[true]}],"more":{"deep":{"n":1}},"device""#)
    let later =
      Array(String(format: "%08x ", CRC32.checksum(Array(json.utf8))).utf8) + Array(json.utf8)
    #expect(SyncRecord.decode(later[...]) == .record(record))
    #expect(SyncRecord.decode(Array("0000000 {}".utf8)[...]) == .damaged("not a sync record"))
  }

  func put(_ path: String, _ contents: Data) throws {
    try contents.write(to: URL(fileURLWithPath: path))
  }
}

import Foundation
import ProgressRecords
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// Hostile backups: each kind of nonsense is refused with a message naming the record and the
/// field, before anything is stored.
@Suite struct BackupValidationTests {
  static let now = Date(iso8601: "2024-06-01T00:00:00Z")

  /// A real export: 学 reviewed five times (a lapse among them), 校 once, a self-test and a
  /// known kanji.
  static func exported() throws -> ProgressBackup {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    var time = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["学", "校", "先"], at: time)
    _ = try store.recordReview(ReviewInput(kanji: "学", time: time, rating: .good, isStudy: true))
    for rating in [Rating.good, .good, .again, .good] {
      time = time.addingTimeInterval(60)
      time = try store.recordReview(ReviewInput(kanji: "学", time: time, rating: rating)).due!
    }
    _ = try store.recordReview(ReviewInput(kanji: "校", time: time, rating: .easy))
    try store.recordSelfTest(
      time: time, items: [SelfTestItem(kanji: "学", produced: true, drawingJSON: "[]")],
      score: 100)
    try store.addKnown(["学"], at: time)
    return try store.backup(now: now)
  }

  /// The problem `validated` reports once `edit` has spoilt a real export; `unknownKanji` is
  /// missing from the reference database.
  func problem(unknownKanji: String? = nil, _ edit: (inout ProgressBackup) -> Void) throws
    -> BackupProblem?
  {
    var backup = try Self.exported()
    edit(&backup)
    do {
      _ = try backup.validated(now: Self.now) { $0 != unknownKanji }
      return nil
    } catch let problem as BackupProblem {
      return problem
    }
  }

  @Test func aRealExportIsValid() throws {
    let backup = try Self.exported()
    #expect(backup.reviewLog.first?.kind == .study)
    #expect(backup.cards[0].card.lapses == 1)
    var asked: [String] = []
    let validated = try backup.validated(now: Self.now) {
      asked.append($0)
      return true
    }
    #expect(validated.backup == backup)
    // Each kanji looked up once, however often it appears.
    #expect(asked == ["学", "校", "先"])
  }

  @Test func timesTheStoreCannotHold() throws {
    let far = Date(timeIntervalSince1970: 1e297)
    #expect(
      try problem { $0.reviewLog[1].time = far }?.description
        == "reviewLog[1] (学): time 1e+300 is not a valid time (milliseconds since 1970)")
    #expect(
      try problem { $0.cards[0].card.due = Date(timeIntervalSince1970: 9.3e15) }?.description
        == "cards[0] (学): card.due 9.3e+18 is not a valid time (milliseconds since 1970)")
    #expect(
      try problem { $0.exportedAt = Date(timeIntervalSince1970: -1e297) }?.description
        == "exportedAt -1e+300 is not a valid time (milliseconds since 1970)")
    #expect(CheckedMillis.from(far) == nil)
    #expect(CheckedMillis.from(Date(iso8601: "2024-05-01T10:00:00Z")) == 1_714_557_600_000)
  }

  @Test func timesBefore2000OrInTheFuture() throws {
    #expect(
      try problem { $0.reviewLog[2].time = Date(timeIntervalSince1970: -5) }?.description
        == "reviewLog[2] (学): time -5000 is before 2000-01-01")
    #expect(
      try problem { $0.cards[1].addedAt = Self.now.addingTimeInterval(2 * 86400) }?.description
        == "cards[1] (校): addedAt 1717372800000 (2024-06-03T00:00:00Z) is in the future")
    #expect(
      try problem { $0.known[0].addedAt = Date(timeIntervalSince1970: 0) }?.description
        == "known[0] (学): addedAt 0 is before 2000-01-01")
    // A due date may lie far ahead, but not past the longest interval.
    #expect(try problem { $0.cards[0].card.due = Self.now.addingTimeInterval(3e9) } == nil)
    let beyond = try problem { $0.cards[0].card.due = Self.now.addingTimeInterval(4e9) }
    #expect(beyond?.location == "cards[0] (学)")
    #expect(
      beyond?.message
        == "card.due 5717200000000 (2151-03-04T07:06:40Z) is beyond the longest interval, "
        + "36500 days from now")
  }

  @Test func kanjiNotInTheReferenceDatabase() throws {
    let found = try problem(unknownKanji: "校") { _ in }
    #expect(found?.description == "cards[1] (校): kanji \"校\" is not in the reference database")
    let item = try problem(unknownKanji: "猫") {
      $0.selfTests[0].items.append(SelfTestItem(kanji: "猫", produced: false))
    }
    #expect(
      item?.description == "selfTests[0]: items[1].kanji \"猫\" is not in the reference database")
    let known = try problem(unknownKanji: "猫") {
      $0.known.append(.init(kanji: "猫", addedAt: Self.now))
    }
    #expect(known?.description == "known[1] (猫): kanji \"猫\" is not in the reference database")
  }

  @Test func aKanjiIsOneCharacter() throws {
    let huge = try problem { $0.cards[1].kanji = String(repeating: "学", count: 1 << 20) }
    #expect(huge?.location == "cards[1]")
    #expect(huge?.message.hasPrefix("kanji \"学学学") == true)
    #expect(huge?.message.hasSuffix("… (1048576 characters) is not one character") == true)
    #expect(huge.map { $0.description.count < 120 } == true)
    #expect(
      try problem { $0.known[0].kanji = "" }?.description
        == "known[0]: kanji is empty, not one character")
    #expect(
      try problem { $0.reviewLog[0].kanji = "学校" }?.description
        == "reviewLog[0]: kanji \"学校\" is not one character")
  }

  @Test func memoryStateOutsideWhatFSRSProduces() throws {
    #expect(
      try problem { $0.cards[0].card.memory?.stability = -5 }?.description
        == "cards[0] (学): card.memory.stability -5 is out of range (0.001...36500)")
    #expect(
      try problem { $0.cards[0].card.memory?.stability = 1e308 }?.description
        == "cards[0] (学): card.memory.stability 1e+308 is out of range (0.001...36500)")
    #expect(
      try problem { $0.cards[1].card.memory?.difficulty = 10.5 }?.description
        == "cards[1] (校): card.memory.difficulty 10.5 is out of range (1...10)")
    #expect(
      try problem { $0.reviewLog[1].stability = .infinity }?.description
        == "reviewLog[1] (学): stability inf is out of range (0.001...36500)")
  }

  @Test func countsBelowZeroOrAbsurd() throws {
    #expect(
      try problem { $0.cards[0].card.lapses = -1 }?.description
        == "cards[0] (学): card.lapses -1 is out of range (0...4, at most card.reps)")
    #expect(
      try problem { $0.cards[1].card.lapses = 2 }?.description
        == "cards[1] (校): card.lapses 2 is out of range (0...1, at most card.reps)")
    #expect(
      try problem { $0.cards[0].card.reps = -3 }?.description
        == "cards[0] (学): card.reps -3 is out of range (0...1000000)")
    #expect(
      try problem { $0.cards[0].card.intervalDays = 40000 }?.description
        == "cards[0] (学): card.intervalDays 40000 is out of range (0...36500)")
    #expect(
      try problem { $0.reviewLog[3].durationMs = -1 }?.description
        == "reviewLog[3] (学): durationMs -1 is out of range (0...31622400000)")
    #expect(
      try problem { $0.reviewLog[3].hintsUsed = -1 }?.description
        == "reviewLog[3] (学): hintsUsed -1 is out of range (0...1000)")
    #expect(
      try problem { $0.reviewLog[3].elapsedDays = -1 }?.description
        == "reviewLog[3] (学): elapsedDays -1 is out of range (0...36500)")
  }

  @Test func stepBeyondAnyLearningSteps() throws {
    #expect(
      try problem { $0.cards[0].card.step = 99 }?.description
        == "cards[0] (学): card.step 99 is out of range (0...9)")
    #expect(
      try problem { $0.cards[2].card.step = -1 }?.description
        == "cards[2] (先): card.step -1 is out of range (0...9)")
  }

  @Test func ratingsMatchTheKind() throws {
    #expect(
      try problem { $0.reviewLog[1].rating = nil }?.description
        == "reviewLog[1] (学): rating is missing from a review")
    #expect(
      try problem { $0.reviewLog[0].rating = .good }?.description
        == "reviewLog[0] (学): rating 3 given to a study, which has none")
  }

  @Test func modelsFSRSRejects() throws {
    #expect(
      try problem { $0.models[0].weights[3] = 1e300 }?.description
        == "models[0]: weights: FSRS-6 weight w3 = 1e+300 is outside 0.001...100.0")
    #expect(
      try problem { $0.models[0].weights.removeLast() }?.description
        == "models[0]: weights: FSRS-6 needs 21 weights, got 20")
    #expect(
      try problem { $0.models[0].model = "SM-2" }?.description
        == "models[0]: model \"SM-2\" is not one this kanji-write knows (FSRS-6)")
    #expect(
      try problem { $0.reviewLog[2].model = "" }?.description
        == "reviewLog[2] (学): model \"\" is not one this kanji-write knows (FSRS-6)")
  }

  @Test func settingsTheCatalogRefuses() throws {
    let steps = Array(repeating: "1m", count: 5000).joined(separator: " ")
    #expect(
      try problem { $0.settings["learning_steps"] = steps }?.description
        == "settings.learning_steps: 5000 steps; at most 10")
    #expect(
      try problem { $0.settings["day_start"] = "-1" }?.description
        == "settings.day_start: -1 is out of range (0...23)")
    let unknown = try problem { $0.settings["colour"] = "red" }
    #expect(unknown?.location == "settings")
    #expect(unknown?.message.hasPrefix("unknown setting \"colour\" (known: new_per_day,") == true)
  }

  @Test func selfTestScoresArePercentages() throws {
    #expect(
      try problem { $0.selfTests[0].score = 150 }?.description
        == "selfTests[0]: score 150 is out of range (0...100)")
    #expect(
      try problem { $0.selfTests[0].score = -0.5 }?.description
        == "selfTests[0]: score -0.5 is out of range (0...100)")
  }

  @Test func duplicatesAndOrphans() throws {
    #expect(
      try problem { $0.cards.append($0.cards[0]) }?.description
        == "cards[3] (学): kanji 学 is also cards[0]")
    #expect(
      try problem { $0.reviewLog.append($0.reviewLog[2]) }?.description
        == "reviewLog[6] (学): time is the same as reviewLog[2] of the same kanji")
    #expect(
      try problem { $0.selfTests.append($0.selfTests[0]) }?.description
        == "selfTests[1]: time is the same as selfTests[0]")
    #expect(
      try problem { $0.known.append($0.known[0]) }?.description
        == "known[1] (学): kanji 学 is also known[0]")
    #expect(
      try problem { $0.cards.remove(at: 1) }?.description
        == "reviewLog[5] (校): kanji 校 has no card in the backup's cards")
  }

  @Test func storedDrawingsAreJSON() throws {
    #expect(
      try problem { $0.reviewLog[1].drawingJSON = "[[1, 2]" }?.description
        == "reviewLog[1] (学): drawingJSON \"[[1, 2]\" is not JSON")
    #expect(
      try problem { $0.selfTests[0].items[0].gradeJSON = "{" }?.description
        == "selfTests[0]: items[0].gradeJSON \"{\" is not JSON")
  }

  @Test func formatAndVersion() throws {
    #expect(
      try problem { $0.format = "anki" }?.description
        == "format: expected \"kanji-write-progress\", found the string \"anki\"; "
        + "this is not a kanji-write progress backup")
    #expect(
      try problem { $0.version = 2 }?.description
        == "version: 2 is newer than this kanji-write reads (1); update kanji-write")
  }

  @Test func restoreStoresAValidatedBackupWhole() throws {
    let backup = try Self.exported()
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let summary = try store.restore(backup.validated(now: Self.now), merge: false)
    #expect(summary.cardsAdded == 3 && summary.reviewsAdded == 6 && summary.selfTestsAdded == 1)
    #expect(try store.check().isHealthy)
  }
}

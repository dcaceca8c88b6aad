import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

@Suite struct StoreTests {
  @Test func homeResolution() {
    #expect(ProgressFolder.directory(home: "/h", environment: ["KANJI_WRITE_HOME": "/k"]) == "/h")
    #expect(ProgressFolder.directory(home: nil, environment: ["KANJI_WRITE_HOME": "/k"]) == "/k")
    #expect(
      ProgressFolder.directory(home: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/u"])
        == "/x/kanji-write")
    #expect(
      ProgressFolder.directory(home: nil, environment: ["HOME": "/u"])
        == "/u/.local/share/kanji-write")
  }

  @Test func openCreatesTheFolderInWALMode() throws {
    let home = try TemporaryFolder()
    let nested = home.path + "/a/b"
    let store = try ProgressStore.open(home: nil, environment: ["KANJI_WRITE_HOME": nested])
    #expect(store.path == nested + "/progress.sqlite")
    let db = try Database(path: store.path, mode: .readOnly)
    #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
    #expect(try db.scalar("PRAGMA user_version") == .integer(Int64(Schema.currentVersion)))
    #expect(try store.modelParameters() == .fsrs6Default)
  }

  @Test func addCardsSkipsDuplicates() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let now = Date(iso8601: "2024-05-01T10:00:00Z")
    let first = try store.addCards(["学", "校", "学"], at: now)
    #expect(first.added == ["学", "校"])
    #expect(first.skipped == ["学"])
    let second = try store.addCards(["校", "先"], at: now)
    #expect(second.added == ["先"])
    #expect(try store.cards().map(\.kanji) == ["学", "校", "先"])
  }

  @Test func reviewIsStoredAndLogged() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let now = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["学"], at: now)
    let snapshot = try store.recordReview(
      ReviewInput(
        kanji: "学", time: now, rating: .good, proposedRating: .hard, durationMs: 4200,
        hintsUsed: 1, drawingJSON: "{\"strokes\":[]}", gradeJSON: "{\"ok\":true}"))
    #expect(snapshot.state == .learning)
    #expect(snapshot.due == now.addingTimeInterval(600))
    let reopened = try home.openStore()
    #expect(
      try reopened.card("学")
        == CardSnapshot(
          kanji: "学", card: snapshot.card, addedAt: now, flaggedLeech: false))
    let log = try reopened.reviewLog(kanji: "学")
    #expect(log.count == 1)
    #expect(log[0].rating == .good && log[0].proposedRating == .hard)
    #expect(log[0].durationMs == 4200 && log[0].hintsUsed == 1)
    #expect(log[0].drawingJSON == "{\"strokes\":[]}" && log[0].gradeJSON == "{\"ok\":true}")
    #expect(log[0].model == "FSRS-6")
  }

  @Test func refusesReviewsOfUnknownKanjiAndOutOfOrderTimes() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let now = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["学"], at: now)
    #expect(throws: ProgressError.unknownCard("校")) {
      try store.recordReview(ReviewInput(kanji: "校", time: now, rating: .good))
    }
    _ = try store.recordReview(ReviewInput(kanji: "学", time: now, rating: .good))
    #expect(throws: ProgressError.self) {
      try store.recordReview(
        ReviewInput(kanji: "学", time: now.addingTimeInterval(-60), rating: .good))
    }
    #expect(try store.reviewLog().count == 1)
  }

  @Test func studyIsNotAReview() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let now = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["学"], at: now)
    let studied = try store.recordReview(
      ReviewInput(kanji: "学", time: now, rating: .good, isStudy: true))
    #expect(studied.state == .learning && studied.card.reps == 0 && studied.card.memory == nil)
    let reviewed = try store.recordReview(
      ReviewInput(kanji: "学", time: now.addingTimeInterval(60), rating: .good))
    #expect(reviewed.card.reps == 1)
    #expect(reviewed.card.memory?.stability == 2.3065)
    #expect(try store.stats(now: now.addingTimeInterval(120)).newToday == 1)
    #expect(try store.revlogCSV().split(separator: "\n").count == 2)
  }

  @Test func sessionQueueOrderAndDailyLimits() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    try store.setSetting("fuzz", "off")
    let day1 = Date(iso8601: "2024-05-01T10:00:00Z")
    let kanji = (0..<30).map { String(UnicodeScalar(0x4E00 + $0)!) }
    _ = try store.addCards(kanji, at: day1)
    // Only 10 new kanji a day.
    var queue = try store.sessionQueue(now: day1)
    #expect(queue.count == 10 && queue.allSatisfy(\.isNew))
    #expect(queue.map(\.kanji) == Array(kanji.prefix(10)))
    // Answer three: Good puts them in the 10-minute step, Easy graduates.
    for k in kanji.prefix(3) {
      _ = try store.recordReview(ReviewInput(kanji: k, time: day1, rating: .good))
    }
    _ = try store.recordReview(ReviewInput(kanji: kanji[3], time: day1, rating: .easy))
    queue = try store.sessionQueue(now: day1.addingTimeInterval(60))
    #expect(queue.count == 6 && queue.allSatisfy(\.isNew))
    #expect(try store.laterToday(now: day1.addingTimeInterval(60)).count == 3)
    // Ten minutes on, the learning cards come first, then the remaining new ones.
    queue = try store.sessionQueue(now: day1.addingTimeInterval(601))
    #expect(queue.map(\.kanji) == Array(kanji[0..<3]) + Array(kanji[4..<10]))
    #expect(queue.prefix(3).allSatisfy { $0.state == .learning })
    // With a review limit of 2, reviews are capped and new kanji stop.
    try store.setSetting("reviews_per_day", "2")
    for k in kanji.prefix(3) {
      _ = try store.recordReview(
        ReviewInput(kanji: k, time: day1.addingTimeInterval(601), rating: .good))
    }
    let later = Date(iso8601: "2024-05-20T10:00:00Z")
    queue = try store.sessionQueue(now: later)
    #expect(queue.count == 2 && queue.allSatisfy { $0.state == .review })
    try store.setSetting("reviews_per_day", "200")
    queue = try store.sessionQueue(now: later)
    #expect(queue.filter { $0.state == .review }.count == 4)
    #expect(queue.filter(\.isNew).count == 10)
    #expect(try store.nextDue(after: day1) != nil)
  }

  @Test func dayBoundaryAtFourResetsTheNewLimit() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let kanji = (0..<25).map { String(UnicodeScalar(0x4E00 + $0)!) }
    _ = try store.addCards(kanji, at: Date(iso8601: "2024-05-01T00:00:00Z"))
    let evening = Date(iso8601: "2024-05-01T23:00:00Z")
    for k in try store.sessionQueue(now: evening).map(\.kanji) {
      _ = try store.recordReview(ReviewInput(kanji: k, time: evening, rating: .easy))
    }
    // 03:59 the next morning is still the same learner day: no new kanji left.
    #expect(
      try store.sessionQueue(now: Date(iso8601: "2024-05-02T03:59:00Z")).filter(\.isNew).isEmpty)
    // 04:00 starts a new day.
    #expect(
      try store.sessionQueue(now: Date(iso8601: "2024-05-02T04:00:00Z")).filter(\.isNew).count == 10
    )
  }

  @Test func leechFlagInSnapshot() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    try store.setSetting("fuzz", "off")
    var now = Date(iso8601: "2024-05-01T10:00:00Z")
    _ = try store.addCards(["難"], at: now)
    var snapshot = try store.recordReview(ReviewInput(kanji: "難", time: now, rating: .easy))
    var flagged: [Int] = []
    for _ in 1...12 {
      now = snapshot.due!
      snapshot = try store.recordReview(ReviewInput(kanji: "難", time: now, rating: .again))
      if snapshot.flaggedLeech { flagged.append(snapshot.card.lapses) }
      now = snapshot.due!
      snapshot = try store.recordReview(ReviewInput(kanji: "難", time: now, rating: .good))
      #expect(!snapshot.flaggedLeech)
    }
    #expect(flagged == [8, 12])
    #expect(try store.card("難")?.card.isLeech == true)
    #expect(try store.stats(now: now).leeches == 1)
  }

  @Test func settingsAreValidated() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    #expect(try store.setting("new_per_day") == "10")
    #expect(try store.setSetting("fuzz", "false") == "off")
    #expect(try store.bool("fuzz") == false)
    #expect(try store.setSetting("learning_steps", "30s 5m 1h") == "30s 5m 1h")
    #expect(try store.steps("learning_steps") == [30, 300, 3600])
    #expect(try store.setSetting("relearning_steps", "none") == "none")
    #expect(try store.schedulingConfig().relearningSteps.isEmpty)
    #expect(try store.setSetting("strictness", "Strict") == "strict")
    // The setting's former name and values still mean it.
    #expect(try store.setSetting("leniency", "normal") == "standard")
    #expect(try store.setting("strictness") == "standard")
    #expect(try store.setSetting("leniency", "lenient") == "lenient")
    #expect(try store.setting("strictness") == "lenient")
    #expect(throws: ProgressError.self) { try store.setSetting("desired_retention", "1.5") }
    #expect(throws: ProgressError.self) { try store.setSetting("new_per_day", "ten") }
    #expect(throws: ProgressError.unknownSetting("colour")) {
      try store.setSetting("colour", "red")
    }
    #expect(try store.settings().count == SettingsCatalog.all.count)
    #expect(try store.schedulingConfig().fuzz == false)
  }

  @Test func selfTestsAndKnownSet() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let now = Date(iso8601: "2024-05-01T10:00:00Z")
    #expect(try store.addKnown(["学", "校", "学"], at: now) == ["学", "校"])
    #expect(try store.known() == ["学", "校"])
    #expect(try store.removeKnown(["校"]) == 1)
    let items = [
      SelfTestItem(kanji: "学", produced: true, drawingJSON: "[]", gradeJSON: "{}"),
      SelfTestItem(kanji: "校", produced: false),
    ]
    let record = try store.recordSelfTest(time: now, items: items, score: 0.5)
    #expect(try store.selfTests() == [record])
  }

  @Test func selfTestAndItsReviewsAreSavedTogetherOrNotAtAll() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let earlier = Date(iso8601: "2024-05-01T10:00:00Z")
    let now = Date(iso8601: "2024-05-02T10:00:00Z")
    _ = try store.addCards(["学"], at: earlier)
    _ = try store.recordReview(ReviewInput(kanji: "学", time: now, rating: .good))
    let items = [
      SelfTestItem(kanji: "学", produced: true), SelfTestItem(kanji: "校", produced: false),
    ]

    // The review of 学 is earlier than its last one, so the whole test is refused.
    #expect(throws: ProgressError.self) {
      try store.recordSelfTest(
        time: earlier, items: items, score: 50,
        reviews: [
          ReviewInput(kanji: "校", time: earlier, rating: .again),
          ReviewInput(kanji: "学", time: earlier, rating: .good),
        ])
    }
    #expect(try store.selfTests().isEmpty)
    #expect(try store.card("校") == nil)
    #expect(try store.reviewLog(kanji: nil).count == 1)

    let later = Date(iso8601: "2024-05-03T10:00:00Z")
    try store.recordSelfTest(
      time: later, items: items, score: 50,
      reviews: [
        ReviewInput(kanji: "学", time: later, rating: .good),
        ReviewInput(kanji: "校", time: later, rating: .again),
      ])
    #expect(try store.selfTests().count == 1)
    #expect(try store.card("校")?.card.reps == 1)
    #expect(try store.reviewLog(kanji: nil).count == 3)
  }

  @Test func scoredModelIsStoredWithItsName() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    var weights = ModelParameters.fsrs6Default.weights
    weights[0] = 0.3
    try store.setModelParameters(ModelParameters(model: "FSRS-6", weights: weights))
    #expect(try store.modelParameters().weights[0] == 0.3)
    #expect(throws: ModelError.self) {
      try store.setModelParameters(ModelParameters(model: "FSRS-7", weights: weights))
    }
  }

  @Test func streakCountsLearnerDays() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["一", "二", "三"], at: Date(iso8601: "2024-05-01T00:00:00Z"))
    _ = try store.recordReview(
      ReviewInput(kanji: "一", time: Date(iso8601: "2024-05-01T10:00:00Z"), rating: .good))
    _ = try store.recordReview(
      ReviewInput(kanji: "二", time: Date(iso8601: "2024-05-02T10:00:00Z"), rating: .good))
    _ = try store.recordReview(
      ReviewInput(kanji: "三", time: Date(iso8601: "2024-05-03T03:00:00Z"), rating: .good))
    #expect(try store.streak(now: Date(iso8601: "2024-05-03T03:30:00Z")) == 2)
    #expect(try store.streak(now: Date(iso8601: "2024-05-03T12:00:00Z")) == 2)
    #expect(try store.streak(now: Date(iso8601: "2024-05-05T12:00:00Z")) == 0)
  }
}

@Suite struct UndoTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  /// Taking back the last review leaves the card exactly as it was before it, fuzz and all,
  /// and the log as it was; several in a row go back further.
  @Test func theCardIsWhatItWasBeforeTheReview() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["学", "校"], at: start)
    var time = start
    var states: [Card] = [try #require(try store.card("学")).card]
    for rating in [Rating.good, .good, .again, .good, .easy] {
      time = (try store.card("学")?.card.due ?? time).addingTimeInterval(60)
      _ = try store.recordReview(ReviewInput(kanji: "学", time: time, rating: rating))
      _ = try store.recordReview(ReviewInput(kanji: "校", time: time, rating: .hard))
      states.append(try #require(try store.card("学")).card)
    }
    let otherKanji = try store.card("校")
    for expected in states.dropLast().reversed() {
      let undone = try #require(try store.undoLastReview(of: "学"))
      #expect(undone.card == expected)
      #expect(try store.card("学")?.card == expected)
    }
    #expect(try store.undoLastReview(of: "学") == nil)
    #expect(try store.reviewLog(kanji: "学").isEmpty)
    #expect(try store.card("校") == otherKanji)
    #expect(try store.check().isHealthy)
  }

  @Test func anUnknownKanjiIsRefused() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    #expect(throws: ProgressError.unknownCard("学")) { try store.undoLastReview(of: "学") }
  }
}

import FSRSOptimizer
import Foundation
import KanjiData
import Progress
import ProgressRecords
import Scheduler

/// `make bench scheduler`: a deck of every Jōyō kanji with a year of simulated history, then
/// the time to choose the next card, to record a review (fsync included) and to replay logs.
enum SchedulerBench {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The deck is every Jōyō kanji of the reference database (`make data`).
  static func run() throws {
    let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: nil))
    try run(deck: try reference.characters(matching: .joyo))
  }

  static func run(deck: [String]) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let utc = TimeZone(identifier: "UTC")!
    let start = Date(timeIntervalSince1970: 1_735_722_000)  // 2025-01-01 09:00 UTC

    let history = Simulation(deck: deck, start: start, days: 365).run()
    let store = try ProgressStore(path: folder + "/progress.sqlite", timeZone: utc, now: start)
    let now = start.addingTimeInterval(365 * 86400)
    _ = try store.restore(history.backup.validated(now: now), merge: false)
    print(
      "deck \(deck.count) kanji, \(history.reviews) simulated reviews over 365 days "
        + "(\(history.lapses) lapses), started \(history.started) cards")

    var queue: [QueuedCard] = []
    let choose = try measure(repeats: 500) { queue = try store.sessionQueue(now: now) }
    print(
      String(
        format:
          "next card (session queue of %d): mean %.3f ms, median %.3f ms, p99 %.3f ms  [goal <= 1 ms]",
        queue.count, choose.mean, choose.median, choose.p99))

    var index = 0
    let record = try measure(repeats: min(200, queue.count)) {
      let card = queue[index]
      index += 1
      _ = try store.recordReview(
        ReviewInput(
          kanji: card.kanji, time: now.addingTimeInterval(Double(index)), rating: .good,
          proposedRating: .good, durationMs: 5000, drawingJSON: "[]", gradeJSON: "{}"))
    }
    print(
      String(
        format:
          "record a review (WAL, synchronous=FULL, one fsync per commit): mean %.3f ms, median %.3f ms, p99 %.3f ms  [goal <= 5 ms]",
        record.mean, record.median, record.p99))

    let floor = try fsyncFloor(folder + "/fsync-probe")
    print(
      String(
        format: "  (this disk: write 4 KiB + fsync alone takes median %.3f ms, p99 %.3f ms)",
        floor.median, floor.p99))

    let byCard = Dictionary(grouping: history.backup.reviewLog, by: \.kanji)
    let scheduler = Scheduler(config: SchedulingConfig(clock: DayClock(timeZone: utc)))
    var mismatched = 0
    let rebuild = try measure(repeats: 5) {
      mismatched = 0
      for saved in history.backup.cards {
        var card = Card()
        for entry in byCard[saved.kanji] ?? [] {
          card = try scheduler.review(
            card, rating: entry.rating ?? .good, at: entry.time, cardKey: saved.kanji
          ).card
        }
        if card != saved.card { mismatched += 1 }
      }
    }
    print(
      String(
        format:
          "replay the simulated %d-review log through the scheduler: %.1f ms, %d cards differ",
        history.reviews, rebuild.mean, mismatched))

    var report: CheckReport?
    let check = try measure(repeats: 3) { report = try store.check() }
    print(
      String(
        format: "check (integrity + replay of %d log entries over %d cards): %.1f ms, %@",
        report?.reviewsReplayed ?? 0, report?.cardsChecked ?? 0, check.mean,
        report?.isHealthy == true ? "healthy" : "PROBLEMS"))

    let revlog = packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/srs/revlog.csv")
    guard let log = try? loadRevlog(revlog) else {
      print("revlog replay: skipped (\(revlog.path) not found)")
      return
    }
    var evaluation: ReplayEvaluation?
    let replay = measure(repeats: 10) {
      evaluation = ReplayEvaluation.evaluate(
        log, model: .standard, clock: DayClock(timeZone: utc, dayStartHour: 4))
    }
    if let evaluation {
      print(
        String(
          format:
            "replay %d-review log (FSRS-6 defaults): %.1f ms  [goal <= 50 ms]; %d predictions, log loss %.6f, RMSE(bins) %.6f",
          log.count, replay.mean, evaluation.predictions, evaluation.logLoss,
          evaluation.rmseBins))
    }
  }

  struct Timing {
    var mean: Double
    var median: Double
    var p99: Double
  }

  static func measure(repeats: Int, _ body: () throws -> Void) rethrows -> Timing {
    var samples: [Double] = []
    for _ in 0..<max(repeats, 1) {
      let begin = DispatchTime.now().uptimeNanoseconds
      try body()
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6)
    }
    samples.sort()
    let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
    return Timing(
      mean: samples.reduce(0, +) / Double(samples.count), median: samples[samples.count / 2],
      p99: p99)
  }

  /// The cost of one durable commit's fsync on this disk, to read the review figure against.
  static func fsyncFloor(_ path: String) throws -> Timing {
    let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer {
      close(fd)
      unlink(path)
    }
    let block = [UInt8](repeating: 7, count: 4096)
    return measure(repeats: 100) {
      _ = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      fsync(fd)
    }
  }

  static func loadRevlog(_ url: URL) throws -> [LoggedReview] {
    try RevlogCSV.parse(String(contentsOf: url, encoding: .utf8))
  }
}

/// A learner who studies every day at 09:00 UTC: new kanji up to 10 a day, due reviews up to
/// 200, each answer drawn from the FSRS recall probability with a seeded generator.
struct Simulation {
  let deck: [String]
  let start: Date
  let days: Int

  struct Result {
    var backup: ProgressBackup
    var reviews: Int
    var lapses: Int
    var started: Int
  }

  func run() -> Result {
    let scheduler = Scheduler(
      config: SchedulingConfig(clock: DayClock(timeZone: TimeZone(identifier: "UTC")!)))
    var random = SplitMix64(seed: 2026)
    var cards = Array(repeating: Card(), count: deck.count)
    var log: [ReviewLogEntry] = []
    var nextNew = 0
    for day in 0..<days {
      var now = start.addingTimeInterval(Double(day) * 86400)
      let dueToday = cards.indices.filter { cards[$0].state != .new && cards[$0].due! <= now }
        .sorted { cards[$0].due! < cards[$1].due! }.prefix(200)
      let fresh = nextNew..<min(nextNew + 10, deck.count)
      nextNew = fresh.upperBound
      for index in Array(dueToday) + Array(fresh) {
        var reviewTime = now
        repeat {
          let recall =
            cards[index].memory.map {
              scheduler.model.retrievability(
                elapsedDays: Double(
                  scheduler.config.clock.elapsedDays(from: cards[index].lastReview!, to: reviewTime)
                ),
                stability: $0.stability)
            } ?? 0.8
          let rating = answer(recall: recall, random: &random)
          guard
            let outcome = try? scheduler.review(
              cards[index], rating: rating, at: reviewTime, cardKey: deck[index])
          else { break }
          log.append(entry(deck[index], outcome: outcome, rating: rating, time: reviewTime))
          cards[index] = outcome.card
          reviewTime = outcome.card.due!
        } while cards[index].state != .review
        now.addTimeInterval(8)
      }
    }
    let backup = ProgressBackup(
      format: ProgressBackup.formatName, version: 1, exportedAt: start, models: [],
      settings: [:],
      cards: deck.indices.map { .init(kanji: deck[$0], addedAt: start, card: cards[$0]) },
      reviewLog: log, selfTests: [], known: [])
    return Result(
      backup: backup, reviews: log.count, lapses: cards.reduce(0) { $0 + $1.lapses },
      started: nextNew)
  }

  func answer(recall: Double, random: inout SplitMix64) -> Rating {
    guard random.unit() < recall else { return .again }
    let manner = random.unit()
    return manner < 0.1 ? .hard : manner < 0.9 ? .good : .easy
  }

  func entry(_ kanji: String, outcome: ReviewOutcome, rating: Rating, time: Date) -> ReviewLogEntry
  {
    ReviewLogEntry(
      id: 0, time: time, kanji: kanji, kind: .review, rating: rating, proposedRating: rating,
      durationMs: 6000, hintsUsed: 0, drawingJSON: nil, gradeJSON: nil,
      stateBefore: outcome.stateBefore, elapsedDays: outcome.elapsedDays,
      stateAfter: outcome.card.state, stability: outcome.card.memory?.stability,
      difficulty: outcome.card.memory?.difficulty, intervalDays: outcome.card.intervalDays,
      due: outcome.card.due, model: FSRS.modelName)
  }
}

/// A small seeded generator, so the simulated year is the same on every run.
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}

import Foundation
import Practice
import Progress
import ProgressRecords
import Scheduler

extension HomeFigures {
  /// The figures of `store` at `now`, counted the way today's session picks its cards.
  public static func load(store: ProgressStore, now: Date) throws -> HomeFigures {
    let (due, new) = try studyCounts(store: store, now: now)
    let stats = try store.stats(now: now)
    let (gap, nextTest) = try WritingGap.load(store: store)
    return HomeFigures(
      dueNow: due, newAvailable: new, reviewedToday: stats.reviewsToday,
      streak: stats.streakDays, nextReview: try store.nextDue(after: now), gap: gap,
      nextSelfTest: nextTest)
  }

  /// The cards today's session would ask now: reviews due (learning cards due within the
  /// learn-ahead limit included) and new kanji. What the app's start decides by, without the
  /// rest of the figures.
  public static func studyCounts(store: ProgressStore, now: Date) throws -> (due: Int, new: Int) {
    let queue = try store.sessionQueue(now: now)
    let ahead = try store.laterToday(now: now).filter {
      ($0.due ?? now) <= now + StoreHost.learnAheadLimit
    }
    return (queue.filter { !$0.isNew }.count + ahead.count, queue.filter(\.isNew).count)
  }
}

extension StatsReport {
  /// The figures of the learner's store now.
  /// - Parameter columns: the width the charts may take.
  public static func load(store: ProgressStore, now: Date, columns: Int = 80) throws
    -> StatsReport
  {
    let clock = try store.clock()
    let today = clock.dayNumber(now)
    var perDay = Array(repeating: 0, count: 30)
    for entry in try store.reviewLog() where entry.kind == .review {
      let age = today - clock.dayNumber(entry.time)
      if (0..<30).contains(age) { perDay[29 - age] += 1 }
    }
    let tests = try store.selfTests()
    let readable = try WritingGap.readable(store: store)
    let (gap, nextTest) = try WritingGap.load(store: store, tests: tests, readable: readable)
    return StatsReport(
      stats: try store.stats(now: now), reviewsPerDay: perDay,
      selfTests: tests.map(SelfTestScore.init), now: now, clock: clock, gap: gap,
      nextSelfTest: nextTest, calibration: try CalibrationReport.load(store: store, now: now),
      gapHistory: try GapHistory.load(
        store: store, readable: readable, tests: tests, now: now, clock: clock),
      columns: columns)
  }
}

extension GapHistory {
  /// The gap week by week since the first self-test, from the learner's store.
  /// - Parameters:
  ///   - readable: `WritingGap.readable`, and `tests` the stored self-tests, when the caller
  ///     has read them already.
  public static func load(
    store: ProgressStore, readable: [String]? = nil, tests: [SelfTestRecord]? = nil, now: Date,
    clock: DayClock
  ) throws -> GapHistory {
    let readable = Set(try readable ?? WritingGap.readable(store: store))
    let since = try store.readableSince().filter { readable.contains($0.key) }.map(\.value)
    return GapHistory(
      readableSince: since,
      tests: try (tests ?? store.selfTests()).map { ($0.time, $0.items.map(\.produced)) },
      now: now, calendar: StatsReport.calendar(clock))
  }
}

extension WritingGap {
  /// Kanji the learner can read: the known set and every kanji reviewed at least once.
  public static func readable(store: ProgressStore) throws -> [String] {
    let known = try store.known()
    let seen = Set(known)
    return known
      + (try store.cards()).filter {
        $0.card.reps > 0 && !seen.contains($0.kanji) && !CardKey.isWord($0.kanji)
      }
      .map(\.kanji)
  }

  /// The learner's gap and when the next self-test is due (`self_test_every_days` after the
  /// last; nil when none was taken).
  /// - Parameters:
  ///   - tests: the stored self-tests, and `readable` the kanji the learner reads, when the
  ///     caller has read them already.
  public static func load(
    store: ProgressStore, tests: [SelfTestRecord]? = nil, readable: [String]? = nil
  ) throws -> (gap: WritingGap, nextTest: Date?) {
    let tests = try (tests ?? store.selfTests()).sorted { $0.time > $1.time }
    let gap = WritingGap(
      readingLevel: try (readable ?? self.readable(store: store)).count,
      tests: tests.map { $0.items.map(\.produced) })
    let next = nextTest(last: tests.first?.time, everyDays: try store.int("self_test_every_days"))
    return (gap, next)
  }
}

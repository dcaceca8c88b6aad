import Foundation
import Practice
import Progress
import ProgressRecords

extension HomeFigures {
  /// The figures of `store` at `now`, counted the way today's session picks its cards.
  public static func load(store: ProgressStore, now: Date) throws -> HomeFigures {
    let (due, new) = try studyCounts(store: store, now: now)
    let stats = try store.stats(now: now)
    return HomeFigures(
      dueNow: due, newAvailable: new, reviewedToday: stats.reviewsToday,
      streak: stats.streakDays, nextReview: try store.nextDue(after: now))
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
  public static func load(store: ProgressStore, now: Date) throws -> StatsReport {
    let clock = try store.clock()
    let today = clock.dayNumber(now)
    var perDay = Array(repeating: 0, count: 30)
    for entry in try store.reviewLog() where entry.kind == .review {
      let age = today - clock.dayNumber(entry.time)
      if (0..<30).contains(age) { perDay[29 - age] += 1 }
    }
    return StatsReport(
      stats: try store.stats(now: now), reviewsPerDay: perDay,
      selfTests: try store.selfTests().map(SelfTestScore.init), now: now, clock: clock)
  }
}

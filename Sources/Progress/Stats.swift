import Foundation
import ProgressRecords
import Scheduler

extension ProgressStore {
  public func stats(now: Date) throws -> ProgressStats {
    let clock = try clock()
    let today = clock.dayNumber(now)
    let dayStart = Millis.from(clock.start(ofDay: today))
    let monthAgo = Millis.from(clock.start(ofDay: today - 29))
    let streak = try streak(now: now)
    return try read {
      var byState = Dictionary(uniqueKeysWithValues: CardState.allCases.map { ($0.rawValue, 0) })
      for row in try db.query("SELECT state, count(*) FROM cards GROUP BY state") {
        if let state = row.string(0) { byState[state] = row.int(1) ?? 0 }
      }
      var forecast = Array(repeating: 0, count: 14)
      for row in try db.query(
        "SELECT due_ms FROM cards WHERE state != 'new' AND due_ms IS NOT NULL AND suspended = 0")
      {
        let offset = max(0, clock.dayNumber(Millis.date(row.int64(0) ?? 0)) - today)
        if offset < forecast.count { forecast[offset] += 1 }
      }
      let retention = try db.query(
        """
        SELECT count(*), coalesce(sum(rating > 1), 0) FROM review_log
        WHERE kind = 'review' AND state_before = 'review' AND time_ms >= ?
        """, [.integer(monthAgo)]
      ).first
      let retentionCount = retention?.int(0) ?? 0
      return ProgressStats(
        cardsByState: byState,
        leeches: try count("SELECT count(*) FROM cards WHERE leech = 1"),
        reviewsToday: try count(
          "SELECT count(*) FROM review_log WHERE kind = 'review' AND time_ms >= ?",
          [.integer(dayStart)]),
        newToday: try count(
          "SELECT count(DISTINCT kanji) FROM review_log WHERE state_before = 'new' AND time_ms >= ?",
          [.integer(dayStart)]),
        trueRetention30Days: retentionCount == 0
          ? nil : Double(retention?.int(1) ?? 0) / Double(retentionCount),
        retentionReviews30Days: retentionCount, forecast: forecast, streakDays: streak,
        totalReviews: try count("SELECT count(*) FROM review_log WHERE kind = 'review'"))
    }
  }
}

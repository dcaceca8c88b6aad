import ArgumentParser
import Foundation
import Progress
import Scheduler

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Cards by state, today's reviews, true retention and the 14-day due forecast.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try ProgressCLI.openStore(global)
    let now = Date()
    let stats = try ProgressCLI.run { try store.stats(now: now) }
    if json {
      print(try ProgressCLI.json(stats))
      return
    }
    let states = ["new", "learning", "review", "relearning"]
    print(
      "Cards: " + states.map { "\($0) \(stats.cardsByState[$0] ?? 0)" }.joined(separator: ", ")
        + (stats.leeches > 0 ? "; \(stats.leeches) leeches" : ""))
    print(
      "Today: \(stats.reviewsToday) reviews, \(stats.newToday) new; streak \(stats.streakDays) days"
    )
    if let retention = stats.trueRetention30Days {
      print(
        String(
          format: "True retention, last 30 days: %.1f%% of %d reviews", retention * 100,
          stats.retentionReviews30Days))
    } else {
      print("True retention, last 30 days: no reviews of graduated cards yet")
    }
    print("Due in the next 14 days:")
    print(Self.chart(stats.forecast, now: now, clock: try ProgressCLI.run { try store.clock() }))
  }

  /// One row per day, bars scaled to 40 columns.
  static func chart(_ counts: [Int], now: Date, clock: DayClock) -> String {
    let peak = max(counts.max() ?? 0, 1)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE MM-dd"
    let today = clock.dayNumber(now)
    return counts.enumerated().map { offset, count in
      let day = formatter.string(from: clock.start(ofDay: today + offset))
      let width = count == 0 ? 0 : max(1, count * 40 / peak)
      return "  \(day) \(String(repeating: "█", count: width)) \(count)"
    }.joined(separator: "\n")
  }
}

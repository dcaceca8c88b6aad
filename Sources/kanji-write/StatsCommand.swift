import ArgumentParser
import Foundation
import Practice
import Progress
import ProgressRecords

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Cards by state, reviews per day, true retention, the 14-day due forecast, the self-test trend and the scheduler's calibration."
  )

  @OptionGroup var home: HomeOption

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let store = try CLI.openStore(home, access: .readOnly)
    let now = Date()
    if json {
      print(try CLI.json(try store.stats(now: now)))
      return
    }
    let report = try StatsReport.load(store: store, now: now)
    for line in report.lines { print(line) }
  }
}

import Foundation
import KanjiData
import Progress
import ProgressRecords

/// `make bench sync`: another machine's 50,000 simulated reviews (each with a drawing and a
/// grade, as the app stores them) synced into a fresh home, then a sync with nothing new.
enum SyncBench {
  static let reviewsWanted = 50_000

  static func run() throws {
    let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: nil))
    let deck = try reference.characters(matching: .joyo)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-bench-\(UUID().uuidString)").path
    for path in ["desk", "laptop", "shared"] {
      try FileManager.default.createDirectory(
        atPath: folder + "/" + path, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let utc = TimeZone(identifier: "UTC")!
    let start = Date(timeIntervalSince1970: 1_735_722_000)  // 2025-01-01 09:00 UTC

    // The simulated learner (ten new kanji a day) passes 50,000 reviews of the Jōyō deck in
    // its eighth year.
    let days = 2720
    let history = Simulation(deck: deck, start: start, days: days).run()
    guard history.reviews >= reviewsWanted else {
      print("sync: only \(history.reviews) simulated reviews in \(days) days; expected 50,000")
      return
    }
    var backup = history.backup
    for index in backup.reviewLog.indices {
      backup.reviewLog[index].drawingJSON = drawing
      backup.reviewLog[index].gradeJSON = grade
    }
    let now = start.addingTimeInterval(Double(days) * 86400)
    let desk = try ProgressStore(path: folder + "/desk/progress.sqlite", timeZone: utc, now: start)
    _ = try desk.restore(backup.validated(now: now), merge: false)
    let shared = folder + "/shared"
    var written: SyncReport?
    let export = try SchedulerBench.measure(repeats: 1) {
      written = try desk.sync(folder: shared)
    }
    let fileBytes =
      (try? FileManager.default.attributesOfItem(
        atPath: shared + "/" + desk.deviceID() + ".kwlog")[.size] as? Int) ?? 0
    print(
      String(
        format: "desk writes its %d events (%d reviews over %d days, %.1f MB file): %.0f ms",
        written?.exported ?? 0, history.reviews, days, Double(fileBytes) / 1e6, export.mean))

    let laptop = try ProgressStore(
      path: folder + "/laptop/progress.sqlite", timeZone: utc, now: start)
    var read: SyncReport?
    let cpuBefore = cpuSeconds()
    let fresh = try SchedulerBench.measure(repeats: 1) { read = try laptop.sync(folder: shared) }
    let cpu = (cpuSeconds() - cpuBefore) * 1000
    let report = try laptop.check()
    print(
      String(
        format:
          "sync %d events (%d reviews) from another machine into a fresh home: %.0f ms (%.0f ms of CPU)  [goal < 2000 ms]; check: %@",
        read?.imported ?? 0, try laptop.reviewLog().count, fresh.mean, cpu,
        report.isHealthy ? "healthy" : "PROBLEMS"))

    let again = try SchedulerBench.measure(repeats: 50) { _ = try laptop.sync(folder: shared) }
    print(
      String(
        format:
          "incremental sync with nothing new: median %.2f ms, p99 %.2f ms  [goal < 20 ms]",
        again.median, again.p99))
  }

  /// A drawing of eight strokes of twelve points on the app's canvas, about 1 KB.
  static let drawing: String = {
    let strokes = (0..<8).map { stroke in
      "[" + (0..<12).map { "[\(10 + stroke * 3).5,\(2 + $0)]" }.joined(separator: ",") + "]"
    }
    return #"{"canvas":{"columns":48,"rows":24},"strokes":["# + strokes.joined(separator: ",")
      + "]}"
  }()

  static let grade =
    #"{"pass":true,"score":0.92,"strokes":[{"index":1,"verdict":"ok"},{"index":2,"verdict":"ok"}]}"#

  /// This process's CPU time: on a machine shared with other work, the wall time alone
  /// overstates the cost.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }
}

import Foundation

/// `words`: `kanji-write word` and `info --json` as whole processes, start to exit, on the
/// reference database `make data` builds (goal < 20 ms each).
enum WordsBench {
  static let runs = 20

  static func run() throws {
    let binary = Bundle.main.executableURL!.deletingLastPathComponent()
      .appendingPathComponent("kanji-write")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw BinaryTiming.Failure(
        description: "\(binary.path) is missing: build it with swift build -c release")
    }
    for arguments in [["word", "勉強"], ["word", "勉強", "--json"], ["info", "強", "--json"]] {
      var times: [Double] = []
      for _ in 0..<runs { times.append(try time(binary, arguments)) }
      times.sort()
      print(
        String(
          format: "kanji-write %@: median %.1f ms, max %.1f ms over %d runs (goal < 20 ms)",
          arguments.joined(separator: " "), times[runs / 2] * 1000, times.last! * 1000, runs))
    }
  }

  static func time(_ binary: URL, _ arguments: [String]) throws -> TimeInterval {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    // waitUntilExit polls every 50 ms: a termination handler reports the exit as it happens.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = Date()
    try process.run()
    exited.wait()
    let elapsed = Date().timeIntervalSince(start)
    guard process.terminationStatus == 0 else {
      throw BinaryTiming.Failure(
        description:
          "kanji-write \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return elapsed
  }
}

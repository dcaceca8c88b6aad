import Foundation

/// The package's built `kanji-write`, for the tests that run the real binary.
public enum BuiltBinary {
  public static let path = Repository.path(".build/debug/kanji-write")

  public static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

  /// The variables that give the binary `home` and the reference database, counting days in UTC.
  public static func environment(home: String) -> [String: String] {
    ["KANJI_WRITE_HOME": home, "KANJI_WRITE_DATA": Repository.referenceDatabase, "TZ": "UTC"]
  }

  /// Runs the binary to its end with `input` (if any) on standard input.
  public static func run(
    _ arguments: [String], input: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> ChildProcess.Output {
    try ChildProcess.run(
      [path] + arguments, environment: environment,
      input: input.map { .bytes(Array($0.utf8)) } ?? .empty)
  }

  /// Runs the binary with standard input written by `feed` and returns its output and its peak
  /// resident memory in MB, as the kernel counted it.
  public static func runMeasuringMemory(
    _ arguments: [String], feed: @escaping @Sendable (Int32) -> Void,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> (output: ChildProcess.Output, peakMegabytes: Double) {
    // GNU time reports the peak of a child it forked itself: a child of the test process would
    // be charged the tests' own peak, since a child's peak starts from its parent's.
    let timer = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: timer) else {
      throw HarnessError(description: "\(timer) is missing: sudo apt-get install time")
    }
    let report = try TemporaryFolder()
    // GNU time exits with the child's status, or 128 + the signal that ended it.
    let output = try ChildProcess.run(
      [timer, "-f", "%M", "-o", report.file("peak"), path] + arguments, environment: environment,
      input: .feed(feed))
    let text = (try? String(contentsOfFile: report.file("peak"), encoding: .utf8)) ?? ""
    guard let kilobytes = text.split(separator: "\n").last.flatMap({ Double($0) }) else {
      throw HarnessError(description: "no peak memory from \(timer): \(text)")
    }
    return (output, kilobytes / 1024)
  }
}

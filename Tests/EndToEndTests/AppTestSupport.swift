import Foundation
import KanjiData
import TestSupport
import Testing

/// The app under test: the built binary in tmux with its own home, and the reference strokes to
/// draw with.
final class AppUnderTest {

  let tmux: TmuxSession
  /// Shared with the apps started in it, so it goes when the last of them does.
  private let folder: TemporaryFolder
  var home: String { folder.path }

  /// Starts `kanji-write ARGUMENTS` in a fresh home (or in `sharing`'s home, beside it), after
  /// running each of `before` (commands such as `add 十`) in it.
  init(
    _ arguments: [String], columns: Int = 80, rows: Int = 24, settings: [String: String] = [:],
    before: [[String]] = [], jobControl: Bool = false, terminal: [String: String] = [:],
    shellSetup: String? = nil, sharing other: AppUnderTest? = nil
  ) throws {
    guard FileManager.default.fileExists(atPath: BuiltBinary.path) else {
      throw HarnessError(description: "no binary at \(BuiltBinary.path): run swift build first")
    }
    guard FileManager.default.fileExists(atPath: Repository.referenceDatabase) else {
      throw HarnessError(
        description:
          "no reference database at \(Repository.referenceDatabase): run make data first")
    }
    folder = try other?.folder ?? TemporaryFolder()
    let environment = BuiltBinary.environment(home: folder.path)
    let setup = settings.sorted(by: { $0.key < $1.key }).map { ["config", $0.key, $0.value] }
    for command in setup + before {
      let result = try StoreFile(home: folder.path).run(command)
      guard result.status == 0 else {
        throw HarnessError(description: "\(command.joined(separator: " ")): \(result.output)")
      }
    }
    tmux = try TmuxSession(
      command: [BuiltBinary.path] + arguments, columns: columns, rows: rows,
      environment: environment.merging(terminal) { $1 },
      jobControl: jobControl, setup: shellSetup)
  }

  deinit { tmux.kill() }

  nonisolated(unsafe) private static var cache: [String: Kanji] = [:]
  private static let lock = NSLock()

  static func kanji(_ character: String) throws -> Kanji {
    lock.lock()
    defer { lock.unlock() }
    if let kanji = cache[character] { return kanji }
    let reference = try ReferenceDatabase(path: Repository.referenceDatabase)
    guard let kanji = try reference.kanji(character) else {
      throw HarnessError(description: "\(character) is not in the reference database")
    }
    cache[character] = kanji
    return kanji
  }

  /// Waits for the drawing canvas and returns it.
  func canvas(timeout: TimeInterval = 15) throws -> FramedCanvas {
    let lines = try tmux.waitFor("a framed canvas", timeout: timeout) {
      FramedCanvas.find(in: $0) != nil
    }
    return FramedCanvas.find(in: lines)!
  }

  /// Drags along one reference stroke, reporting every cell the path crosses as a terminal
  /// does.
  func draw(_ stroke: ReferenceStroke, on canvas: FramedCanvas) throws {
    var cells: [(column: Int, row: Int)] = []
    for (a, b) in zip(stroke.points, stroke.points.dropFirst() + [stroke.points.last!]) {
      for step in 0..<4 {
        let t = Double(step) / 4
        let cell = canvas.cell(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
        if cells.last.map({ $0 != cell }) ?? true { cells.append(cell) }
      }
    }
    let end = canvas.cell(x: stroke.points.last!.x, y: stroke.points.last!.y)
    if cells.last.map({ $0 != end }) ?? true { cells.append(end) }
    try tmux.drag(cells)
  }

  /// Draws strokes of a kanji in the given order (1-based numbers), each reversed if asked, and
  /// waits until the canvas holds `total` strokes (by default, as many as were drawn).
  func draw(
    _ character: String, order: [Int]? = nil, reversed: Set<Int> = [], total: Int? = nil
  ) throws {
    let kanji = try Self.kanji(character)
    let canvas = try canvas()
    let strokes = kanji.strokes.strokes
    for number in order ?? Array(1...strokes.count) {
      var stroke = strokes[number - 1]
      if reversed.contains(number) { stroke.points.reverse() }
      try draw(stroke, on: canvas)
    }
    try waitForStrokeCount(total ?? (order ?? Array(1...strokes.count)).count)
  }

  func waitForStrokeCount(_ count: Int) throws {
    _ = try tmux.waitForText("Strokes drawn: \(count)")
  }

  /// The kanji studied (shown before being asked), in order.
  func studies() throws -> [String] {
    try log().filter { ($0["kind"] as? String) == "study" }.compactMap { $0["kanji"] as? String }
  }

  /// The reviews in the log.
  func reviews() throws -> [[String: Any]] {
    try log().filter { ($0["kind"] as? String) == "review" }
  }

  /// Runs `kanji-write ARGUMENTS` to its end in the app's home: another process beside it.
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try StoreFile(home: home).run(arguments)
  }

  /// The review log, read with `kanji-write export --format json` after the app has run.
  func log() throws -> [[String: Any]] {
    let result = try run(["export", "--format", "json"])
    guard result.status == 0, let data = result.output.data(using: .utf8),
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let log = object["reviewLog"] as? [[String: Any]]
    else { throw HarnessError(description: "export failed: \(result.output)") }
    return log
  }

  /// The app's process: the only child of the pane's shell.
  func appProcess() throws -> pid_t {
    let shell = try tmux.format("#{pane_pid}")
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    let pids = children.split(separator: " ").compactMap { pid_t($0) }
    guard pids.count == 1 else {
      throw HarnessError(description: "expected one app process under the shell, found \(pids)")
    }
    return pids[0]
  }

  /// With `jobControl`: waits until the interactive shell has the terminal back, then asks it
  /// for the app's exit status.
  func exitStatusFromShell(timeout: TimeInterval = 15) throws -> Int {
    let deadline = Date() + timeout
    while try tmux.format("#{pane_current_command}") != "sh" {
      guard Date() < deadline else {
        throw HarnessError(description: "the app never gave the terminal back to the shell")
      }
      usleep(20_000)
    }
    try tmux.type("echo \"[exit $?]\"")
    try tmux.key("Enter")
    return try waitForExit(timeout: max(1, deadline.timeIntervalSinceNow))
  }

  /// The most memory the process has held so far (VmHWM), in kilobytes.
  static func peakMemoryKB(of pid: pid_t) throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { throw HarnessError(description: "no VmHWM in /proc/\(pid)/status") }
    return kilobytes
  }

  /// Waits until the app has exited and the shell printed its status.
  func waitForExit(timeout: TimeInterval = 15) throws -> Int {
    let lines = try tmux.waitFor("the app to exit", timeout: timeout) {
      $0.contains { $0.hasPrefix("[exit ") }
    }
    let line = lines.first { $0.hasPrefix("[exit ") }!
    return Int(line.dropFirst(6).dropLast()) ?? -1
  }
}

/// Ratings as the store logs them (FSRS grades 1-4).
enum LoggedRating: Int {
  case again = 1
  case hard, good, easy
}

import App
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import StrokeMatch
import TerminalUI

/// `tui`: the session state machine plus renderer, timed on the events a learner waits on, and
/// the real binary's start to its first drawn prompt in tmux.
enum TUIBench {
  static let frameBudgetMs = 16.0
  static let startBudgetMs = 100.0

  static func run() throws {
    let reference = try ReferenceDatabase(path: try ReferenceDatabase.locate(explicit: nil))
    guard let kanji = try reference.kanji("学") else {
      throw BenchError("学 is not in the reference database")
    }
    let strokes = kanji.strokes.strokes
    print("kanji \(kanji.character) (\(strokes.count) strokes), 80x24 terminal, release build")

    var first: [Double] = []
    var release: [Double] = []
    var enter: [Double] = []
    for _ in 0..<200 {
      let start = DispatchTime.now()
      var session = Session(
        cards: [SessionCard(kanji: kanji, isNew: false)],
        settings: PracticeSettings(studyNewCards: false, learnAhead: false),
        judge: StrokeMatchJudge(leniency: .normal), columns: 80, rows: 24, now: Date())
      _ = Renderer.grid(for: session.screen)
      first.append(milliseconds(since: start))

      let canvas = session.layout.canvas
      for stroke in strokes {
        let points = stroke.points.map { screenPoint($0, canvas: canvas) }
        _ = session.handle(.press(points[0]), at: Date())
        for point in points.dropFirst() { _ = session.handle(.drag(point), at: Date()) }
        let released = DispatchTime.now()
        _ = session.handle(.release(points.last!), at: Date())
        _ = Renderer.grid(for: session.screen)
        release.append(milliseconds(since: released))
      }
      let entered = DispatchTime.now()
      _ = session.handle(.key(.enter), at: Date())
      _ = Renderer.grid(for: session.screen)
      enter.append(milliseconds(since: entered))
    }
    report("session + first prompt rendered (in process)", first, budget: startBudgetMs)
    try openToFirstScreen(reference: reference.path, kanji: kanji.character)
    report("mouse release -> stroke rendered", release, budget: frameBudgetMs)
    report("Enter -> feedback graded and rendered", enter, budget: frameBudgetMs)
    try lookAlike(reference: reference)
    try startInTmux(kanji: kanji.character)
  }

  /// Enter on a drawing of 入 when 人 was asked: graded, then the recogniser names 入. The first
  /// time also builds the recogniser from the whole reference set.
  static func lookAlike(reference: ReferenceDatabase) throws {
    guard let asked = try reference.kanji("人"), let drawn = try reference.kanji("入") else {
      throw BenchError("人 or 入 is not in the reference database")
    }
    let judge = StrokeMatchJudge(
      leniency: .normal, namer: CharacterNamer { try reference.allStrokes(strokeCount: $0) })
    var times: [Double] = []
    var named = 0
    for _ in 0..<51 {
      var session = Session(
        cards: [SessionCard(kanji: asked, isNew: false)],
        settings: PracticeSettings(studyNewCards: false, learnAhead: false), judge: judge,
        columns: 80, rows: 24, now: Date())
      let canvas = session.layout.canvas
      for stroke in drawn.strokes.strokes {
        let points = stroke.points.map { screenPoint($0, canvas: canvas) }
        _ = session.handle(.press(points[0]), at: Date())
        for point in points.dropFirst() { _ = session.handle(.drag(point), at: Date()) }
        _ = session.handle(.release(points.last!), at: Date())
      }
      let entered = DispatchTime.now()
      _ = session.handle(.key(.enter), at: Date())
      _ = Renderer.grid(for: session.screen)
      times.append(milliseconds(since: entered))
      if case .feedback(let feedback) = session.phase,
        feedback.assessment.messages.contains(where: { $0.contains("入, not 人") })
      {
        named += 1
      }
    }
    print(
      String(
        format: "first Enter naming another kanji, recogniser built then: %.1f ms", times[0]))
    report(
      "Enter -> feedback naming the kanji drawn (入 for 人, \(named)/51 named)",
      Array(times.dropFirst()), budget: frameBudgetMs)
  }

  /// What `kanji-write practice` does before the terminal: open both databases, read the
  /// settings, add and load the card, and lay out the first screen; in a home used before.
  static func openToFirstScreen(reference path: String, kanji: String) throws {
    let home = FileManager.default.temporaryDirectory
      .appendingPathComponent("kw-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: home) }
    var times: [Double] = []
    for _ in 0..<11 {
      let start = DispatchTime.now()
      let host = StoreHost(
        store: try ProgressStore.open(home: home), reference: try ReferenceDatabase(path: path))
      let (settings, strictness) = try host.settings(dailySession: false)
      let session = Session(
        cards: try host.practiceCards([kanji], now: Date()), settings: settings,
        judge: StrokeMatchJudge(strictness: strictness), columns: 80, rows: 24, now: Date())
      _ = Renderer.grid(for: session.screen)
      times.append(milliseconds(since: start))
    }
    report(
      "open data + first prompt laid out (in process)", Array(times.dropFirst()),
      budget: startBudgetMs)
  }

  /// Starts `kanji-write practice` in a private tmux server and polls until the canvas frame is
  /// on screen. Includes the shell's exec, tmux's own drawing and the polling, so it is an upper
  /// bound.
  static func startInTmux(kanji: String) throws {
    let binary = Bundle.main.executableURL!.deletingLastPathComponent()
      .appendingPathComponent("kanji-write").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("start to first prompt in tmux: skipped (no \(binary))")
      return
    }
    guard (try? spawnAndWait(["tmux", "-V"]))?.status == 0 else {
      print("start to first prompt in tmux: skipped (tmux is not installed)")
      return
    }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("kw-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var times: [Double] = []
    // The first run creates the learner's database; the others start as on any later day.
    for run in 0..<7 {
      let tmux = ["tmux", "-S", directory.appendingPathComponent("sock\(run)").path]
      _ = try spawnAndWait(
        tmux + ["-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "sh"])
      let command =
        "env TERM=xterm-256color LANG=C.UTF-8 KANJI_WRITE_HOME='\(directory.path)/home' '\(binary)' practice \(kanji)"
      let start = DispatchTime.now()
      _ = try spawnAndWait(tmux + ["send-keys", command, "Enter"])
      var shown = false
      while milliseconds(since: start) < 5000 {
        let screen = try spawnAndWait(tmux + ["capture-pane", "-p"]).output
        if screen.contains("┌") && screen.contains("└") {
          shown = true
          break
        }
      }
      if shown { times.append(milliseconds(since: start)) }
      _ = try spawnAndWait(tmux + ["kill-server"])
    }
    guard !times.isEmpty else {
      print("start to first prompt in tmux: the prompt never showed")
      return
    }
    report(
      "start -> first prompt drawn (real binary in tmux)", Array(times.dropFirst()),
      budget: startBudgetMs)
  }

  static func screenPoint(_ point: Point, canvas: CellRect) -> ScreenPoint {
    ScreenPoint(
      x: Double(canvas.column) + point.x / 109 * Double(canvas.columns),
      y: Double(canvas.row) + point.y / 109 * Double(canvas.rows))
  }

  static func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
  }

  static func report(_ name: String, _ samples: [Double], budget: Double) {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return }
    let median = sorted[sorted.count / 2]
    let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
    let worst = sorted.last!
    // The machine is shared, so the verdict is on the median; p95 and max show the spread.
    let verdict = median <= budget ? "ok" : "OVER"
    print(
      String(
        format: "%@: median %.2f ms, p95 %.2f ms, max %.2f ms (median vs budget %.0f ms: %@, n=%d)",
        name,
        median, p95, worst, budget, verdict, sorted.count))
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Runs a program to the end with an empty signal mask, stdin from /dev/null.
func spawnAndWait(_ arguments: [String]) throws -> (status: Int32, output: String) {
  let output = FileManager.default.temporaryDirectory
    .appendingPathComponent("kw-bench-\(UUID().uuidString).out").path
  defer { unlink(output) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &empty)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var argv = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
  guard spawned == 0 else { throw BenchError("cannot run \(arguments[0])") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
  return ((status >> 8) & 0xff, text)
}

import Foundation
import SQLite
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The app in tmux with other `kanji-write` processes on the same store: every answered review
/// must be in the file, read by SQLite directly, however the processes interleave and whichever
/// ends first.
@Suite(.timeLimit(.minutes(2))) struct SharedStoreEndToEndTests {
  /// Kanji reviewed (Easy) two months ago: all due now, in an order `due --json` tells.
  static let deck = ["十", "二", "三", "人"]

  static func setUp() -> [[String]] {
    let time = Date().addingTimeInterval(-60 * 86_400).iso8601
    return [["add"] + deck]
      + deck.map { ["review", "--kanji", $0, "--rating", "easy", "--at", time] }
  }

  /// Timings of the second process, varied from run to run: which command, and when.
  struct Interleaving: CustomTestStringConvertible, Sendable {
    var command: String
    /// Runs of the other process before the first answer, between answers, after the last.
    var before: Int
    var between: Int
    var after: Int
    /// Milliseconds to wait after each run of the other process.
    var pause: UInt32

    var testDescription: String {
      "\(command) ×\(before)/\(between)/\(after), \(pause) ms"
    }
  }

  static let interleavings = [
    Interleaving(command: "due", before: 1, between: 0, after: 0, pause: 0),
    Interleaving(command: "stats", before: 1, between: 0, after: 0, pause: 150),
    Interleaving(command: "due", before: 0, between: 1, after: 0, pause: 20),
    Interleaving(command: "stats", before: 0, between: 2, after: 1, pause: 0),
    Interleaving(command: "due", before: 2, between: 1, after: 1, pause: 300),
    Interleaving(command: "export", before: 1, between: 1, after: 0, pause: 60),
  ]

  /// The sequence that lost reviews: the app open, another process run beside it, two cards
  /// answered, the window closed. Every answer must be in the file, and visible to other
  /// processes while the app still runs.
  @Test(arguments: interleavings)
  func reviewsSurviveAnotherProcessAndAClosedWindow(_ timing: Interleaving) throws {
    let app = try AppUnderTest([], before: Self.setUp())
    let store = StoreFile(home: app.home)
    let order = try store.dueOrder()
    try app.tmux.waitForMouseMode()
    func other(_ runs: Int) throws {
      for _ in 0..<runs {
        #expect(try store.run([timing.command]).status == 0)
        usleep(timing.pause * 1000)
      }
    }
    try other(timing.before)
    try answer(app, order[0], position: 1)
    try other(timing.between)
    try answer(app, order[1], position: 2)
    _ = try app.tmux.waitForText("3 of 4")
    try other(timing.after)
    // Seen by another process while the app runs, not only once it has quit.
    #expect(try store.reviewCount() == Self.deck.count + 2)
    try closeWindow(app)
    #expect(try store.reviewCount() == Self.deck.count + 2)
    #expect(try store.run(["check"]).status == 0)
  }

  /// Two apps on one store, either quitting first: the answers of both stay.
  @Test(arguments: [true, false])
  func twoAppsOnOneStore(firstQuitsFirst: Bool) throws {
    let first = try AppUnderTest([], before: Self.setUp())
    let store = StoreFile(home: first.home)
    let order = try store.dueOrder()
    try first.tmux.waitForMouseMode()
    let second = try AppUnderTest([], sharing: first)
    try second.tmux.waitForMouseMode()
    try answer(first, order[0], position: 1)
    try answer(second, order[0], position: 1)
    let (quitter, stayer) = firstQuitsFirst ? (first, second) : (second, first)
    try quitter.tmux.type("q")
    _ = try quitter.tmux.waitForText("Session stopped")
    try quitter.tmux.type("q")
    #expect(try quitter.waitForExit() == 0)
    try answer(stayer, order[1], position: 2)
    _ = try stayer.tmux.waitForText("3 of 4")
    #expect(try store.reviewCount() == Self.deck.count + 3)
    try closeWindow(stayer)
    #expect(try store.reviewCount() == Self.deck.count + 3)
    #expect(try store.run(["check"]).status == 0)
  }

  /// The app answering while another process records reviews with `review`.
  @Test func theAppBesideAReviewWriter() throws {
    let app = try AppUnderTest([], before: Self.setUp())
    let store = StoreFile(home: app.home)
    let order = try store.dueOrder()
    try app.tmux.waitForMouseMode()
    #expect(try store.run(["add", "五"]).status == 0)
    let writes = 8
    let writer = Thread {
      for _ in 0..<writes {
        _ = try? store.run(["review", "--kanji", "五", "--rating", "good"])
        usleep(30_000)
      }
    }
    writer.start()
    try answer(app, order[0], position: 1)
    try answer(app, order[1], position: 2)
    _ = try app.tmux.waitForText("3 of 4")
    while !writer.isFinished { usleep(20_000) }
    try closeWindow(app)
    #expect(try store.reviewCount() == Self.deck.count + 2 + writes)
    #expect(try store.run(["check"]).status == 0)
  }

  /// One connection for the app's whole run, whose lock on the file is held on every screen: a
  /// descriptor opened and closed on the database anywhere in the process would drop it.
  @Test func theAppHoldsOneConnectionAndItsLockOnEveryScreen() throws {
    let app = try AppUnderTest(
      [], before: Self.setUp() + [["known", "一二三四五六七八九十"]])
    let store = StoreFile(home: app.home)
    let order = try store.dueOrder()
    try app.tmux.waitForMouseMode()
    let pid = try app.appProcess()
    func holdsTheStore(_ screen: String) throws {
      let connections = try store.descriptors(of: pid)
      #expect(connections == 1, "\(connections) descriptors on the store on \(screen)")
      #expect(try holdsPOSIXLock(pid, on: store.path), "no lock on the store on \(screen)")
    }
    try holdsTheStore("the session")
    #expect(try store.run(["due"]).status == 0)
    for (position, kanji) in order.enumerated() {
      try answer(app, kanji, position: position + 1)
    }
    _ = try app.tmux.waitForText("Session done")
    try holdsTheStore("the summary")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Reviewed today")
    try holdsTheStore("the home screen")
    for (key, title) in [("p", "Reviews per day"), ("w", "Weak kanji"), ("?", "help")] {
      try app.tmux.type(key)
      _ = try app.tmux.waitForText(title)
      try holdsTheStore(title)
      #expect(try store.run(["stats"]).status == 0)
      try app.tmux.type("q")
      _ = try app.tmux.waitForText("Reviewed today")
    }
    try app.tmux.type("t")
    _ = try app.tmux.waitForText("1 of 10")
    try holdsTheStore("the self-test")
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Reviewed today")
    try holdsTheStore("the home screen after the self-test")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try store.reviewCount() == Self.deck.count * 2)
  }

  /// Draws the asked kanji and takes the proposed rating.
  func answer(_ app: AppUnderTest, _ kanji: String, position: Int) throws {
    _ = try app.tmux.waitForText("\(position) of ")
    try app.draw(kanji)
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
  }

  /// Closes the app's window, as a learner closing the terminal does (SIGHUP), and waits for
  /// the app to be gone.
  func closeWindow(_ app: AppUnderTest) throws {
    let pid = try app.appProcess()
    app.tmux.kill()
    let deadline = Date() + 10
    while FileManager.default.fileExists(atPath: "/proc/\(pid)"), !isZombie(pid) {
      guard Date() < deadline else {
        throw HarnessError(description: "the app did not exit after its window closed")
      }
      usleep(20_000)
    }
  }

  func isZombie(_ pid: pid_t) -> Bool {
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
  }
}

/// A progress home's database, read by SQLite and by the built binary beside the app.
struct StoreFile: Sendable {
  let home: String
  var path: String { home + "/progress.sqlite" }

  var environment: [String: String] {
    ProcessInfo.processInfo.environment.merging(BuiltBinary.environment(home: home)) { $1 }
  }

  @discardableResult
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try spawn([BuiltBinary.path] + arguments, environment: environment)
  }

  /// The due kanji in the session's order.
  func dueOrder() throws -> [String] {
    let result = try run(["due", "--json"])
    guard result.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        as? [String: Any], let now = object["now"] as? [[String: Any]]
    else { throw HarnessError(description: "due --json failed: \(result.output)") }
    return now.compactMap { $0["kanji"] as? String }
  }

  /// Reviews in the log (studies left out), read by SQLite itself.
  func reviewCount() throws -> Int {
    let database = try Database(path: path, mode: .readOnly)
    return try database.scalar("SELECT count(*) FROM review_log WHERE kind = 'review'")
      .flatMap { if case .integer(let n) = $0 { Int(n) } else { nil } } ?? -1
  }

  /// Descriptors of `pid` open on the database file itself.
  func descriptors(of pid: pid_t) throws -> Int {
    let folder = "/proc/\(pid)/fd"
    return try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == path
    }.count
  }
}

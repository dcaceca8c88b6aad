import Foundation
import TestSupport
import Testing

/// `kanji-write sync` as a learner runs it: two homes, one folder.
@Suite struct SyncCLITests {
  @Test func twoHomesMeetThroughAFolder() throws {
    try #require(BuiltBinary.exists, "swift build first")
    let shared = try TemporaryFolder()
    let desk = try ProgressHomeRunner()
    let laptop = try ProgressHomeRunner()
    #expect(try desk.run("add", "学", "校").status == 0)
    #expect(try laptop.run("add", "学").status == 0)
    let review = ["review", "--kanji", "学", "--rating"]
    #expect(try desk.run(review + ["good", "--at", "2024-05-01T10:00:00Z"]).status == 0)
    #expect(try laptop.run(review + ["again", "--at", "2024-05-01T11:00:00Z"]).status == 0)
    #expect(try laptop.run("config", "sync_dir", shared.path).status == 0)

    let first = try desk.run("sync", shared.path, "--name", "desk")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains(": 0 events in, "), "\(first.stdout)")
    // The laptop uses its sync_dir setting.
    let second = try laptop.run("sync", "--name", "laptop")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.hasSuffix("others: desk.\n"), "\(second.stdout)")
    let third = try desk.run("sync", shared.path).stdout
    #expect(third.contains("others: laptop."))
    #expect(third.contains(" out. This machine: "))
    #expect(try desk.run(review + ["good", "--at", "2024-05-04T10:00:00Z"]).status == 0)
    #expect(try desk.run("sync", shared.path).stdout.contains(": 0 events in, 1 out."))
    #expect(try laptop.run("sync").stdout.contains(": 1 event in, 0 out."))

    let deskDue = try desk.run("due", "--json")
    let laptopDue = try laptop.run("due", "--json")
    #expect(deskDue.status == 0 && deskDue.stdout == laptopDue.stdout)
    #expect(deskDue.stdout.contains("校"))
    for home in [desk, laptop] {
      let log = try home.run("export", "--format", "csv")
      #expect(log.stdout.split(separator: "\n").count == 4, "\(log.stdout)")
      #expect(try home.run("check").status == 0)
    }
  }

  @Test func aMissingFolderOrNoneIsAClearError() throws {
    try #require(BuiltBinary.exists, "swift build first")
    let home = try ProgressHomeRunner()
    let missing = home.home + "/not-mounted"
    let gone = try home.run("sync", missing)
    #expect(gone.status == 2)
    #expect(
      gone.stderr == "kanji-write: the sync folder \(missing) does not exist or is not a folder\n")
    #expect(!FileManager.default.fileExists(atPath: home.database))
    let none = try home.run("sync")
    #expect(none.status == 2)
    #expect(none.stderr.contains("kanji-write config sync_dir DIR"))
  }

  @Test func aDamagedLineIsNamedAndTheRestImported() throws {
    try #require(BuiltBinary.exists, "swift build first")
    let shared = try TemporaryFolder()
    let desk = try ProgressHomeRunner()
    #expect(try desk.run("add", "学", "校", "先").status == 0)
    #expect(try desk.run("sync", shared.path).status == 0)
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: shared.path).first)
    var text = try String(contentsOfFile: shared.file(file), encoding: .utf8)
    text = text.replacingOccurrences(of: "校", with: "杖")
    try text.write(toFile: shared.file(file), atomically: false, encoding: .utf8)
    let laptop = try ProgressHomeRunner()
    let result = try laptop.run("sync", shared.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("checksum does not match; not imported"), "\(result.stderr)")
    #expect(result.stdout.contains("2 events in"), "\(result.stdout)")
    let due = try laptop.run("due", "--json").stdout
    #expect(due.contains("学") && due.contains("先") && !due.contains("杖") && !due.contains("校"))
  }
}

/// The real app in tmux with `sync_dir` set: it syncs before its first screen and when it quits,
/// and says nothing when that works.
@Suite(.timeLimit(.minutes(1))) struct SyncAppEndToEndTests {
  @Test func theAppSyncsOnStartAndOnQuit() throws {
    let shared = try TemporaryFolder()
    let desk = try ProgressHomeRunner()
    let monthsAgo = Date().addingTimeInterval(-60 * 86_400).iso8601
    #expect(try desk.run("add", "十", "二").status == 0)
    #expect(
      try desk.run("review", "--kanji", "十", "--rating", "easy", "--at", monthsAgo).status == 0)
    #expect(try desk.run("sync", shared.path).status == 0)

    let app = try AppUnderTest([], settings: ["sync_dir": shared.path])
    // The desk's deck and review arrived before the first screen: 十 is due, 二 is new.
    try app.tmux.waitForMouseMode()
    _ = try app.tmux.waitForText("1 of 2 · review")
    // Meanwhile the desk studies 二 and syncs; the app's quit brings it in.
    #expect(try desk.run("review", "--kanji", "二", "--rating", "good").status == 0)
    #expect(try desk.run("sync", shared.path).status == 0)
    kill(try app.appProcess(), SIGTERM)
    #expect(try app.waitForExit() == 0)
    #expect(try app.reviews().compactMap { $0["kanji"] as? String }.sorted() == ["二", "十"])
    #expect(!(try app.tmux.screen().joined().contains("kanji-write:")))
  }
}

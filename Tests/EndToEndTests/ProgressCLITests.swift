import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ProgressCLITests {
  init() throws {
    try #require(
      BuiltBinary.exists,
      "build kanji-write first: \(BuiltBinary.path) is missing")
  }

  /// py-fsrs `test_review_card` through `review --at`, each review at the due time printed.
  @Test func intervalTraceThroughTheBinary() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学"], settings: ["fuzz": "off"])
    let ratings =
      Array(repeating: "good", count: 6) + ["again", "again"]
      + Array(repeating: "good", count: 5)
    var at = "2022-11-29T12:30:00Z"
    var intervals: [Int] = []
    for rating in ratings {
      let result = try runner.run(
        "review", "--kanji", "学", "--rating", rating, "--at", at, "--json")
      #expect(result.status == 0, "\(result.stderr)")
      let card = try #require(runner.json(result.stdout))
      intervals.append(card["interval_days"] as? Int ?? -1)
      at = try #require(card["due"] as? String)
    }
    #expect(intervals == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    let last = try runner.run("check")
    #expect(last.status == 0, "\(last.stdout)")
  }

  @Test func reviewPrintsTheCardAndRefusesAnEarlierTime() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学"])
    let first = try runner.run(
      "review", "--kanji", "学", "--rating", "good", "--at", "2024-05-01T10:00:00Z", "--json")
    let card = try #require(runner.json(first.stdout))
    #expect(card["kanji"] as? String == "学")
    #expect(card["state"] as? String == "learning")
    #expect(card["due"] as? String == "2024-05-01T10:10:00Z")
    #expect(card["interval_days"] as? Int == 0)
    #expect(card["lapses"] as? Int == 0)
    #expect(card["leech"] as? Bool == false)
    #expect((card["stability"] as? Double).map { abs($0 - 2.3065) < 1e-9 } == true)
    #expect(card["difficulty"] is Double)
    let earlier = try runner.run(
      "review", "--kanji", "学", "--rating", "good", "--at", "2024-05-01T09:00:00Z")
    #expect(earlier.status == 2)
    #expect(earlier.stderr.contains("not after the last review"))
    let badRating = try runner.run("review", "--kanji", "学", "--rating", "perfect")
    #expect(badRating.status == 2)
    let unknown = try runner.run("review", "--kanji", "校", "--rating", "good")
    #expect(unknown.status == 2 && unknown.stderr.contains("not in your deck"))
  }

  @Test func dueListsTheSessionOrder() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["一", "二", "三"])
    try runner.run("review", "--kanji", "二", "--rating", "good")
    let result = try runner.run("due", "--json")
    let due = try #require(runner.json(result.stdout))
    let now = try #require(due["now"] as? [[String: Any]])
    #expect(now.compactMap { $0["kanji"] as? String } == ["一", "三"])
    let later = try #require(due["later_today"] as? [[String: Any]])
    #expect(later.compactMap { $0["kanji"] as? String } == ["二"])
  }

  @Test func dueCountsLearningApartFromReviews() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["一", "二", "三", "四"])
    let longAgo = "2024-05-01T10:00:00Z"
    try runner.run("review", "--kanji", "一", "--rating", "again", "--at", longAgo)
    try runner.run("review", "--kanji", "二", "--rating", "easy", "--at", longAgo)
    let result = try runner.run("due")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Due now: 1 learning, 1 to review, 2 new"), "\(result.stdout)")
  }

  /// Two instances recording at once, on the same kanji: every review lands exactly once.
  @Test func twoProcessesRecordingAtOnce() throws {
    let runner = try ProgressHomeRunner()
    let kanji = "一二三四五六七八九十上下大小中山川田日月".map(String.init)
    try runner.seed(kanji)
    var files: [String] = []
    for half in 0..<2 {
      let lines = (0..<30).map { i in
        "{\"kanji\": \"\(kanji[(i + half * 5) % kanji.count])\", \"rating\": \"good\"}"
      }
      let file = runner.home + "/batch\(half).jsonl"
      try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
      files.append(file)
    }
    let processes = try files.map { try runner.start(["review", "--batch", $0]) }
    for process in processes {
      #expect(process.wait().status == 0)
    }
    let export = try runner.run("export", "--format", "csv")
    #expect(export.stdout.split(separator: "\n").count == 61)
    #expect(try runner.run("check").status == 0)
  }

  /// kill -9 in the middle of a burst: the file stays sound and keeps every printed review.
  @Test func killDuringABurstKeepsEveryCommittedReview() throws {
    let runner = try ProgressHomeRunner()
    let kanji = "一二三四五六七八九十".map(String.init)
    try runner.seed(kanji)
    let lines = (0..<3000).map {
      "{\"kanji\": \"\(kanji[$0 % kanji.count])\", \"rating\": \"good\"}"
    }
    let file = runner.home + "/burst.jsonl"
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
    let process = try runner.start(["review", "--batch", file])
    var printed = 0
    while printed < 40 {
      let exited = process.hasExited()
      printed = process.standardOutputSoFar().filter { $0 == UInt8(ascii: "\n") }.count
      if exited { break }
      usleep(1000)
    }
    process.kill(SIGKILL)
    #expect(process.wait().signal != nil)
    let check = try runner.run("check")
    #expect(check.status == 0, "\(check.stdout)")
    let logged = try runner.run("export", "--format", "csv").stdout.split(separator: "\n").count - 1
    #expect(logged >= printed)
    #expect(logged < 3000)
  }

  @Test func corruptFileIsReportedAndUntouched() throws {
    let runner = try ProgressHomeRunner()
    let junk = Data("not a database at all, just notes\n".utf8)
    _ = FileManager.default.createFile(atPath: runner.database, contents: junk)
    for command in [["due"], ["review", "--kanji", "学", "--rating", "good"], ["stats"]] {
      let result = try runner.run(command)
      #expect(result.status == 2)
      #expect(result.stderr.contains(runner.database))
    }
    #expect(FileManager.default.contents(atPath: runner.database) == junk)
  }

  @Test func readOnlyFileIsReportedAndUntouched() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学"])
    try runner.run("review", "--kanji", "学", "--rating", "good")
    let before = FileManager.default.contents(atPath: runner.database)
    chmod(runner.database, 0o444)
    let result = try runner.run("review", "--kanji", "学", "--rating", "good")
    #expect(result.status == 2)
    #expect(result.stderr.contains(runner.database) && result.stderr.contains("read-only"))
    #expect(FileManager.default.contents(atPath: runner.database) == before)
  }

  @Test func exportImportAndStats() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学", "校"])
    try runner.run("review", "--kanji", "学", "--rating", "easy", "--at", "2024-05-01T10:00:00Z")
    let backup = runner.home + "/backup.json"
    #expect(try runner.run("export", "--format", "json", "--out", backup).status == 0)
    let csv = try runner.run("export", "--format", "csv").stdout
    #expect(csv.hasPrefix("card_id,review_time,review_rating,review_state,review_duration\n"))
    #expect(csv.contains("1,1714557600000,4,0,0"))

    let other = try ProgressHomeRunner()
    let restored = try other.run("import-progress", backup, "--json")
    #expect(other.json(restored.stdout)?["reviewsAdded"] as? Int == 1)
    let refused = try other.run("import-progress", backup)
    #expect(refused.status == 2 && refused.stderr.contains("--merge"))
    let merged = try other.run("import-progress", backup, "--merge", "--json")
    #expect(other.json(merged.stdout)?["reviewsSkipped"] as? Int == 1)

    let stats = try #require(other.json(try other.run("stats", "--json").stdout))
    #expect((stats["cardsByState"] as? [String: Int])?["review"] == 1)
    #expect((stats["forecast"] as? [Int])?.count == 14)
    let text = try other.run("stats").stdout
    #expect(text.contains("Due in the next 14 days"))
  }

  @Test func configListsAndValidates() throws {
    let runner = try ProgressHomeRunner()
    let list = try runner.run("config").stdout
    for key in ["new_per_day", "reviews_per_day", "fuzz", "leech_threshold", "day_start"] {
      #expect(list.contains(key))
    }
    #expect(try runner.run("config", "fuzz", "off").stdout == "fuzz = off\n")
    #expect(try runner.run("config", "fuzz").stdout == "off\n")
    let bad = try runner.run("config", "new_per_day", "ten")
    #expect(bad.status == 2 && bad.stderr.contains("new_per_day"))
  }
}

@Suite struct AddCommandTests {
  static let reference = URL(fileURLWithPath: Repository.referenceDatabase)

  @Test func addsSelectorsSkipsDuplicatesReportsUnknown() throws {
    try #require(BuiltBinary.exists, "build kanji-write first")
    try #require(
      FileManager.default.fileExists(atPath: Self.reference.path),
      "\(Self.reference.path) is missing: run `make data`")
    let runner = try ProgressHomeRunner()
    let first = try runner.run("add", "学校", "grade:1", "--json")
    #expect(first.status == 0, "\(first.stderr)")
    let report = try #require(runner.json(first.stdout))
    let added = try #require(report["added"] as? [String])
    #expect(added.count == 80)
    #expect(Array(added.prefix(2)) == ["学", "校"])
    let second = try #require(runner.json(try runner.run("add", "学", "𠀋", "--json").stdout))
    #expect(second["added"] as? [String] == [])
    #expect(second["skipped"] as? [String] == ["学"])
    #expect(second["unknown"] as? [String] == ["𠀋"])
    let joyo = try #require(runner.json(try runner.run("add", "joyo", "--json").stdout))
    #expect((joyo["added"] as? [String])?.count == 2136 - 80)
    let bad = try runner.run("add", "jlpt:N9")
    #expect(bad.status == 2 && bad.stderr.contains("N5"))
  }
}

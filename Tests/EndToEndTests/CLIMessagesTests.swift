import Foundation
import TestSupport
import Testing

/// The command line's rough edges, through the real binary: help on every command, ratings by
/// number, typos, each message printed once under the program's name, missing files and
/// folders named, read-only commands that create nothing, each command's own options, and
/// kanji lists that mix known and unknown characters.
@Suite struct CLIMessagesTests {
  static let commands = [
    "session", "import", "info", "grade", "recognize", "add", "due", "review", "export",
    "import-progress", "stats", "config", "check", "practice", "known", "weak", "test",
  ]

  init() throws {
    try #require(BuiltBinary.exists, "build kanji-write first: \(BuiltBinary.path) is missing")
  }

  /// An error as `main` prints it: the name once, the message, nothing of the parser's own.
  static func expectOneMessage(
    _ result: ChildProcess.Output, _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 2, sourceLocation: sourceLocation)
    #expect(result.stderr == "kanji-write: \(message)\n", sourceLocation: sourceLocation)
  }

  @Test func everyCommandShowsItsHelp() throws {
    let runner = try ProgressHomeRunner()
    for command in Self.commands {
      for flag in ["--help", "-h"] {
        let result = try runner.run(command, flag)
        #expect(result.status == 0, "\(command) \(flag): \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(command) \(flag)")
        #expect(result.stdout.contains("USAGE: kanji-write \(command)"), "\(command) \(flag)")
      }
    }
    let helpReview = try runner.run("help", "review")
    #expect(helpReview.status == 0 && helpReview.stdout.contains("USAGE: kanji-write review"))
    // Help does not open the store.
    #expect(!FileManager.default.fileExists(atPath: runner.database))
  }

  @Test func ratingsAreTakenByNumberAsWellAsByName() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学", "校", "先", "生"])
    let at = "2024-05-01T10:00:00Z"
    let byNumber = try runner.run("review", "--kanji", "学", "--rating", "3", "--at", at, "--json")
    let byName = try runner.run(
      "review", "--kanji", "校", "--rating", "good", "--at", at, "--json")
    #expect(byNumber.status == 0, "\(byNumber.stderr)")
    let numbered = try #require(runner.json(byNumber.stdout))
    let named = try #require(runner.json(byName.stdout))
    #expect(numbered["state"] as? String == "learning")
    #expect(numbered["due"] as? String == named["due"] as? String)
    #expect(numbered["stability"] as? Double == named["stability"] as? Double)

    Self.expectOneMessage(
      try runner.run("review", "--kanji", "学", "--rating", "5"),
      "unknown rating \"5\": use again, hard, good or easy, or 1-4")

    let batch = runner.home + "/batch.jsonl"
    try """
    {"kanji": "先", "rating": "1", "at": "2024-05-02T10:00:00Z"}
    {"kanji": "生", "rating": 4, "at": "2024-05-02T10:00:00Z"}
    """.write(toFile: batch, atomically: true, encoding: .utf8)
    let batched = try runner.run("review", "--batch", batch)
    #expect(batched.status == 0, "\(batched.stderr)")
    let csv = try runner.run("export", "--format", "csv").stdout
    #expect(csv.contains(",1714644000000,1,") && csv.contains(",1714644000000,4,"), "\(csv)")
  }

  @Test func aMistypedCommandGetsTheNearestOne() throws {
    let runner = try ProgressHomeRunner()
    Self.expectOneMessage(try runner.run("stat"), "unknown command 'stat'; did you mean 'stats'?")
    Self.expectOneMessage(
      try runner.run("help", "stat"), "unknown command 'stat'; did you mean 'stats'?")
    #expect(try runner.run("help", "stats").stdout.contains("USAGE: kanji-write stats"))
    Self.expectOneMessage(
      try runner.run("reveiw", "--kanji", "学"), "unknown command 'reveiw'; did you mean 'review'?")
    Self.expectOneMessage(
      try runner.run("xyz"),
      "unknown command 'xyz'; kanji-write --help lists the commands, and kanji-write alone starts the app"
    )
    #expect(!FileManager.default.fileExists(atPath: runner.database))
    let help = try runner.run("--help")
    #expect(help.status == 0 && help.stdout.contains("no subcommand: starts the app"))
    #expect(help.stdout.contains("With no subcommand, it starts the app."))
  }

  @Test func everyMessageNamesTheProgramOnce() throws {
    let runner = try ProgressHomeRunner()
    // The terminal's refusal (the tests' standard input is not a terminal).
    let app = try runner.run("session")
    #expect(app.status == 2)
    #expect(
      app.stderr.hasPrefix("kanji-write: the app needs an interactive terminal"), "\(app.stderr)")
    // A command's validate(), which the parser wraps in its own error.
    Self.expectOneMessage(try runner.run("review"), "give --kanji and --rating, or --batch FILE")
    Self.expectOneMessage(try runner.run("weak", "--limit", "0"), "--limit must be at least 1")
    // The parser's own mistakes keep their usage line.
    let unknownOption = try runner.run("due", "--bogus")
    #expect(unknownOption.status == 2)
    #expect(unknownOption.stderr.hasPrefix("kanji-write: Unknown option '--bogus'\nUsage:"))
    // An error from the libraries.
    try runner.seed(["学"])
    Self.expectOneMessage(
      try runner.run("review", "--kanji", "校", "--rating", "good"),
      "校 is not in your deck; add it with `kanji-write add`")
    for result in [app, unknownOption] {
      #expect(result.stderr.components(separatedBy: "kanji-write:").count == 2, "\(result.stderr)")
      #expect(!result.stderr.contains("Error:") && !result.stderr.contains("CommandError"))
    }
  }

  @Test func missingFilesAndFoldersAreNamed() throws {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学"])
    Self.expectOneMessage(
      try runner.run("export", "--out", "/nonexistent/dir/x.json"),
      "cannot write /nonexistent/dir/x.json: the folder /nonexistent/dir does not exist")
    Self.expectOneMessage(
      try runner.run("export", "--out", runner.home),
      "cannot write \(runner.home): it is a folder")

    let fresh = try ProgressHomeRunner()
    Self.expectOneMessage(
      try fresh.run("add", "file:/nonexistent"), "/nonexistent does not exist")
    Self.expectOneMessage(
      try fresh.run("add", "file:\(runner.home)"), "\(runner.home) is a folder, not a file")
    let latin1 = runner.home + "/latin1.txt"
    try Data([0x61, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
    Self.expectOneMessage(try fresh.run("add", "file:\(latin1)"), "\(latin1) is not UTF-8 text")
    if getuid() != 0 {
      // Root reads any file, so only another user can see this one refused.
      let locked = runner.home + "/locked.txt"
      try "学".write(toFile: locked, atomically: true, encoding: .utf8)
      chmod(locked, 0)
      Self.expectOneMessage(
        try fresh.run("add", "file:\(locked)"),
        "\(locked) cannot be read (check its permissions)")
    }
    #expect(!FileManager.default.fileExists(atPath: fresh.database))
  }

  @Test func readingCommandsCreateNoStore() throws {
    let folder = try TemporaryFolder()
    let typo = folder.path + "/typo/dir"
    let message =
      "no progress in \(typo) yet: nothing has been studied there; check --home (or $KANJI_WRITE_HOME), or start with kanji-write add jlpt:N5"
    for command in [["due"], ["stats"], ["export"], ["check"], ["weak"], ["test", "--history"]] {
      let result = try BuiltBinary.run(
        command + ["--home", typo], environment: BuiltBinary.environment(home: folder.path))
      Self.expectOneMessage(result, message)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/typo"))

    // A home folder that exists but holds no store is left as empty as it was.
    let runner = try ProgressHomeRunner()
    Self.expectOneMessage(
      try runner.run("due"),
      "no progress in \(runner.home) yet: nothing has been studied there; check --home (or $KANJI_WRITE_HOME), or start with kanji-write add jlpt:N5"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: runner.home).isEmpty)
    // A command that writes makes it.
    #expect(try runner.run("add", "学").status == 0)
    #expect(try runner.run("due").status == 0)
  }

  @Test func eachCommandListsOnlyTheOptionsItUses() throws {
    let runner = try ProgressHomeRunner()
    let uses: [String: Set<String>] = [
      "import": [], "info": ["--data"], "grade": ["--data"], "recognize": ["--data"],
      "due": ["--home"], "review": ["--home"], "export": ["--home"], "stats": ["--home"],
      "config": ["--home"], "check": ["--home"], "session": ["--data", "--home"],
      "add": ["--data", "--home"], "import-progress": ["--data", "--home"],
      "practice": ["--data", "--home"], "known": ["--data", "--home"],
      "weak": ["--data", "--home"], "test": ["--data", "--home"],
    ]
    #expect(Set(uses.keys) == Set(Self.commands))
    for (command, options) in uses {
      let help = try runner.run(command, "--help").stdout
      for option in ["--data", "--home"] {
        #expect(help.contains("\(option) <") == options.contains(option), "\(command) \(option)")
      }
    }
  }

  @Test func knownKanjiAreAddedAndTheRestNamed() throws {
    try Repository.requireReferenceDatabase()
    let runner = try ProgressHomeRunner()
    let mixed = try runner.run("add", "学校x")
    #expect(mixed.status == 0, "\(mixed.stderr)")
    #expect(
      mixed.stdout == "Added 2 kanji: 学, 校\nSkipped x: not in the reference database\n")

    let list = runner.home + "/list.txt"
    try "先生\n𠀋\n".write(toFile: list, atomically: true, encoding: .utf8)
    let fromFile = try runner.run("add", "file:\(list)", "--json")
    #expect(fromFile.status == 0)
    let report = try #require(runner.json(fromFile.stdout))
    #expect(report["added"] as? [String] == ["先", "生"])
    #expect(report["unknown"] as? [String] == ["𠀋"])

    let fresh = try ProgressHomeRunner()
    Self.expectOneMessage(
      try fresh.run("add", "x𠀋"), "nothing added; skipped x, 𠀋: not in the reference database")
    #expect(!FileManager.default.fileExists(atPath: fresh.database))
  }
}

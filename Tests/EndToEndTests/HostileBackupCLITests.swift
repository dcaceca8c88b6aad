import Foundation
import TestSupport
import Testing

/// Hostile backups through the real binary: each is refused with exit status 2 and a message
/// naming the record and field, and the store is left as it was.
@Suite(.serialized) struct HostileBackupCLITests {
  init() throws {
    try #require(BuiltBinary.exists, "build kanji-write first: \(BuiltBinary.path) is missing")
    try Repository.requireReferenceDatabase()
  }

  /// A home with real progress (学 reviewed twice, 校 once) and its export as JSON objects.
  func homeWithProgress() throws -> (runner: ProgressHomeRunner, export: [String: Any]) {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学", "校", "先"])
    let first = try runner.run(
      "review", "--kanji", "学", "--rating", "good", "--at", "2024-05-01T10:00:00Z", "--json")
    let due = try #require(runner.json(first.stdout)?["due"] as? String)
    for (kanji, rating, at) in [("学", "good", due), ("校", "easy", "2024-05-02T09:00:00Z")] {
      let result = try runner.run("review", "--kanji", kanji, "--rating", rating, "--at", at)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let export = try runner.run("export", "--format", "json")
    return (runner, try #require(runner.json(export.stdout)))
  }

  /// What the store holds, as `export` prints it less the time of the export.
  func contents(_ runner: ProgressHomeRunner) throws -> String {
    var export = try #require(runner.json(try runner.run("export", "--format", "json").stdout))
    export["exportedAt"] = nil
    let data = try JSONSerialization.data(withJSONObject: export, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  /// `json[section][index]...[last] = value`.
  func set(
    _ json: inout [String: Any], _ section: String, _ index: Int, _ path: [String], _ value: Any
  ) {
    var records = json[section] as! [[String: Any]]
    records[index] = setting(records[index], path[...], value)
    json[section] = records
  }

  func setting(_ object: [String: Any], _ path: ArraySlice<String>, _ value: Any) -> [String: Any] {
    var object = object
    let key = path.first!
    object[key] =
      path.count == 1 ? value : setting(object[key] as! [String: Any], path.dropFirst(), value)
    return object
  }

  struct Hostile {
    var name: String
    var bytes: Data
    /// The message after "import-progress: nothing imported from FILE: ".
    var message: String
  }

  func hostileBackups(from export: [String: Any]) throws -> [Hostile] {
    func edited(_ edit: (inout [String: Any]) -> Void) throws -> Data {
      var json = export
      edit(&json)
      return try JSONSerialization.data(withJSONObject: json)
    }
    let megabyte = String(repeating: "a", count: 1 << 20)
    let steps = Array(repeating: "1m", count: 5000).joined(separator: " ")
    return [
      Hostile(
        name: "time-1e300", bytes: try edited { set(&$0, "reviewLog", 1, ["time"], 1e300) },
        message: "reviewLog[1] (学): time 1e+300 is not a valid time (milliseconds since 1970)"),
      Hostile(
        name: "due-9.3e18", bytes: try edited { set(&$0, "cards", 0, ["card", "due"], 9.3e18) },
        message: "cards[0] (学): card.due 9.3e+18 is not a valid time (milliseconds since 1970)"),
      Hostile(
        name: "unknown-kanji", bytes: try edited { set(&$0, "cards", 2, ["kanji"], "Z") },
        message: "cards[2] (Z): kanji \"Z\" is not in the reference database"),
      Hostile(
        name: "megabyte-kanji", bytes: try edited { set(&$0, "cards", 2, ["kanji"], megabyte) },
        message: "cards[2]: kanji \"\(megabyte.prefix(30))\"… (1048576 characters) "
          + "is not one character"),
      Hostile(
        name: "stability-1e308",
        bytes: try edited { set(&$0, "cards", 0, ["card", "memory", "stability"], 1e308) },
        message: "cards[0] (学): card.memory.stability 1e+308 is out of range (0.001...36500)"),
      Hostile(
        name: "stability-negative",
        bytes: try edited { set(&$0, "cards", 0, ["card", "memory", "stability"], -5) },
        message: "cards[0] (学): card.memory.stability -5 is out of range (0.001...36500)"),
      Hostile(
        name: "lapses-negative",
        bytes: try edited { set(&$0, "cards", 0, ["card", "lapses"], -1) },
        message: "cards[0] (学): card.lapses -1 is out of range (0...2, at most card.reps)"),
      Hostile(
        name: "step-99", bytes: try edited { set(&$0, "cards", 0, ["card", "step"], 99) },
        message: "cards[0] (学): card.step 99 is out of range (0...9)"),
      Hostile(
        name: "time-negative", bytes: try edited { set(&$0, "reviewLog", 0, ["time"], -5000) },
        message: "reviewLog[0] (学): time -5000 is before 2000-01-01"),
      Hostile(
        name: "rating-string", bytes: try edited { set(&$0, "reviewLog", 1, ["rating"], "3") },
        message: "reviewLog[1].rating: expected a whole number, found the string \"3\""),
      Hostile(
        name: "steps-5000", bytes: try edited { $0["settings"] = ["learning_steps": steps] },
        message: "settings.learning_steps: 5000 steps; at most 10"),
      Hostile(
        name: "version-2", bytes: try edited { $0["version"] = 2 },
        message: "version: 2 is newer than this kanji-write reads (1); update kanji-write"),
      Hostile(
        name: "not-json", bytes: Data("not json".utf8),
        message: "the file is not JSON (Invalid value around character 1.)"),
      Hostile(name: "empty", bytes: Data(), message: "the file is empty"),
    ]
  }

  @Test func hostileBackupsAreRefusedAndImportNothing() throws {
    let (runner, export) = try homeWithProgress()
    let before = try contents(runner)
    let bytes = try #require(FileManager.default.contents(atPath: runner.database))
    for hostile in try hostileBackups(from: export) {
      let file = runner.home + "/\(hostile.name).json"
      try hostile.bytes.write(to: URL(fileURLWithPath: file))
      // --merge: a sound file would be added to this progress.
      let result = try runner.run("import-progress", "--merge", file)
      #expect(result.status == 2, "\(hostile.name)")
      #expect(
        result.stderr
          == "kanji-write: import-progress: nothing imported from \(file): \(hostile.message)\n")
      #expect(result.stdout.isEmpty, "\(hostile.name)")
      #expect(FileManager.default.contents(atPath: runner.database) == bytes, "\(hostile.name)")
    }
    #expect(try contents(runner) == before)
  }

  /// The comparison above sees an import: a sound edit of the same export is merged.
  @Test func aSoundEditIsImported() throws {
    let (runner, export) = try homeWithProgress()
    let before = try contents(runner)
    var json = export
    json["known"] = [["kanji": "猫", "addedAt": export["exportedAt"]!]]
    let file = runner.home + "/sound.json"
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
    let result = try runner.run("import-progress", "--merge", file)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try contents(runner) != before)
    #expect(try runner.run("known").stdout.contains("猫"))
  }

  @Test func aRefusedBackupCreatesNoDatabase() throws {
    let (source, export) = try homeWithProgress()
    var json = export
    set(&json, "cards", 1, ["card", "memory", "stability"], -5)
    let file = source.home + "/bad.json"
    try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
    let empty = try ProgressHomeRunner()
    let result = try empty.run("import-progress", file)
    #expect(result.status == 2)
    #expect(result.stderr.contains("cards[1] (校): card.memory.stability -5 is out of range"))
    #expect(!FileManager.default.fileExists(atPath: empty.database))
  }

  @Test func withoutTheReferenceDatabaseNothingIsImported() throws {
    let (source, _) = try homeWithProgress()
    let file = source.home + "/backup.json"
    #expect(try source.run("export", "--out", file).status == 0)
    let empty = try ProgressHomeRunner()
    var environment = empty.environment
    environment["KANJI_WRITE_DATA"] = empty.home + "/missing.sqlite"
    let result = try BuiltBinary.run(["import-progress", file], environment: environment)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "kanji-write: import-progress: nothing imported from \(file): cannot check its kanji: "
        + "no reference database at \(empty.home)/missing.sqlite (from $KANJI_WRITE_DATA)\n")
    #expect(!FileManager.default.fileExists(atPath: empty.database))
  }

  @Test func anOversizedFileIsNotRead() throws {
    let runner = try ProgressHomeRunner()
    let file = runner.home + "/huge.json"
    #expect(FileManager.default.createFile(atPath: file, contents: nil))
    // Sparse: 600 MB that take no room.
    #expect(truncate(file, 600 << 20) == 0)
    let result = try runner.run("import-progress", file)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "kanji-write: import-progress: nothing imported from \(file): it is larger than 512 MB, "
        + "the most a backup may be\n")
  }
}

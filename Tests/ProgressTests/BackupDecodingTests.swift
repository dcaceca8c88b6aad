import Foundation
import ProgressRecords
import Testing

@testable import Progress

/// Reading a backup file: what JSONDecoder would call "not in the correct format" is named by
/// its path, with what was expected and what was found.
@Suite struct BackupDecodingTests {
  /// A real export as JSON objects, for editing.
  static func exportedJSON() throws -> [String: Any] {
    let data = try ProgressBackup.encoder().encode(try BackupValidationTests.exported())
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The problem `decode` reports for `data`.
  func problem(_ data: Data) -> BackupProblem? {
    do {
      _ = try ProgressBackup.decode(data)
      return nil
    } catch {
      return error as? BackupProblem
    }
  }

  /// The problem `decode` reports once `edit` has spoilt a real export.
  func problem(_ edit: (inout [String: Any]) -> Void) throws -> BackupProblem? {
    var json = try Self.exportedJSON()
    edit(&json)
    return problem(try JSONSerialization.data(withJSONObject: json))
  }

  /// `json[section][index][key] = value`, the nesting JSONSerialization's types make verbose.
  func set(
    _ json: inout [String: Any], _ section: String, _ index: Int, _ path: [String], _ value: Any?
  ) {
    var records = json[section] as! [[String: Any]]
    records[index] = setting(records[index], path[...], value)
    json[section] = records
  }

  func setting(_ object: [String: Any], _ path: ArraySlice<String>, _ value: Any?) -> [String: Any]
  {
    var object = object
    let key = path.first!
    object[key] =
      path.count == 1 ? value : setting(object[key] as! [String: Any], path.dropFirst(), value)
    return object
  }

  @Test func theEncodedExportDecodesToItself() throws {
    let backup = try BackupValidationTests.exported()
    #expect(try ProgressBackup.decode(ProgressBackup.encoder().encode(backup)) == backup)
  }

  @Test func notABackupAtAll() {
    #expect(problem(Data())?.description == "the file is empty")
    #expect(problem(Data("not json".utf8))?.description.hasPrefix("the file is not JSON (") == true)
    #expect(problem(Data("[1]".utf8))?.description == "expected a JSON object, found an array")
    #expect(
      problem(Data("{\"cards\": []}".utf8))?.description
        == "format: missing; this is not a kanji-write progress backup")
  }

  @Test func formatAndVersionComeFirst() throws {
    #expect(
      try problem { $0["format"] = "anki" }?.description
        == "format: expected \"kanji-write-progress\", found the string \"anki\"; "
        + "this is not a kanji-write progress backup")
    // A newer version is refused before its fields, which may have changed, are read.
    #expect(
      try problem {
        $0["version"] = 2
        $0["cards"] = "elsewhere"
      }?.description == "version: 2 is newer than this kanji-write reads (1); update kanji-write")
    #expect(
      try problem { $0["version"] = 0 }?.description
        == "version: 0 is not a version of this format")
    #expect(
      try problem { $0["version"] = "1" }?.description
        == "version: expected a whole number, found the string \"1\"")
  }

  @Test func wrongTypesNameThePath() throws {
    #expect(
      try problem { set(&$0, "reviewLog", 3, ["rating"], "3") }?.description
        == "reviewLog[3].rating: expected a whole number, found the string \"3\"")
    #expect(
      try problem { set(&$0, "cards", 0, ["card", "isLeech"], 1) }?.description
        == "cards[0].card.isLeech: expected true or false, found the number 1")
    #expect(
      try problem { set(&$0, "cards", 1, ["card", "memory", "stability"], NSNull()) }?
        .description == "cards[1].card.memory.stability: expected a number, found null")
    #expect(
      try problem { $0["settings"] = ["fuzz": 1] }?.description
        == "settings.fuzz: expected a string, found the number 1")
    #expect(
      try problem { $0["cards"] = [String: Any]() }?.description
        == "cards: expected an array, found an object")
  }

  @Test func missingFields() throws {
    #expect(
      try problem { set(&$0, "cards", 2, ["card", "state"], nil) }?.description
        == "cards[2].card.state: missing")
    #expect(try problem { $0["known"] = nil }?.description == "known: missing")
  }

  @Test func valuesNamingNoCase() throws {
    #expect(
      try problem { set(&$0, "reviewLog", 1, ["rating"], 0) }?.description
        == "reviewLog[1].rating: 0 is not one of 1, 2, 3, 4")
    #expect(
      try problem { set(&$0, "cards", 0, ["card", "state"], "flying") }?.description
        == "cards[0].card.state: \"flying\" is not one of new, learning, review, relearning")
    #expect(
      try problem { set(&$0, "reviewLog", 1, ["kind"], "exam") }?.description
        == "reviewLog[1].kind: \"exam\" is not one of study, review")
  }

  /// A time is any number to the decoder; `validated` refuses one the store cannot hold.
  @Test func timesOutOfRangeAreLeftToValidation() throws {
    var json = try Self.exportedJSON()
    set(&json, "reviewLog", 3, ["time"], 1e300)
    set(&json, "cards", 0, ["card", "due"], 9.3e18)
    let backup = try ProgressBackup.decode(try JSONSerialization.data(withJSONObject: json))
    #expect(
      throws: BackupProblem(
        "cards[0] (学)", "card.due 9.3e+18 is not a valid time (milliseconds since 1970)")
    ) {
      try backup.validated(now: BackupValidationTests.now)
    }
  }

  @Test func numbersTheirFieldCannotHold() throws {
    #expect(
      try problem { set(&$0, "cards", 0, ["card", "reps"], UInt64(9_300_000_000_000_000_000)) }?
        .description
        == "cards[0].card.reps: 9300000000000000000 is out of range for a whole number "
        + "(-9223372036854775808...9223372036854775807)")
    #expect(
      try problem { set(&$0, "cards", 0, ["card", "lapses"], 1.5) }?.description
        == "cards[0].card.lapses: expected a whole number, found the number 1.5")
    #expect(
      try problem { set(&$0, "cards", 0, ["card", "lapses"], 1e300) }?.description
        == "cards[0].card.lapses: 1e+300 is out of range for a whole number "
        + "(-9223372036854775808...9223372036854775807)")
  }

  @Test func oddKeysAreQuotedInThePath() throws {
    #expect(
      try problem { $0["settings"] = ["a b": ["x"]] }?.description
        == "settings.\"a b\": expected a string, found an array")
  }
}

import Foundation
import TestSupport
import Testing

/// `kanji-write info` and `import` through the built binary, on `Data/kanji.sqlite`.
@Suite struct InfoCommandTests {
  func run(_ arguments: [String], environment extra: [String: String] = [:]) throws
    -> ChildProcess.Output
  {
    try Repository.requireReferenceDatabase()
    var environment = ProcessInfo.processInfo.environment
    environment["KANJI_WRITE_DATA"] = nil
    environment.merge(extra) { $1 }
    return try BuiltBinary.run(arguments, environment: environment)
  }

  @Test func showsAKanjiWithNumberedBrailleStrokes() throws {
    let result = try run(["info", "学"])
    #expect(result.status == 0)
    let text = result.stdout
    for expected in ["study", "ガク", "まな.ぶ", "N5 (old level 4)", "#63", "子, bottom", "strokes 6-8"] {
      #expect(text.contains(expected), "missing \(expected)")
    }
    let braille = text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
    #expect(braille.count > 50)
    let drawing = text.components(separatedBy: "\n").filter { line in
      line.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) } || line.contains("3")
    }
    for number in 1...8 {
      #expect(drawing.contains { $0.contains(String(number)) }, "no start number \(number)")
    }
  }

  @Test func printsOneJSONObject() throws {
    let result = try run(["info", "主", "--json"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    for key in [
      "kanji", "meanings", "onyomi", "kunyomi", "grade", "jlpt", "frequency", "strokeCount",
      "strokes", "components", "variants",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    #expect(object["kanji"] as? String == "主")
    #expect(object["strokeCount"] as? Int == 5)
    #expect(object["grade"] as? Int == 3)
    let strokes = try #require(object["strokes"] as? [[[Double]]])
    #expect(
      strokes.count == 5 && strokes.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0.count == 2 } })
    let variants = try #require(object["variants"] as? [[String: Any]])
    #expect(variants.contains { $0["name"] as? String == "VtLst" })
  }

  @Test func nullFieldsForACharacterWithoutGrade() throws {
    let result = try run(["info", "--json", "唖"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["grade"] is NSNull)
    #expect((object["meanings"] as? [String])?.contains("mute") == true)
  }

  @Test(arguments: [
    (["info", "𠀋"], "is not in the reference database"),
    (["info", "あ"], "is not in the reference database"),
    (["info", "学校"], "give one kanji"),
    (["info", "主", "--variant", "Nope"], "has no variant Nope; it has"),
    (
      ["info", "学", "--data", "/nonexistent/kanji.sqlite"],
      "no reference database at /nonexistent/kanji.sqlite"
    ),
  ])
  func rejectsWhatItCannotShow(arguments: [String], message: String) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func environmentVariableNamesTheDatabase() throws {
    let missing = try run(
      ["info", "学"], environment: ["KANJI_WRITE_DATA": "/nonexistent/k.sqlite"])
    #expect(missing.status == 2 && missing.stderr.contains("$KANJI_WRITE_DATA"))
    let found = try run(
      ["info", "学"], environment: ["KANJI_WRITE_DATA": Repository.referenceDatabase])
    #expect(found.status == 0)
  }

  @Test func importReportsAMissingInputWithStatus2() throws {
    let folder = try TemporaryFolder()
    let out = folder.file("k.sqlite")
    let result = try run([
      "import", "--kanjivg", folder.path, "--kanjidic", folder.file("none.xml"), "--out", out,
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains(folder.path))
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

import Foundation
import Testing

@testable import KanjiData

@Suite struct ImporterTests {
  @Test func importsAFolderByTheStatedRule() throws {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let kanjidic = try fixtures.standardSet()
    let report = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    #expect(report.files == 4 && report.mainFiles == 3 && report.variantFiles == 1)
    #expect(report.keptCharacters == 2 && report.keptVariants == 1)
    #expect(report.skipped == ["kana (not kanji)": 1])
    #expect(report.kanjidicWithoutStrokes == 1)
    #expect(report.problems.isEmpty)

    let db = try ReferenceDatabase(path: fixtures.database)
    let one = try #require(try db.kanji("一"))
    #expect(one.meanings == ["one"] && one.onyomi == ["イチ"] && one.kunyomi == ["ひと-"])
    #expect(one.otherMeanings == ["fr": ["un & seul"]] && one.nanori == ["かず"])
    #expect(one.grade == 1 && one.jlpt == 4 && one.frequency == 2 && one.strokeCount == 1)
    #expect(one.radical == 1)
    #expect(one.variants.map(\.name) == ["Kaisho"])
    #expect(one.strokes.strokes[0].points.first == Point(x: 11, y: 54.25))
    #expect(one.strokes.strokes[0].points.last == Point(x: 93.5, y: 51.75))
    #expect(
      one.strokes.components == [
        Component(
          element: "一", position: "top", radical: "general", part: nil, depth: 0, strokes: [0])
      ])
    #expect(try db.kanji("あ") == nil)
    #expect(try db.kanji("三") == nil)
    #expect(try db.characters(matching: .grade(1)) == ["一", "二"])
  }

  @Test func aMalformedSVGIsNamedAndSkippedUnlessStrict() throws {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let kanjidic = try fixtures.standardSet()
    let broken = try fixtures.svg("三", strokes: [("㇐", "M10,10c1,2,3")])
    try fixtures.write(
      "<svg><g id=\"kvg:StrokePaths_04e09\"><path d=\"M1,1\"/>", to: "kanji/04e5d.svg")
    var logged: [String] = []
    let report = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database),
      log: { logged.append($0) }
    ).run()
    #expect(report.keptCharacters == 2)
    #expect(report.problems.count == 2)
    #expect(report.problems.contains { $0.contains(broken) && $0.contains("bad path data") })
    #expect(report.problems.contains { $0.contains("04e5d.svg") && $0.contains("truncated") })
    #expect(logged == report.problems)

    let before = try Data(contentsOf: URL(fileURLWithPath: fixtures.database))
    #expect {
      try Importer(
        options: .init(
          kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database, strict: true)
      ).run()
    } throws: { error in
      "\(error)".contains("kanji/04e09.svg") || "\(error)".contains("kanji/04e5d.svg")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixtures.database)) == before)
    #expect(try leftovers(in: fixtures.folder).isEmpty)
  }

  @Test(arguments: [false, true])
  func aTruncatedKanjidicFailsAndKeepsThePreviousDatabase(gzipped: Bool) throws {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let kanjidic = try fixtures.standardSet()
    _ = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    let before = try Data(contentsOf: URL(fileURLWithPath: fixtures.database))

    let full = try Data(contentsOf: URL(fileURLWithPath: kanjidic))
    var truncated: String
    if gzipped {
      truncated = fixtures.folder.appendingPathComponent("cut.xml.gz").path
      let gz = try gzip(full)
      try gz.prefix(gz.count * 2 / 3).write(to: URL(fileURLWithPath: truncated))
    } else {
      truncated = try fixtures.write(
        String(decoding: full.prefix(full.count * 2 / 3), as: UTF8.self), to: "cut.xml")
    }
    #expect {
      try Importer(
        options: .init(kanjivg: fixtures.kanjivg, kanjidic: truncated, output: fixtures.database)
      ).run()
    } throws: { error in
      "\(error)".hasPrefix(truncated) && "\(error)".contains("truncated")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixtures.database)) == before)
    #expect(try ReferenceDatabase(path: fixtures.database).kanji("一") != nil)
    #expect(try leftovers(in: fixtures.folder).isEmpty)
  }

  @Test func gzippedKanjidicAndAWheelAreRead() throws {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let kanjidic = try fixtures.standardSet()
    let gz = fixtures.folder.appendingPathComponent("kanjidic2.xml.gz")
    try gzip(try Data(contentsOf: URL(fileURLWithPath: kanjidic))).write(to: gz)
    let wheel = fixtures.folder.appendingPathComponent("kanjivg.whl").path
    try zip(folder: fixtures.folder, entries: "kanji", into: wheel)
    let report = try Importer(
      options: .init(kanjivg: wheel, kanjidic: gz.path, output: fixtures.database)
    ).run()
    #expect(report.keptCharacters == 2 && report.keptVariants == 1)
    let metadata = try ReferenceDatabase(path: fixtures.database).metadata()
    let wheelBytes = try Data(contentsOf: URL(fileURLWithPath: wheel))
    #expect(metadata["kanjivg_sha256"] == SHA256.hex([UInt8](wheelBytes)))
    #expect(metadata["kanjidic_database_version"] == "2022-235")
  }

  @Test func missingInputsAreNamed() throws {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let kanjidic = try fixtures.standardSet()
    let missing = fixtures.folder.appendingPathComponent("nothing.whl").path
    #expect {
      try Importer(options: .init(kanjivg: missing, kanjidic: kanjidic, output: fixtures.database))
        .run()
    } throws: { "\($0)".contains(missing) }
    let notXML = try fixtures.write("{\"json\": true}", to: "k.xml")
    #expect {
      try Importer(
        options: .init(kanjivg: fixtures.kanjivg, kanjidic: notXML, output: fixtures.database)
      )
      .run()
    } throws: { "\($0)".hasPrefix(notXML) }
  }

  @Test func sha256MatchesKnownDigests() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array(String(repeating: "a", count: 1000).utf8))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test func strokeBlobsRoundTrip() throws {
    let set = StrokeSet(
      strokes: [
        ReferenceStroke(points: [Point(x: 1.5, y: 108.25), Point(x: -0.125, y: 3)], type: "㇐"),
        ReferenceStroke(points: [Point(x: 50, y: 50), Point(x: 50, y: 50)], type: ""),
      ],
      components: [
        Component(
          element: "氵", original: "水", position: "left", radical: nil, part: 2, depth: 1,
          strokes: [0, 1]),
        Component(element: nil, position: nil, radical: nil, part: nil, depth: 0, strokes: []),
      ])
    let blob = try StrokeCodec.encode(set)
    #expect(try blob.withUnsafeBytes { try StrokeCodec.decode($0) } == set)
    #expect(throws: StrokeCodec.Failure.self) {
      try Array(blob.dropLast()).withUnsafeBytes { try StrokeCodec.decode($0) }
    }
  }

  func leftovers(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
  }

  func gzip(_ data: Data) throws -> Data {
    try run("/bin/gzip", ["-c"], input: data)
  }

  func zip(folder: URL, entries: String, into path: String) throws {
    let script = """
      import sys, zipfile, os
      with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
          for name in sorted(os.listdir(sys.argv[2])):
              z.write(os.path.join(sys.argv[2], name), 'kanji/' + name)
      """
    _ = try run(
      "/usr/bin/env",
      ["python3", "-c", script, path, folder.appendingPathComponent(entries).path], input: Data())
  }

  func run(_ executable: String, _ arguments: [String], input: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return output
  }
}

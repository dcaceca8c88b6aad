import Foundation
import TestSupport
import Testing

@testable import KanjiData

@Suite struct ImporterTests {
  @Test func importsAFolderByTheStatedRule() throws {
    let fixtures = try Fixtures()
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

  /// 叱 and 𠮟 are one kanji by hand (the Jōyō table accepts 叱 for 𠮟): each is given the
  /// other's strokes as a variant, which a lone form (二) is not.
  @Test func eachHandwrittenFormGetsTheOthersStrokes() throws {
    let fixtures = try Fixtures()
    let kanjidic = try fixtures.standardSet()
    let scold = "M20,30c10,0,20,0,30,0"
    let scoldPrinted = "M20,40c10,0,20,0,30,2"
    try fixtures.svg("叱", strokes: [("㇐", scold)])
    try fixtures.svg("𠮟", strokes: [("㇐", scoldPrinted)])
    let report = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    #expect(report.handwrittenForms == 2 && report.keptVariants == 1)
    #expect(report.lines.contains { $0.contains("gave 2 kanji the strokes of their other") })
    let db = try ReferenceDatabase(path: fixtures.database)
    let accepted = try #require(try db.kanji("叱"))
    let printed = try #require(try db.kanji("𠮟"))
    #expect(accepted.variants.map(\.name) == [HandwrittenForms.variantName])
    #expect(accepted.variants.first?.strokes == printed.strokes)
    #expect(printed.variants.first?.strokes == accepted.strokes)
    #expect(try db.kanji("二")?.variants.isEmpty == true)
  }

  @Test func aMalformedSVGIsNamedAndSkippedUnlessStrict() throws {
    let fixtures = try Fixtures()
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

  /// The standard set and `count` more kanji (丁, 丂, ...), zipped into a wheel.
  func wheel(_ fixtures: Fixtures, extra count: Int) throws -> (kanjidic: String, wheel: String) {
    let kanjidic = try fixtures.standardSet()
    for offset in stride(from: 1, through: count, by: 1) {
      try fixtures.svg(
        Character(Unicode.Scalar(0x4E00 + offset)!),
        strokes: [("㇐", "M12,54C30,53,60,51,93,52")])
    }
    let wheel = fixtures.folder.appendingPathComponent("kanjivg.whl").path
    try zip(folder: fixtures.folder, entries: "kanji", into: wheel)
    return (kanjidic, wheel)
  }

  /// Rewrites a 32-bit field of the central directory record (`offset` from its start: 16 the
  /// CRC-32, 24 the uncompressed size) of the first `count` entries `select` picks; their names.
  @discardableResult
  func patchZip(
    _ path: String, field offset: Int, count: Int = .max,
    where select: (String) -> Bool = { _ in true }, to value: (UInt32) -> UInt32
  ) throws -> [String] {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    let end = try #require(
      (0...(bytes.count - 22)).reversed().first { u32($0) == 0x0605_4b50 })
    var record = Int(u32(end + 16))
    var names: [String] = []
    for _ in 0..<u16(end + 10) where names.count < count {
      let nameLength = u16(record + 28)
      let name = String(decoding: bytes[record + 46..<record + 46 + nameLength], as: UTF8.self)
      if select(name) {
        names.append(name)
        let changed = value(u32(record + offset))
        for byte in 0..<4 {
          bytes[record + offset + byte] = UInt8(truncatingIfNeeded: changed >> (8 * byte))
        }
      }
      record += 46 + nameLength + u16(record + 30) + u16(record + 32)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return names
  }

  /// A zip entry that declares 4 GB (it once made the importer allocate that much and crash) is
  /// a bad file, named, without inflating anything.
  @Test func aZipEntryDeclaringGigabytesIsABadFile() throws {
    let fixtures = try Fixtures()
    let (kanjidic, wheel) = try self.wheel(fixtures, extra: 0)
    let names = try patchZip(wheel, field: 24, count: 1) { _ in 0xFFFF_FFFF }
    let report = try Importer(
      options: .init(kanjivg: wheel, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    #expect(
      report.problems == [
        "kanjivg.whl:\(names[0]): declares 4294967295 bytes uncompressed, more than the 16 MB "
          + "accepted"
      ])
  }

  /// An entry that declares a small size but inflates past the cap is stopped at the cap.
  @Test func aZipEntryInflatingPastTheCapIsStoppedThere() throws {
    let fixtures = try Fixtures()
    let kanjidic = try fixtures.standardSet()
    try fixtures.write(String(repeating: " ", count: 20 << 20), to: "kanji/04e01.svg")
    let wheel = fixtures.folder.appendingPathComponent("kanjivg.whl").path
    try zip(folder: fixtures.folder, entries: "kanji", into: wheel)
    let names = try patchZip(
      wheel, field: 24, where: { $0 == "kanji/04e01.svg" }, to: { _ in 1000 })
    #expect(names.count == 1)
    let report = try Importer(
      options: .init(kanjivg: wheel, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    #expect(
      report.problems.contains(
        "kanjivg.whl:kanji/04e01.svg: decompresses to more than 16 MB, the most accepted"),
      "\(report.problems)")
  }

  /// Past ten bad files the wheel is damaged: the import is refused and the old database kept,
  /// not replaced by one short of those kanji.
  @Test func moreThanTenBadFilesKeepThePreviousDatabase() throws {
    let fixtures = try Fixtures()
    let (kanjidic, wheel) = try self.wheel(fixtures, extra: 20)
    _ = try Importer(options: .init(kanjivg: wheel, kanjidic: kanjidic, output: fixtures.database))
      .run()
    let before = try Data(contentsOf: URL(fileURLWithPath: fixtures.database))

    let names = try patchZip(wheel, field: 16, count: 11) { $0 ^ 1 }
    var logged: [String] = []
    #expect {
      try Importer(
        options: .init(kanjivg: wheel, kanjidic: kanjidic, output: fixtures.database),
        log: { logged.append($0) }
      ).run()
    } throws: { error in
      "\(error)".hasPrefix(
        "11 of the 24 KanjiVG files in \(wheel) are bad, more than the 10 an import skips; "
          + "\(fixtures.database) is left as it was. The first: kanjivg.whl:\(names[0]): "
          + "CRC-32 mismatch (damaged archive); kanjivg.whl:\(names[1]): ")
    }
    #expect(logged.count == 11)
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixtures.database)) == before)
    #expect(try leftovers(in: fixtures.folder).isEmpty)

    // With the first entry mended, ten are bad: skipped, as before.
    try patchZip(wheel, field: 16, count: 1) { $0 ^ 1 }
    let report = try Importer(
      options: .init(kanjivg: wheel, kanjidic: kanjidic, output: fixtures.database)
    ).run()
    #expect(report.problems.count == 10)
    // 22 kanji, less the 9 whose main file is bad (the tenth bad file is 一's variant).
    #expect(report.keptCharacters == 13)
  }

  /// A killed import leaves `<database>.tmp-<PID>`; the next import removes those whose process is
  /// gone, and only those.
  @Test func staleTemporaryFilesOfDeadImportsAreRemoved() throws {
    let fixtures = try Fixtures()
    let kanjidic = try fixtures.standardSet()
    // No process has the largest PID (the kernel's limit is at most 2^22).
    let dead = "kanji.sqlite.tmp-\(Int32.max)"
    let kept = [
      "kanji.sqlite.tmp-\(getppid())", "kanji.sqlite.tmp-12ab", "other.sqlite.tmp-\(Int32.max)",
    ]
    for name in [dead] + kept { try fixtures.write("half a database", to: name) }
    var logged: [String] = []
    _ = try Importer(
      options: .init(kanjivg: fixtures.kanjivg, kanjidic: kanjidic, output: fixtures.database),
      log: { logged.append($0) }
    ).run()
    #expect(try leftovers(in: fixtures.folder).sorted() == kept.sorted())
    let removed = fixtures.folder.appendingPathComponent(dead).path
    #expect(
      logged == [
        "removed \(removed), left by an import that did not finish (process \(Int32.max) is gone)"
      ])
  }

  @Test func missingInputsAreNamed() throws {
    let fixtures = try Fixtures()
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
    try ChildProcess.run([executable] + arguments, input: .bytes(Array(input))).standardOutput
  }
}

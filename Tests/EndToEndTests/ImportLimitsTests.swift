import Foundation
import TestSupport
import Testing

/// `kanji-write import` on damaged or hostile sources: refused with exit status 2 and a message
/// naming the file and the limit, the previous database left byte for byte, in bounded memory.
@Suite struct ImportLimitsTests {
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }
  var out: String { folder.appendingPathComponent("k.sqlite").path }
  let previous = Data("the previous database".utf8)

  init() throws {
    temporary = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("kanji"), withIntermediateDirectories: true)
    try previous.write(to: URL(fileURLWithPath: out))
  }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// The database untouched, and no temporary file beside it.
  func expectPreviousDatabaseKept() throws {
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == previous)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
  }

  /// 270 MB of zeros gzipped to 1 MB: decompression stops at the 256 MB cap (it once went on to
  /// whatever the file held: 7.9 GB for a 5 MB file).
  @Test func aKanjidicThatInflatesPastTheCapIsStoppedThere() throws {
    try write("<svg/>", to: "kanji/04e00.svg")
    let bomb = folder.appendingPathComponent("kanjidic2.xml.gz").path
    let made = try spawn(["/bin/sh", "-c", "head -c 283115520 /dev/zero | gzip -1 > '\(bomb)'"])
    try #require(made.status == 0, "\(made.output)")
    let (output, peak) = try BuiltBinary.runMeasuringMemory(
      ["import", "--kanjivg", folder.path, "--kanjidic", bomb, "--out", out], feed: { _ in })
    #expect(output.status == 2)
    #expect(
      output.stderr
        == "kanji-write import: \(bomb): decompresses to more than 256 MB, the most accepted\n")
    #expect(output.stdout.isEmpty)
    try expectPreviousDatabaseKept()
    #expect(peak < 320, "peak \(peak) MB")
  }

  /// Eleven unreadable KanjiVG files are a damaged source, not a few odd files to skip.
  @Test func moreThanTenBadFilesFailTheImport() throws {
    for offset in 0..<11 {
      try write("not an SVG", to: String(format: "kanji/%05x.svg", 0x4E00 + offset))
    }
    let kanjidic = try write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <kanjidic2><header><database_version>1</database_version></header>
      <character><literal>一</literal></character></kanjidic2>
      """, to: "kanjidic2.xml")
    let (output, _) = try BuiltBinary.runMeasuringMemory(
      ["import", "--kanjivg", folder.path, "--kanjidic", kanjidic, "--out", out], feed: { _ in })
    #expect(output.status == 2)
    let lines = output.stderr.split(separator: "\n")
    #expect(lines.count == 12, "\(output.stderr)")
    let first = folder.appendingPathComponent("kanji/04e00.svg").path
    #expect(
      lines.last?.hasPrefix(
        "kanji-write import: 11 of the 11 KanjiVG files in \(folder.path) are bad, more than the "
          + "10 an import skips; \(out) is left as it was. The first: \(first): ") == true,
      "\(output.stderr)")
    #expect(output.stdout.isEmpty)
    try expectPreviousDatabaseKept()
  }
}

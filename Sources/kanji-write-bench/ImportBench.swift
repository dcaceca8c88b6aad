import Foundation
import KanjiData

/// `import`: the whole KanjiVG + KANJIDIC2 + JMdict import, the database size and the per-kanji
/// stroke load time, against the goals set for them (20 s with the words, 60 MB, 50 µs).
enum ImportBench {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func run() throws {
    let cache = root.appendingPathComponent("Data/cache")
    let wheel = cache.appendingPathComponent("kanjivg-20260714-py3-none-any.whl").path
    let kanjidic = cache.appendingPathComponent(
      "kanjidic-xml/usr/share/edict/kanjidic2.xml.gz"
    ).path
    let jmdict = cache.appendingPathComponent("jamdict/jamdict.db").path
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kanji-write-bench-\(getpid()).sqlite"
    ).path
    defer { try? FileManager.default.removeItem(atPath: output) }

    var times: [Double] = []
    var report: Importer.Report?
    for _ in 0..<3 {
      let start = Date()
      report = try Importer(
        options: .init(kanjivg: wheel, kanjidic: kanjidic, output: output, jmdict: jmdict)
      ).run()
      times.append(Date().timeIntervalSince(start))
    }
    let r = report!
    print(
      String(
        format:
          "whole import with words: %.2f s median of 3 (best %.2f s; goal < 20 s): %d files, %d kanji, %d variants, %d words",
        times.sorted()[1], times.min()!, r.files, r.keptCharacters, r.keptVariants, r.words))
    print(String(format: "database size: %.1f MB (goal < 60 MB)", Double(r.databaseBytes) / 1e6))

    let db = try ReferenceDatabase(path: output)
    let joyo = try db.characters(matching: .joyo)
    var samples: [Double] = []
    samples.reserveCapacity(joyo.count * 10)
    for _ in 0..<10 {
      for character in joyo {
        let start = DispatchTime.now().uptimeNanoseconds
        guard try db.strokes(character) != nil else { throw BenchFailure(character) }
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
      }
    }
    samples.sort()
    print(
      String(
        format:
          "stroke load per kanji: mean %.1f µs, median %.1f µs, p99 %.1f µs, max %.0f µs (goal < 50 µs; %d loads of the Jōyō kanji)",
        samples.reduce(0, +) / Double(samples.count), samples[samples.count / 2],
        samples[samples.count * 99 / 100], samples.last!, samples.count))

    let start = Date()
    var full = 0
    for character in joyo where try db.kanji(character) != nil { full += 1 }
    print(
      String(
        format: "full entry (strokes, variants, dictionary): mean %.1f µs over %d kanji",
        Date().timeIntervalSince(start) / Double(full) * 1e6, full))
    let allStart = Date()
    let all = try db.allKanji()
    print(
      String(
        format: "allKanji(): %d kanji with variants in %.0f ms", all.count,
        Date().timeIntervalSince(allStart) * 1000))
  }

  struct BenchFailure: Error, CustomStringConvertible {
    let character: String
    init(_ character: String) { self.character = character }
    var description: String { "\(character) has no strokes in the database" }
  }
}

import ArgumentParser
import Foundation
import KanjiData

/// `kanji-write import`: builds the reference database from KanjiVG and KANJIDIC2.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Build the reference database from KanjiVG, KANJIDIC2 and JMdict (make data runs this).",
    discussion: """
      Keeps every CJK ideograph KanjiVG draws (with its KANJIDIC2 entry when there is one) and \
      its variant files as accepted alternatives; skips kana, radical forms and symbols. \
      With --jmdict, adds JMdict's common words (priority news1, ichi1, spec1, spec2, gai1 or \
      nf01-nf24) written only with kana, 々 and kanji of the database; malformed rows are \
      named and skipped. JMdict is the property of the EDRDG, used under CC BY-SA 4.0. \
      A bad file is reported and skipped unless --strict; more than 10 bad files fail the \
      import. The database is written to a temporary file and renamed into place, so a failed \
      import leaves the old one intact.
      """)

  @Option(name: .long, help: "The KanjiVG wheel (kanjivg-*.whl) or a folder of its SVG files.")
  var kanjivg: String

  @Option(name: .long, help: "KANJIDIC2 (kanjidic2.xml or kanjidic2.xml.gz).")
  var kanjidic: String

  @Option(
    name: .long,
    help: "JMdict as jamdict's SQLite database (jamdict.db, unpacked from jamdict-data's .xz).")
  var jmdict: String?

  @Option(name: .long, help: "The database to write.")
  var out: String

  @Flag(name: .long, help: "Stop at the first bad file.")
  var strict = false

  func run() throws {
    let importer = Importer(
      options: .init(
        kanjivg: kanjivg, kanjidic: kanjidic, output: out, jmdict: jmdict, strict: strict),
      log: { StandardStreams.error("kanji-write import: \($0)\n") })
    do {
      let report = try importer.run()
      for line in report.lines { print(line) }
      print("Database: \(out)")
    } catch {
      // The import speaks in its own name, like its log lines; the status is main's usual 2.
      StandardStreams.error("kanji-write import: \(error)\n")
      throw ExitCode(2)
    }
  }
}

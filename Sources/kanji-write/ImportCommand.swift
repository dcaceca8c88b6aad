import ArgumentParser
import Foundation
import KanjiData

/// `kanji-write import`: builds the reference database from KanjiVG and KANJIDIC2.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Build the reference database from KanjiVG and KANJIDIC2 (make data runs this).",
    discussion: """
      Keeps every CJK ideograph KanjiVG draws (with its KANJIDIC2 entry when there is one) and \
      its variant files as accepted alternatives; skips kana, radical forms and symbols. \
      A bad file is reported and skipped unless --strict; more than 10 bad files fail the \
      import. The database is written to a temporary file and renamed into place, so a failed \
      import leaves the old one intact.
      """)

  @Option(name: .long, help: "The KanjiVG wheel (kanjivg-*.whl) or a folder of its SVG files.")
  var kanjivg: String

  @Option(name: .long, help: "KANJIDIC2 (kanjidic2.xml or kanjidic2.xml.gz).")
  var kanjidic: String

  @Option(name: .long, help: "The database to write.")
  var out: String

  @Flag(name: .long, help: "Stop at the first bad file.")
  var strict = false

  func run() throws {
    let importer = Importer(
      options: .init(kanjivg: kanjivg, kanjidic: kanjidic, output: out, strict: strict),
      log: { Standard.error("kanji-write import: \($0)") })
    do {
      let report = try importer.run()
      for line in report.lines { print(line) }
      print("Database: \(out)")
    } catch {
      Standard.error("kanji-write import: \(error)")
      throw ExitCode(2)
    }
  }
}

/// Writing to standard error.
enum Standard {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

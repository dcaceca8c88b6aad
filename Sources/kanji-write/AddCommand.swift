import ArgumentParser
import Foundation
import KanjiData
import Progress
import ProgressRecords

struct AddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add kanji to your deck, skipping those already there and reporting unknown ones.",
    discussion: """
      Selectors: jlpt:N5 ... jlpt:N1, grade:1 ... grade:10, joyo, freq:500, file:PATH (every kanji \
      in a UTF-8 text file, lines starting with # skipped), or the kanji themselves (学校先生).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "What to add (several allowed).")
  var selectors: [String] = []

  @Flag(help: "Print {added, skipped, unknown} as JSON.")
  var json = false

  struct Report: Encodable {
    var added: [String]
    var skipped: [String]
    var unknown: [String]
  }

  func run() throws {
    guard !selectors.isEmpty else {
      throw CLIError("name what to add: jlpt:N5, grade:1, joyo, freq:500, file:PATH or kanji")
    }
    let parsed = try selectors.map { text in
      do { return try KanjiSelector(parsing: text) } catch { throw CLIError("\(error)") }
    }
    let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: global.data))
    var wanted: [String] = []
    var unknown: [String] = []
    for selector in parsed {
      let candidates: [String]
      switch selector {
      case .literal(let characters): candidates = characters
      case .file(let path): candidates = try Self.kanji(inFile: path)
      default:
        wanted += try reference.characters(matching: selector)
        continue
      }
      // Checked one by one, so the known kanji of a list are added and the rest reported.
      for character in candidates {
        if try reference.strokes(character) == nil {
          unknown.append(character)
        } else {
          wanted.append(character)
        }
      }
    }
    var seen = Set<String>()
    wanted = wanted.filter { seen.insert($0).inserted }
    var unknownSeen = Set<String>()
    unknown = unknown.filter { unknownSeen.insert($0).inserted }
    let store = try CLI.openStore(global)
    let result = try store.addCards(wanted, at: Date())
    let report = Report(added: result.added, skipped: result.skipped, unknown: unknown)
    if json {
      print(try CLI.json(report))
    } else {
      print("Added \(report.added.count) kanji\(Self.list(report.added))")
      if !report.skipped.isEmpty {
        print("Already in your deck: \(report.skipped.count)\(Self.list(report.skipped))")
      }
      if !report.unknown.isEmpty {
        print("Not in the reference data: \(report.unknown.joined(separator: " "))")
      }
    }
    if wanted.isEmpty && !unknown.isEmpty {
      throw ExitCode(2)
    }
  }

  static func list(_ kanji: [String]) -> String {
    guard !kanji.isEmpty else { return "" }
    let shown = kanji.prefix(40).joined()
    return ": " + shown + (kanji.count > 40 ? " ..." : "")
  }

  /// The kanji of a UTF-8 text file in order of first appearance, skipping `#` lines.
  static func kanji(inFile path: String) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else { throw CLIError("\(path): cannot be read as UTF-8 text") }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
      line.unicodeScalars.filter {
        $0.properties.isIdeographic || "々〆〇".unicodeScalars.contains($0)
      }
      .map { String(Character($0)) }
    }
  }
}

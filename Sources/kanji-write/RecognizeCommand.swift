import ArgumentParser
import DrawingJSON
import Foundation
import KanjiData
import StrokeMatch

/// `kanji-write recognize`: which kanji a drawing looks like, best first.
struct RecognizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recognize",
    abstract: "Rank the kanji of the reference database by how well a drawing matches them.",
    discussion: """
      Prints {"candidates": [{"kanji": "学", "score": 0.9}, ...]}, best first. With --jsonl, each \
      input line is {"drawing": {...}} and each output line its candidates, or {"error": "..."}.
      """)

  @OptionGroup var data: DataOption

  @Option(name: .long, help: "How many candidates to print.")
  var top = 10

  @Flag(name: .long, help: "Read one {\"drawing\"} object a line; print one result a line.")
  var jsonl = false

  @Argument(help: "The drawing's file (default: standard input).")
  var file: String?

  struct Candidates: Encodable {
    struct Candidate: Encodable {
      var kanji: String
      var score: Double
    }
    var candidates: [Candidate]
  }

  func validate() throws {
    guard (1...1000).contains(top) else {
      throw ValidationError("--top must be between 1 and 1000")
    }
  }

  func run() throws {
    let database = try StrokeMatchCLI.open(data)
    let recognizer = Recognizer(candidates: try database.allStrokes())
    func recognize(_ drawing: Drawing) throws -> String {
      let ranked = recognizer.recognize(try drawing.validated(), top: top)
      return try CLI.json(
        Candidates(candidates: ranked.map { .init(kanji: $0.kanji, score: $0.score) }))
    }
    if jsonl {
      try StrokeMatchCLI.eachLine(of: file) { line in
        let item = try DrawingParser.parse(line)
        guard case .object = item else { throw DrawingError("the line is not a JSON object") }
        guard let drawing = item["drawing"] else {
          throw DrawingError("the line has no \"drawing\"")
        }
        return try recognize(DrawingParser.drawing(drawing))
      }
    } else {
      let input = try StrokeMatchCLI.readDrawing(file)
      do {
        print(try recognize(DrawingParser.drawing(DrawingParser.parse(input))))
      } catch {
        throw CLIError(StrokeMatchCLI.describe(error))
      }
    }
  }
}

/// Plumbing shared by `grade` and `recognize`: input, and errors in a batch's output lines.
enum StrokeMatchCLI {
  static func open(_ data: DataOption) throws -> ReferenceDatabase {
    try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
  }

  /// The `{"error": ...}` line that stands in a batch's output for input line `line`.
  static func errorLine(_ error: any Error, line: Int) -> String {
    errorLine("line \(line): \(describe(error))")
  }

  static func errorLine(_ message: String) -> String {
    (try? CLI.json(["error": message])) ?? "{\"error\": \"unreadable input\"}"
  }

  /// A one-line description of a decoding or validation error for the learner.
  static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context):
      let underlying = (context.underlyingError as? NSError)?.userInfo["NSDebugDescription"]
      return "malformed JSON: \(underlying.map { "\($0)" } ?? context.debugDescription)"
    case DecodingError.keyNotFound(let key, let context):
      return "malformed drawing: \"\(key.stringValue)\" is missing\(path(context))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "malformed drawing: \(context.debugDescription)\(path(context))"
    default:
      return "\(error)"
    }
  }

  private static func path(_ context: DecodingError.Context) -> String {
    let keys = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
    return keys.isEmpty ? "" : " (at \(keys.joined(separator: ".")))"
  }
}

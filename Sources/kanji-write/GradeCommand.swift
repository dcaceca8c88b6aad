import ArgumentParser
import DrawingJSON
import Foundation
import KanjiData
import Practice
import StrokeMatch

extension Leniency: ExpressibleByArgument {}
extension Strictness: ExpressibleByArgument {}

/// `kanji-write grade`: judges a drawing (the terminal's JSON) against a kanji.
struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade a drawing against a kanji and print the verdict as JSON.",
    discussion: """
      The drawing is the JSON the terminal records: \
      {"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": [[[13, 5], ...], ...]}. \
      With --jsonl, each input line is {"kanji": "学", "drawing": {...}} and each output line \
      its grade, or {"error": "..."} for a line that cannot be graded.
      """)

  @OptionGroup var data: DataOption

  @Option(name: .long, help: "The kanji the drawing should be (required without --jsonl).")
  var kanji: String?

  @Option(
    name: .long,
    help: """
      How strictly to grade: lenient (more room for shape and place; order and direction \
      still count), standard, or strict (a loose hand's slips are errors).
      """)
  var strictness: Strictness = .standard

  /// The option's former name and values (strict, normal, lenient), still understood.
  @Option(name: .long, help: .hidden)
  var leniency: Leniency?

  @Flag(
    name: .long, help: "Read one {\"kanji\", \"drawing\"} object a line; print one result a line.")
  var jsonl = false

  @Argument(help: "The drawing's file (default: standard input).")
  var file: String?

  /// A finished batch's session, never freed (see `run`).
  nonisolated(unsafe) private static var finished: BatchGrader?

  func run() throws {
    let session = try StrokeMatchCLI.open(data)
    let grading = BatchGrader(
      database: session, strictness: leniency.map(Strictness.init) ?? strictness)
    if jsonl {
      try StrokeMatchCLI.eachBlock(of: file, size: BatchGrader.blockSize) { lines in
        grading.gradeLines(lines, kanji: kanji)
      }
      // Freeing a batch's graders and recognisers one by one takes longer than grading a
      // hundred drawings: they are kept to the end of the process, for the system to drop.
      Self.finished = grading
    } else {
      guard let kanji else {
        throw CLIError("grade needs --kanji (or --jsonl with a kanji on each line)")
      }
      let input = try StrokeMatchCLI.readDrawing(file)
      do {
        let drawing = try DrawingParser.drawing(DrawingParser.parse(input))
        print(try grading.grade(drawing, as: kanji).jsonLine)
      } catch {
        throw CLIError(StrokeMatchCLI.describe(error))
      }
    }
  }
}

/// The graders and the namer of another kanji drawn for a run of drawings, reading the reference
/// database through connections shared among the cores.
final class BatchGrader {
  let strictness: Strictness
  let graders: GraderCache
  let namer: CharacterNamer

  init(database: ReferenceDatabase, strictness: Strictness) {
    self.strictness = strictness
    let connections = ConnectionPool(database)
    graders = GraderCache(connections: connections, strictness: strictness)
    let catalog = CatalogLoader(connections: connections)
    namer = CharacterNamer(sharesConnection: false) { try catalog.kanji(strokeCount: $0) }
  }

  func grade(_ drawing: Drawing, as character: String) throws -> Grade {
    let valid = try drawing.validated()
    var grade = try graders.grader(for: character).grade(valid)
    namer.review(&grade, drawing: valid)
    return grade
  }
}

/// The namer's candidates from the reference database's stroke catalog, read in one pass on the
/// first need (a batch names drawings of most stroke counts) and decoded a stroke count at a
/// time, on whichever thread asks.
final class CatalogLoader: @unchecked Sendable {
  private let connections: ConnectionPool
  private let lock = NSLock()
  private var catalog: Result<StrokeCatalog, any Error>?

  init(connections: ConnectionPool) {
    self.connections = connections
  }

  func kanji(strokeCount: Int) throws -> [Kanji] {
    let catalog = lock.withLock {
      let loaded = self.catalog ?? Result { try connections.use { try $0.strokeCatalog() } }
      self.catalog = loaded
      return loaded
    }
    return try catalog.get().kanji(strokeCount: strokeCount)
  }
}

import Foundation
import KanjiData
import SimulatedWriting
import StrokeMatch
import TestSupport
import Testing

/// The reference database `make data` builds, loaded once for all tests.
enum Reference {
  static let all: [Kanji] = {
    let path = Repository.referenceDatabase
    guard FileManager.default.fileExists(atPath: path),
      let database = try? ReferenceDatabase(path: path),
      let all = try? database.allKanji()
    else { return [] }
    return all
  }()

  static let byCharacter: [String: Kanji] = Dictionary(all.map { ($0.character, $0) }) { a, _ in a }

  /// Fails the test with a clear message when the database has not been built.
  static func kanji(_ character: String) throws -> Kanji {
    guard !all.isEmpty else { throw Repository.missing(Repository.referenceDatabase) }
    guard let kanji = byCharacter[character] else {
      Issue.record("\(character) is not in the reference database")
      throw CancellationError()
    }
    return kanji
  }

  /// `count` Jōyō kanji spread evenly over the list (a fixed sample, so tests are repeatable).
  static func joyoSample(_ count: Int) throws -> [Kanji] {
    _ = try kanji("学")
    let joyo = all.filter(\.isJoyo).sorted { $0.character < $1.character }
    let step = max(1, joyo.count / count)
    return stride(from: 0, to: joyo.count, by: step).prefix(count).map { joyo[$0] }
  }

  static let shared = Repository.root.deletingLastPathComponent().appendingPathComponent(
    "shared/bench/dev-cases.jsonl")
}

/// Draws a kanji's strokes, in order, with the simulated writer.
func draw(
  _ kanji: Kanji, level: SimulatedWriter.Level = .neat,
  canvas: SimulatedWriter.CanvasSize = .init(columns: 48, rows: 24), seed: UInt64 = 1
) -> Drawing {
  var writer = SimulatedWriter(seed: seed)
  return writer.draw(kanji.strokes.strokes, level: level, canvas: canvas)
}

/// The whole judgement `kanji-write grade` makes: the grader, then the recogniser's review over
/// the kanji of the drawing's stroke count.
func graded(_ kanji: Kanji, _ drawing: Drawing) -> Grade {
  var grade = Grader(kanji: kanji).grade(drawing)
  if grade.needsReview {
    grade.review(drawing, using: Recognizers.shared.of(strokeCount: drawing.strokes.count))
  }
  return grade
}

/// A recogniser per stroke count, built on first need and shared by the tests running at once.
final class Recognizers: @unchecked Sendable {
  static let shared = Recognizers()
  private var built: [Int: Recognizer] = [:]
  private let lock = NSLock()

  func of(strokeCount: Int) -> Recognizer {
    lock.lock()
    defer { lock.unlock() }
    if let recognizer = built[strokeCount] { return recognizer }
    let recognizer = Recognizer(
      candidates: Reference.all.filter { $0.strokes.strokes.count == strokeCount })
    built[strokeCount] = recognizer
    return recognizer
  }
}

import Dispatch
import Foundation
import KanjiData
import StrokeMatch

extension GradingSession {
  /// Lines graded a block at a time: enough to keep every core busy, few enough that memory
  /// stays bounded and output starts early on a huge batch.
  static let blockSize = 2048

  /// The `--jsonl` output lines of a block of input lines, in order: parsing is pure, so it
  /// runs on every core; the reference lookups share the one database connection, so they run
  /// here, in order, and the graders they make are prepared on every core; grading and naming
  /// run on every core again (the namer reads the database under its own lock, while nothing
  /// else touches it).
  func gradeLines(_ lines: [ArraySlice<UInt8>], kanji: String?) -> [String] {
    let parsed = ParallelMap.map(lines) { line in
      Result { try Self.parseLine(line, kanji: kanji) }
    }
    prepareGraders(for: parsed.compactMap { try? $0.get().0 })
    let jobs = parsed.map { item in
      item.flatMap { character, drawing in Result { (try grader(for: character), drawing) } }
    }
    let namer = self.namer
    return ParallelMap.map(jobs) { job in
      switch job {
      case .success(let (grader, drawing)):
        var grade = grader.grade(drawing)
        namer.review(&grade, drawing: drawing)
        return grade.jsonLine
      case .failure(let error):
        return StrokeMatchCLI.errorLine(error)
      }
    }
  }

  /// Makes the graders of the kanji not met before, each looked up and prepared on one core
  /// (a batch rarely repeats a kanji, and both steps cost): every core reads the database
  /// through a connection of its own.
  private func prepareGraders(for characters: [String]) {
    var seen = Set<String>()
    let new = characters.filter { !hasGrader($0) && seen.insert($0).inserted }
    let leniency = self.leniency
    let connections = self.connections
    let graders = ParallelMap.map(new) { character in
      connections.use { database -> Grader? in
        // Only the variants a grader can accept: the rest would be decoded to be dropped.
        guard
          let kanji =
            (try? database?.strokeForms(character, including: Grader.isAcceptedOrder(named:)))
            ?? nil
        else { return nil }
        return Grader(kanji: kanji, leniency: leniency)
      }
    }
    for grader in graders {
      if let grader { keep(grader) }
    }
  }

  /// One `{"kanji", "drawing"}` line's kanji (or `kanji` when the line names none) and its
  /// validated drawing.
  private static func parseLine(_ line: ArraySlice<UInt8>, kanji: String?) throws -> (
    String, Drawing
  ) {
    if let (named, drawing) = DrawingParser.batchLine(line), let character = named ?? kanji {
      return (character, try drawing.validated())
    }
    let item = try DrawingParser.parse(line)
    let character: String
    if case .string(let named)? = item["kanji"] {
      character = named
    } else if let kanji {
      character = kanji
    } else {
      throw DrawingError("the line has no \"kanji\" and no --kanji was given")
    }
    guard let drawing = item["drawing"] else {
      throw DrawingError("the line has no \"drawing\"")
    }
    return (character, try DrawingParser.drawing(drawing).validated())
  }
}

/// `map` over every core, results in the items' order.
enum ParallelMap {
  static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    // Many small chunks, so that a core that draws the slow items (drawings to name, naming's
    // first recogniser of a stroke count) does not hold up the others at the end.
    let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 64)
    return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let buffer = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in count * chunk / chunks..<count * (chunk + 1) / chunks {
          (buffer.baseAddress! + index).initialize(to: transform(items[index]))
        }
      }
      initialized = count
    }
  }
}

/// Connections to the reference database for the cores of a batch, each used by one thread at a
/// time: the session's own one first, more opened as more threads ask at once.
final class ConnectionPool: @unchecked Sendable {
  private let path: String
  private let lock = NSLock()
  private var idle: [ReferenceDatabase]

  init(_ database: ReferenceDatabase) {
    path = database.path
    idle = [database]
  }

  /// Runs `body` with a connection no other thread is using; nil when none could be opened.
  func use<R>(_ body: (ReferenceDatabase?) -> R) -> R {
    let taken = lock.withLock { idle.popLast() } ?? (try? ReferenceDatabase(path: path))
    defer {
      if let taken { lock.withLock { idle.append(taken) } }
    }
    return body(taken)
  }
}

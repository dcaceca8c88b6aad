import Dispatch
import DrawingJSON
import Foundation
import KanjiData
import StrokeMatch

extension BatchGrader {
  /// Lines graded a block at a time: enough to keep every core busy, few enough that memory
  /// stays bounded and output starts early on a huge batch.
  static let blockSize = 4096

  /// The `--jsonl` output lines of a block of input lines, in order, each line read, looked up,
  /// graded and named on whichever core takes it: one pass, no core waiting at a step's end
  /// for the others (graders are made once a kanji, on first need; the database is read
  /// through a connection per core).
  func gradeLines(_ lines: [StrokeMatchCLI.InputLine], kanji: String?) -> [String] {
    let graders = self.graders
    let namer = self.namer
    return ParallelMap.map(lines) { line in
      do {
        let (character, drawing) = try Self.parseLine(line.bytes, kanji: kanji)
        var grade = try graders.grader(for: character).grade(drawing)
        namer.review(&grade, drawing: drawing)
        return grade.jsonLine
      } catch {
        return StrokeMatchCLI.errorLine(error, line: line.number)
      }
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
    guard case .object = item else { throw DrawingError("the line is not a JSON object") }
    let character: String
    switch item["kanji"] {
    case .string(let named)?:
      character = named
    case let other?:
      throw DrawingError("\"kanji\" must be a string, got \(other.kind)")
    case nil:
      guard let kanji else {
        throw DrawingError("the line has no \"kanji\" and no --kanji was given")
      }
      character = kanji
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
/// time: the session's own one first, more opened as more threads ask at once (or, when no more
/// can be opened, a wait for one to be free).
final class ConnectionPool: @unchecked Sendable {
  private let path: String
  private let condition = NSCondition()
  private var idle: [ReferenceDatabase]
  private var cannotOpen = false

  init(_ database: ReferenceDatabase) {
    path = database.path
    idle = [database]
  }

  /// Runs `body` with a connection no other thread is using.
  func use<R>(_ body: (ReferenceDatabase) throws -> R) rethrows -> R {
    let database = take()
    defer {
      condition.withLock {
        idle.append(database)
        condition.signal()
      }
    }
    return try body(database)
  }

  private func take() -> ReferenceDatabase {
    condition.withLock {
      while true {
        if let database = idle.popLast() { return database }
        if !cannotOpen {
          if let opened = try? ReferenceDatabase(path: path) { return opened }
          cannotOpen = true
        }
        condition.wait()
      }
    }
  }
}

/// Graders per kanji (a batch repeats kanji), built from strokes and accepted variants alone,
/// each made once, by the first thread that needs it, while other threads make others.
final class GraderCache: @unchecked Sendable {
  private final class Slot: @unchecked Sendable {
    let lock = NSLock()
    var grader: Result<Grader, any Error>?
  }

  private let connections: ConnectionPool
  private let strictness: Strictness
  private let lock = NSLock()
  private var slots: [String: Slot] = [:]

  init(connections: ConnectionPool, strictness: Strictness) {
    self.connections = connections
    self.strictness = strictness
  }

  func grader(for character: String) throws -> Grader {
    let slot = lock.withLock {
      if let slot = slots[character] { return slot }
      let slot = Slot()
      slots[character] = slot
      return slot
    }
    return try slot.lock.withLock {
      if let made = slot.grader { return made }
      let made = Result { try make(character) }
      slot.grader = made
      return made
    }.get()
  }

  private func make(_ character: String) throws -> Grader {
    // Only the variants a grader can accept: the rest would be decoded to be dropped.
    let kanji = try connections.use {
      try $0.strokeForms(character, including: Grader.isAcceptedOrder(named:))
    }
    guard let kanji else {
      throw DrawingError("unknown kanji \(character): it is not in the reference database")
    }
    return Grader(kanji: kanji, strictness: strictness)
  }
}

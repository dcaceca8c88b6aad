import Foundation
import KanjiData
import StrokeMatch

/// Names the kanji a failed drawing looks like ("this looks like 末, not 未"), so feedback, the
/// self-test results and the weak list can say what was written instead. Naming compares a
/// drawing only with kanji of its own stroke count, so a recogniser is built per stroke count,
/// from that count's kanji alone, on the first drawing that needs it, not at start-up.
public final class CharacterNamer: @unchecked Sendable {
  private let candidates: (Int) throws -> [Kanji]
  private var slots: [Int: Slot] = [:]
  /// Set when the candidates could not be read: naming stops rather than half works.
  private var failed = false
  private let lock = NSLock()
  /// Held while `candidates` runs when it reads a shared database connection.
  private let readLock: NSLock?

  /// One stroke count's recogniser, built once, by the first drawing that needs it; drawings of
  /// other counts are named meanwhile (a batch names on every core).
  private final class Slot: @unchecked Sendable {
    let lock = NSLock()
    var built = false
    var recognizer: Recognizer?
  }

  /// - Parameters:
  ///   - sharesConnection: whether `candidates` reads a database connection that no two threads
  ///     may use at once (the default); when it does not, stroke counts load at once.
  ///   - candidates: the kanji of a stroke count the recogniser may name (the reference
  ///     database's, e.g. `ReferenceDatabase.allStrokes(strokeCount:)`).
  public init(sharesConnection: Bool = true, candidates: @escaping (Int) throws -> [Kanji]) {
    self.candidates = candidates
    readLock = sharesConnection ? NSLock() : nil
  }

  /// Settles what only a comparison with other kanji can: a loose hand's slips are forgiven
  /// when the drawing is clearly the kanji asked, and a `character` error is added when it is
  /// clearly another one. Without the reference set (it could not be read) the grade is left as
  /// it is.
  public func review(_ grade: inout Grade, drawing: Drawing) {
    guard grade.needsReview else { return }
    guard let recognizer = loaded(strokeCount: drawing.strokes.count) else {
      grade.looseHandOnly = nil
      return
    }
    grade.review(drawing, using: recognizer)
  }

  private func loaded(strokeCount: Int) -> Recognizer? {
    let slot: Slot? = lock.withLock {
      if failed { return nil }
      if let slot = slots[strokeCount] { return slot }
      let slot = Slot()
      slots[strokeCount] = slot
      return slot
    }
    guard let slot else { return nil }
    return slot.lock.withLock {
      if slot.built { return slot.recognizer }
      slot.built = true
      let load = { [candidates] in try? candidates(strokeCount) }
      guard let kanji = readLock.map({ $0.withLock(load) }) ?? load() else {
        lock.withLock { failed = true }
        return nil
      }
      slot.recognizer = Recognizer(candidates: kanji)
      return slot.recognizer
    }
  }
}

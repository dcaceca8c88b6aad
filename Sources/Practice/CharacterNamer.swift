import Foundation
import KanjiData
import StrokeMatch

/// Names the kanji a failed drawing looks like ("this looks like 末, not 未"), so feedback, the
/// self-test results and the weak list can say what was written instead. The recogniser is built
/// from the whole reference set on the first drawing that needs it, not at start-up.
public final class CharacterNamer: @unchecked Sendable {
  private let candidates: () throws -> [Kanji]
  private var recognizer: Recognizer?
  private var failed = false
  private let lock = NSLock()

  /// - Parameter candidates: every kanji the recogniser may name (the reference database's).
  public init(candidates: @escaping () throws -> [Kanji]) {
    self.candidates = candidates
  }

  /// Adds a `character` error to `grade` when the drawing is clearly another kanji. Without
  /// the reference set (it could not be read) the grade is left as it is.
  public func name(_ grade: inout Grade, drawing: Drawing) {
    guard grade.suggestsAnotherCharacter, let recognizer = loaded() else { return }
    grade.nameCharacter(of: drawing, using: recognizer)
  }

  private func loaded() -> Recognizer? {
    lock.lock()
    defer { lock.unlock() }
    if recognizer == nil && !failed {
      do {
        recognizer = Recognizer(candidates: try candidates())
      } catch {
        failed = true
      }
    }
    return recognizer
  }
}

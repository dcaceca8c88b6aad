import Foundation
import KanjiData
import StrokeMatch

/// Builds the recogniser (every kanji's strokes) once, on its own thread from the session's
/// start, so naming the kanji drawn instead ("this looks like 末, not 未") does not hold up the
/// first feedback screen.
public final class RecognizerLoader: @unchecked Sendable {
  // Guards `recognizer` and `finished`; the loading thread signals when done.
  private let condition = NSCondition()
  private var recognizer: Recognizer?
  private var finished = false

  /// Loads the candidates from the reference database at `path`, opened on the loading thread
  /// with its own connection.
  public init(referencePath path: String) {
    let thread = Thread { [self] in
      let loaded = try? Recognizer(candidates: ReferenceDatabase(path: path).allKanji())
      condition.lock()
      recognizer = loaded
      finished = true
      condition.broadcast()
      condition.unlock()
    }
    thread.start()
  }

  /// The recogniser, waiting for it if it is still loading; nil if it could not be built.
  public var value: Recognizer? {
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
    return recognizer
  }
}

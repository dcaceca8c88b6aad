import Foundation

/// The canvas while a card is asked: the ink, the hints taken and the strokes refused.
public struct PromptState: InkCapturing, Equatable, Sendable {
  public var startedAt: Date
  public var pad: InkPad
  /// The last stroke the per-stroke judge refused, shown until the next one starts.
  public var rejected: [UnitPoint]?
  /// 0 none; 1 start point and direction; 2 the next stroke; 3 the whole kanji (a fail).
  public var hintLevel = 0
  /// Per-stroke mode: refused attempts by stroke.
  public var misses: [Int: Int] = [:]
  /// Strokes shown after three misses.
  public var shownStrokes: Set<Int> = []
  public var message: String?
  /// A word card: the kanji already written, each as its own canvas state, in order.
  public var finished: [PromptState] = []

  static let missesBeforeHint = 3
  static let hintMessages = [
    "Hint: the next stroke starts at its number and goes the way shown.",
    "Hint: the next stroke is shown faintly.",
    "Hint: the whole kanji is shown; this card counts as forgotten.",
  ]

  public init(startedAt: Date, canvas: CellRect) {
    self.startedAt = startedAt
    pad = InkPad(canvas: canvas)
  }
}

public struct PracticeSettings: Equatable, Sendable {
  /// Judge each stroke on release instead of the whole kanji on Enter.
  public var perStrokeMode: Bool
  /// Show the number of strokes in the prompt.
  public var showStrokeCount: Bool
  /// Frame canvases with + - | instead of box-drawing characters.
  public var asciiFrame: Bool
  /// Show a new kanji (study) before asking it; off for `practice`.
  public var studyNewCards: Bool
  /// When the cards run out, go on with (re)learning cards due within the learn-ahead limit,
  /// as Anki does; off for `practice`.
  public var learnAhead: Bool
  /// After a failed card, have it written once more over the faint reference.
  public var rewriteAfterFailure: Bool
  /// Show common words with the kanji blanked beside the prompt.
  public var promptWords: Bool

  public init(
    perStrokeMode: Bool = false, showStrokeCount: Bool = false, asciiFrame: Bool = false,
    studyNewCards: Bool = true, learnAhead: Bool = true, rewriteAfterFailure: Bool = true,
    promptWords: Bool = true
  ) {
    self.promptWords = promptWords
    self.perStrokeMode = perStrokeMode
    self.showStrokeCount = showStrokeCount
    self.asciiFrame = asciiFrame
    self.studyNewCards = studyNewCards
    self.learnAhead = learnAhead
    self.rewriteAfterFailure = rewriteAfterFailure
  }
}

import Foundation
import KanjiData
import Scheduler

/// One card of a session: a kanji to write, new (shown first), (re)learning or due for review.
public struct SessionCard: Equatable, Sendable {
  public var kanji: Kanji
  public var isNew: Bool
  /// Where the card stands in the scheduler, for the session header.
  public var state: CardState
  /// Other kanji of the deck asked by the same meanings and readings (国 and 國): the prompt
  /// says which one is meant.
  public var samePrompt: [Kanji] = []
  /// Common words with the kanji blanked, shown beside the prompt as cues.
  public var promptWords: [PromptWord] = []
  /// A word card: the word to write kanji by kanji; `kanji` is then its first kanji.
  public var word: WordCard?

  /// - Parameter state: the card's state; by default new or review, as `isNew` says.
  public init(kanji: Kanji, isNew: Bool, state: CardState? = nil) {
    self.kanji = kanji
    self.isNew = isNew
    self.state = state ?? (isNew ? .new : .review)
  }

  /// A word card, new or due as its `state` says.
  public init(word: WordCard, state: CardState) {
    self.init(kanji: word.characters[0], isNew: state == .new, state: state)
    self.word = word
  }

  /// The key the card is stored under: the kanji, or `word:` and the word.
  public var key: String { word?.key ?? kanji.character }

  /// What the card is called: the kanji, or the word as written.
  public var name: String { word?.word.written ?? kanji.character }

  public var isLearning: Bool { state == .learning || state == .relearning }
}

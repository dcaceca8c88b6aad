import Foundation
import KanjiData

/// One card of a session: a kanji to write, new (shown first) or due for review.
public struct SessionCard: Equatable, Sendable {
  public var kanji: Kanji
  public var isNew: Bool

  public init(kanji: Kanji, isNew: Bool) {
    self.kanji = kanji
    self.isNew = isNew
  }
}

import Foundation
import Practice
import Progress

extension StoreHost {
  /// A kanji's page as the store and the reference data stand now.
  public func kanjiPage(_ kanji: String, columns: Int, rows: Int) throws -> KanjiPage {
    KanjiPage(
      character: kanji, kanji: try reference.kanji(kanji), card: try store.card(kanji),
      log: try store.reviewLog(kanji: kanji), now: Date(),
      asciiFrame: try settings(dailySession: false).0.asciiFrame, columns: columns, rows: rows)
  }
}

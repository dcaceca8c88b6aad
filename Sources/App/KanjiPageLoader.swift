import Foundation
import Practice
import Progress
import ProgressRecords

extension StoreHost {
  /// A kanji's page as the store and the reference data stand now.
  public func kanjiPage(_ kanji: String, columns: Int, rows: Int) throws -> KanjiPage {
    var page = KanjiPage(
      character: kanji, kanji: try reference.kanji(kanji), card: try store.card(kanji),
      log: try store.reviewLog(kanji: kanji), now: Date(),
      asciiFrame: try settings(dailySession: false).0.asciiFrame, columns: columns, rows: rows)
    if let written = CardKey.wordWritten(kanji) {
      page.word = try reference.words(written: written).first
    }
    return page
  }
}

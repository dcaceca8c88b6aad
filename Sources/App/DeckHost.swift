import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords

extension StoreHost {
  /// The deck as the deck screen lists it, each card with its kanji's meanings, readings, JLPT
  /// level and grade from the reference data (none for a kanji it lacks).
  public func deckItems() throws -> [DeckItem] {
    // Old JLPT level 2 splits into N3 and N2; the N3 half is read once, and only when needed.
    var newN3: Set<String>?
    return try store.deckCards().map { card in
      // A word card is searched by the word's meanings and readings.
      if let written = CardKey.wordWritten(card.kanji) {
        let word = try reference.words(written: written).first
        return DeckItem(
          card: card, meanings: word?.meanings ?? [], readings: word?.readings ?? [], jlpt: nil,
          grade: nil)
      }
      guard let kanji = try reference.kanji(card.kanji) else {
        return DeckItem(card: card, meanings: [], readings: [], jlpt: nil, grade: nil)
      }
      var jlpt: Int?
      switch kanji.jlpt {
      case 4: jlpt = 5
      case 3: jlpt = 4
      case 2:
        let n3 = try newN3 ?? Set(reference.characters(matching: .jlpt(3)))
        newN3 = n3
        jlpt = n3.contains(kanji.character) ? 3 : 2
      case 1: jlpt = 1
      default: jlpt = nil
      }
      return DeckItem(
        card: card, meanings: kanji.meanings, readings: kanji.onyomi + kanji.kunyomi, jlpt: jlpt,
        grade: kanji.grade)
    }
  }

  /// Makes one change to the deck in one transaction; returns what was done, for the status
  /// line.
  public func change(_ change: DeckChange) throws -> String {
    switch change {
    case .suspend(let kanji):
      try store.setSuspended(kanji, true)
      return "\(kanji) suspended: it is not asked until s unsuspends it."
    case .unsuspend(let kanji):
      try store.setSuspended(kanji, false)
      return "\(kanji) unsuspended."
    case .reset(let kanji):
      try store.resetCard(kanji)
      let reviews = try store.reviewLog(kanji: kanji).count
      return
        "\(kanji) reset to new; its \(reviews) log entr\(reviews == 1 ? "y stays" : "ies stay")."
    case .delete(let kanji):
      let removed = try store.deleteCard(kanji)
      return "\(kanji) deleted, with its \(removed) log entr\(removed == 1 ? "y" : "ies")."
    case .add(let spec):
      let selection = try DeckSelection(DeckSelection.selector(spec), reference: reference)
      let skipped =
        selection.skipped.isEmpty
        ? "" : "; skipped \(DeckSelection.note(skipped: selection.skipped))"
      guard !selection.known.isEmpty else {
        throw AppError("\(spec) names no kanji with stroke data\(skipped)")
      }
      let result = try store.addCards(selection.known, at: Date())
      let already = result.skipped.isEmpty ? "" : ", \(result.skipped.count) already in the deck"
      return "Added \(result.added.count) kanji from \(spec)\(already)\(skipped)."
    }
  }
}

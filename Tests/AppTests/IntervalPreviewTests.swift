import App
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import Scheduler
import TestSupport
import Testing

/// The feedback's intervals are what recording each rating really does: the App's preview is
/// compared with `recordReview` on a store with the same history, one per rating.
@Suite struct IntervalPreviewTests {
  enum History: CaseIterable {
    case new, learning, review, relearning
  }

  static let start = Date(timeIntervalSince1970: 1_780_000_000)

  /// A store whose 十 has `history`, and the time the next review is made at.
  func store(_ history: History) throws -> (TemporaryStore, Date) {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["十"], at: Self.start)
    var time = Self.start
    let ratings: [Rating] =
      switch history {
      case .new: []
      case .learning: [.good]
      case .review: [.good, .good, .good]
      case .relearning: [.good, .good, .again]
      }
    for rating in ratings {
      let snapshot = try store.recordReview(ReviewInput(kanji: "十", time: time, rating: rating))
      time = max(snapshot.due ?? time, time.addingTimeInterval(60))
    }
    return (temporary, time.addingTimeInterval(3600))
  }

  @Test(arguments: History.allCases)
  func thePreviewIsWhatRecordingDoes(history: History) throws {
    let reference = try ReferenceDatabase(path: ReferenceDatabase.sourceTreeDatabase)
    let (previewed, now) = try store(history)
    let host = StoreHost(store: previewed.store, reference: reference)
    let preview = try #require(try host.previewIntervals(kanji: "十", now: now))
    #expect(preview.kanji == "十")
    let logBefore = try previewed.store.reviewLog().count
    for rating in Rating.allCases {
      let (copy, time) = try store(history)
      #expect(time == now)
      let card = try copy.store.recordReview(ReviewInput(kanji: "十", time: now, rating: rating))
        .card
      let expected =
        card.state == .review
        ? Double(card.intervalDays) * 86400 : try #require(card.due).timeIntervalSince(now)
      #expect(preview.seconds[rating] == expected, "\(history) \(rating)")
    }
    // Nothing was stored by the preview.
    #expect(try previewed.store.reviewLog().count == logBefore)
  }

  @Test func noPreviewForAKanjiNotInTheDeck() throws {
    let reference = try ReferenceDatabase(path: ReferenceDatabase.sourceTreeDatabase)
    let (temporary, now) = try store(.new)
    let host = StoreHost(store: temporary.store, reference: reference)
    #expect(try host.previewIntervals(kanji: "二", now: now) == nil)
  }
}

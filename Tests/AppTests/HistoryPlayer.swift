import Foundation
import Progress
import ProgressRecords
import Scheduler

/// Plays a learner's reviews of one kanji through the real store, each at the time the card
/// falls due, so the scheduler's state (lapses, leech, stability) comes out as in real use.
struct HistoryPlayer {
  let store: ProgressStore
  let start: Date

  /// Forgotten, then relearned.
  static let lapse: [Rating] = [.again, .good]

  static func graduated(lapses: Int) -> [Rating] {
    [.good, .good] + Array(Array(repeating: lapse, count: lapses).joined())
  }

  /// Reviews `kanji` with `ratings` in turn; each Again logs `failingGrade` as its grade.
  /// Returns the time after the last review.
  func play(_ kanji: String, _ ratings: [Rating], failingGrade: String?) throws -> Date {
    var time = start
    for rating in ratings {
      let snapshot = try store.recordReview(
        ReviewInput(
          kanji: kanji, time: time, rating: rating,
          gradeJSON: rating == .again ? failingGrade : nil))
      time = max(snapshot.due ?? time, time.addingTimeInterval(60))
    }
    return time
  }
}

import Foundation
import Scheduler

/// A review ready to be stored: both the rating saved and the one the policy proposed.
public struct CompletedReview: Equatable, Sendable {
  public var kanji: String
  public var time: Date
  public var rating: Rating
  public var proposedRating: Rating
  public var durationMs: Int
  public var hintsUsed: Int
  public var drawingJSON: String
  public var gradeJSON: String

  public init(
    kanji: String, time: Date, rating: Rating, proposedRating: Rating, durationMs: Int,
    hintsUsed: Int, drawingJSON: String, gradeJSON: String
  ) {
    self.kanji = kanji
    self.time = time
    self.rating = rating
    self.proposedRating = proposedRating
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
    self.drawingJSON = drawingJSON
    self.gradeJSON = gradeJSON
  }
}

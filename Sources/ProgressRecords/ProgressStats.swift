import Foundation

/// A summary of the learner's progress for `kanji-write stats`.
public struct ProgressStats: Codable, Equatable, Sendable {
  public var cardsByState: [String: Int]
  public var leeches: Int
  public var reviewsToday: Int
  public var newToday: Int
  /// Share of reviews of review-state cards passed in the last 30 days; nil without any.
  public var trueRetention30Days: Double?
  public var retentionReviews30Days: Int
  /// Cards due on each of the next 14 learner days, today (with overdue ones) first.
  public var forecast: [Int]
  public var streakDays: Int
  public var totalReviews: Int

  public init(
    cardsByState: [String: Int], leeches: Int, reviewsToday: Int, newToday: Int,
    trueRetention30Days: Double?, retentionReviews30Days: Int, forecast: [Int], streakDays: Int,
    totalReviews: Int
  ) {
    self.cardsByState = cardsByState
    self.leeches = leeches
    self.reviewsToday = reviewsToday
    self.newToday = newToday
    self.trueRetention30Days = trueRetention30Days
    self.retentionReviews30Days = retentionReviews30Days
    self.forecast = forecast
    self.streakDays = streakDays
    self.totalReviews = totalReviews
  }
}

import Foundation
import Scheduler

/// Counts for the end-of-session summary.
public struct SessionStats: Equatable, Sendable {
  public var startedAt: Date
  public var reviewed = 0
  public var rightFirstTime = 0
  public var again = 0
  private var seen: [String: Int] = [:]

  public init(startedAt: Date) {
    self.startedAt = startedAt
  }

  mutating func count(feedback: FeedbackState) {
    reviewed += 1
    if feedback.chosen == .again { again += 1 }
    if seen[feedback.kanji, default: 0] == 0 && feedback.chosen != .again { rightFirstTime += 1 }
    seen[feedback.kanji, default: 0] += 1
  }

  mutating func undo(feedback: FeedbackState) {
    reviewed -= 1
    if feedback.chosen == .again { again -= 1 }
    seen[feedback.kanji, default: 1] -= 1
    if seen[feedback.kanji] == 0 && feedback.chosen != .again { rightFirstTime -= 1 }
  }
}

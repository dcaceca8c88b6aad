import Foundation

/// Figures from the store for the end-of-session summary.
public struct SessionOutlook: Equatable, Sendable {
  public var streak: Int
  public var nextDue: Date?

  public init(streak: Int, nextDue: Date?) {
    self.streak = streak
    self.nextDue = nextDue
  }
}

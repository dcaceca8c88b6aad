import Foundation

/// A new kanji shown before it is asked: its strokes drawn one by one from `startedAt`.
public struct StudyState: Equatable, Sendable {
  public var startedAt: Date
  /// Seconds between two strokes of the animation.
  public static let strokeInterval = 0.6

  /// How many strokes of `total` are drawn at `now`.
  public func strokesShown(of total: Int, at now: Date) -> Int {
    let elapsed = max(0, now.timeIntervalSince(startedAt))
    return min(total, Int(elapsed / Self.strokeInterval) + 1)
  }
}

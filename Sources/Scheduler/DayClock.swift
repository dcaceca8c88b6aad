import Foundation

/// Calendar days as Anki counts them: a day starts at `dayStartHour` local time, so a review at
/// 03:59 still belongs to the previous day and elapsed days are differences of day numbers.
public struct DayClock: Sendable, Equatable {
  public let timeZone: TimeZone
  public let dayStartHour: Int
  /// Kept rather than made per call: building a Calendar dominates a log replay otherwise.
  let calendar: Calendar

  public init(timeZone: TimeZone = .current, dayStartHour: Int = 4) {
    self.timeZone = timeZone
    self.dayStartHour = dayStartHour
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// Days since 1970-01-01 of the learner's day containing `date`.
  public func dayNumber(_ date: Date) -> Int {
    let t = date.timeIntervalSince1970
    let local = t + Double(timeZone.secondsFromGMT(for: date)) - Double(dayStartHour * 3600)
    return Int((local / 86400).rounded(.down))
  }

  /// Calendar days between the learner's days of two instants.
  public func elapsedDays(from earlier: Date, to later: Date) -> Int {
    dayNumber(later) - dayNumber(earlier)
  }

  /// The same local clock time `days` calendar days later (DST-safe).
  public func adding(days: Int, to date: Date) -> Date {
    calendar.date(byAdding: .day, value: days, to: date)
      ?? date.addingTimeInterval(Double(days) * 86400)
  }

  /// The instant the learner's day `day` begins.
  public func start(ofDay day: Int) -> Date {
    let guess = Double(day) * 86400 + Double(dayStartHour * 3600)
    // The offset at the boundary itself; one correction step handles DST transitions.
    let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))
    return Date(timeIntervalSince1970: guess - Double(offset))
  }
}

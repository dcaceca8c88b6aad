import Foundation

// Tests count days in UTC, so that where a day starts does not move with the machine's zone.

extension TimeZone {
  public static let utc = TimeZone(identifier: "UTC")!
}

extension Calendar {
  /// The ISO 8601 calendar (weeks start on Monday) in UTC.
  public static let utc: Calendar = {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = .utc
    return calendar
  }()
}

extension Date {
  /// An instant written in ISO 8601 with its zone, such as "2024-05-01T10:00:00Z".
  public init(iso8601 text: String) {
    guard let date = ISO8601DateFormatter().date(from: text) else {
      preconditionFailure("not an ISO 8601 date: \(text)")
    }
    self = date
  }

  /// The instant in ISO 8601 in UTC, as `review --at` takes it: "2024-05-01T10:00:00Z".
  public var iso8601: String { ISO8601DateFormatter().string(from: self) }
}

import Foundation
import TestSupport

func close(_ a: Double, _ b: Double, absolute: Double = 1e-4, relative: Double = 1e-5) -> Bool {
  abs(a - b) <= max(absolute, relative * abs(b))
}

/// Parses "2024-03-29T20:32:32.250000+00:00" (the revlog's UTC timestamps).
func parseUTC(_ text: String) -> Date? {
  let parts = text.split(whereSeparator: { "-T:+".contains($0) })
  guard parts.count >= 6, let year = Int(parts[0]), let month = Int(parts[1]),
    let day = Int(parts[2]), let hour = Int(parts[3]), let minute = Int(parts[4]),
    let seconds = Double(parts[5])
  else { return nil }
  var components = DateComponents()
  components.year = year
  components.month = month
  components.day = day
  components.hour = hour
  components.minute = minute
  return Calendar.utc.date(from: components)?.addingTimeInterval(seconds)
}

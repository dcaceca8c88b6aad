import Foundation

/// Values as error messages show them: short, escaped, and never a megabyte long.
enum MessageText {
  /// `text` in quotes with control characters escaped, shortened when long (a pasted file, say).
  static func quoted(_ text: String) -> String {
    guard text.count > 40 else { return text.debugDescription }
    return "\(String(text.prefix(30)).debugDescription)… (\(text.count) characters)"
  }

  /// Whole numbers without a fraction, others in at most 15 significant digits (so a time that
  /// went through seconds and back still shows as the 1e+300 the file held).
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.15g", value)
  }

  static func range(_ range: ClosedRange<Double>) -> String {
    "\(number(range.lowerBound))...\(number(range.upperBound))"
  }
}

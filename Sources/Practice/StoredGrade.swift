import Foundation
import StrokeMatch

extension Grade {
  /// A grade as the review log keeps it (the grader's JSON); nil when absent or unreadable,
  /// so a damaged entry only loses its reasons, never the weak list.
  public static func stored(_ json: String?) -> Grade? {
    guard let data = json?.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode(Grade.self, from: data)
  }
}

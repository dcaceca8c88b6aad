import Foundation
import Scheduler

/// Review logs in the FSRS optimiser's CSV: a header naming at least card_id, review_rating and
/// review_time (ISO 8601, or milliseconds since 1970 as `kanji-write export --format csv`
/// writes it); other columns are ignored. Ratings 1-4 are reviews; 0 (a manual change) is
/// skipped.
public enum RevlogCSV {
  public struct Failure: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  public static func parse(_ text: String) throws -> [LoggedReview] {
    var lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
      .makeIterator()
    guard let header = lines.next() else { throw Failure(description: "the file is empty") }
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    func column(_ name: String) throws -> Int {
      guard let index = names.firstIndex(of: name) else {
        throw Failure(
          description:
            "the header has no \(name) column (it needs card_id, review_rating, review_time)")
      }
      return index
    }
    let card = try column("card_id")
    let rating = try column("review_rating")
    let time = try column("review_time")
    var reviews: [LoggedReview] = []
    var lineNumber = 1
    while let line = lines.next() {
      lineNumber += 1
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == names.count else {
        throw Failure(
          description: "line \(lineNumber) has \(fields.count) fields, the header \(names.count)")
      }
      let ratingText = fields[rating].trimmingCharacters(in: .whitespaces)
      if ratingText == "0" { continue }
      guard let value = Int(ratingText).flatMap(Rating.init(rawValue:)) else {
        throw Failure(
          description: "line \(lineNumber): review_rating \"\(ratingText)\" is not 0-4")
      }
      let timeText = fields[time].trimmingCharacters(in: .whitespaces)
      guard let date = parseTime(timeText) else {
        throw Failure(
          description:
            "line \(lineNumber): review_time \"\(timeText)\" is neither ISO 8601 nor milliseconds"
        )
      }
      reviews.append(
        LoggedReview(
          cardID: fields[card].trimmingCharacters(in: .whitespaces), time: date, rating: value))
    }
    return reviews
  }

  /// "2024-03-29T20:32:32.250000+00:00", "2024-03-29T20:32:32Z" or 1711744352250 (ms).
  static func parseTime(_ text: String) -> Date? {
    if let ms = Int64(text) { return Date(timeIntervalSince1970: Double(ms) / 1000) }
    let body: Substring
    var offset = 0.0
    if text.hasSuffix("Z") {
      body = text.dropLast()
    } else if text.count > 6, let sign = text.dropLast(5).last, sign == "+" || sign == "-" {
      let zone = text.suffix(5).split(separator: ":")
      guard zone.count == 2, let hours = Double(zone[0]), let minutes = Double(zone[1]) else {
        return nil
      }
      offset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
      body = text.dropLast(6)
    } else {
      return nil
    }
    let parts = body.split(whereSeparator: { "-T:".contains($0) })
    guard parts.count == 6, let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
      let h = Int(parts[3]), let mi = Int(parts[4]), let s = Double(parts[5]),
      (1...12).contains(mo), (1...31).contains(d), (0...23).contains(h), (0...59).contains(mi)
    else { return nil }
    // Days from the civil date (proleptic Gregorian), to avoid a Calendar per line.
    let yy = mo <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    return Date(timeIntervalSince1970: Double(days * 86400 + h * 3600 + mi * 60) + s - offset)
  }
}

import Foundation
import TestSupport
import Testing

@testable import Scheduler

@Suite struct ReplayEvaluationTests {
  /// ../shared/srs/revlog.csv beside the package; absent in clones without the shared folder.
  static let revlogURL = Repository.root.deletingLastPathComponent()
    .appendingPathComponent("shared/srs/revlog.csv")

  static func loadRevlog() throws -> [LoggedReview] {
    let text = try String(contentsOf: revlogURL, encoding: .utf8)
    var reviews: [LoggedReview] = []
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      guard fields.count >= 3, let rating = Int(fields[1]).flatMap(Rating.init(rawValue:)),
        let time = parseUTC(String(fields[2]))
      else {
        Issue.record("bad revlog line \(line)")
        continue
      }
      reviews.append(LoggedReview(cardID: String(fields[0]), time: time, rating: rating))
    }
    return reviews
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: revlogURL.path)))
  func revlogReplayMatchesFsrsRs() throws {
    let log = try Self.loadRevlog()
    #expect(log.count == 12580)
    let result = ReplayEvaluation.evaluate(
      log, model: .standard, clock: DayClock(timeZone: .utc, dayStartHour: 4))
    #expect(result.predictions == 6276)
    #expect(abs(result.logLoss - 0.453473) <= 1e-5, "log loss \(result.logLoss)")
    #expect(abs(result.rmseBins - 0.076601) <= 1e-5, "RMSE(bins) \(result.rmseBins)")
    #expect(abs(result.unweightedLogLoss - 0.465036) <= 1e-5)
  }

  @Test func sameDayReviewsAreNotPredicted() {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let log = [
      LoggedReview(cardID: "a", time: start, rating: .good),
      LoggedReview(cardID: "a", time: start.addingTimeInterval(600), rating: .good),
      LoggedReview(cardID: "a", time: start.addingTimeInterval(3 * 86400), rating: .again),
      LoggedReview(cardID: "b", time: start, rating: .good),
      LoggedReview(cardID: "b", time: start.addingTimeInterval(2 * 86400), rating: .good),
    ]
    let result = ReplayEvaluation.evaluate(log, model: .standard, clock: DayClock(timeZone: .utc))
    #expect(result.predictions == 2)
    #expect(result.logLoss > 0)
  }
}

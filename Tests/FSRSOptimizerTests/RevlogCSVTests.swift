import Foundation
import Scheduler
import Testing

@testable import FSRSOptimizer

@Suite struct RevlogCSVTests {
  @Test func readsTheOptimiserFormatAndTheExportFormat() throws {
    let optimiser = try RevlogCSV.parse(
      """
      card_id,review_rating,review_time,review_duration
      17,1,2024-03-29T20:32:32.250000+00:00,25060
      17,3,2024-03-30T02:00:00+02:00,7241
      18,4,2024-03-29T20:00:00Z,1
      """)
    #expect(optimiser.map(\.cardID) == ["17", "17", "18"])
    #expect(optimiser.map(\.rating) == [.again, .good, .easy])
    #expect(optimiser[0].time == Date(timeIntervalSince1970: 1_711_744_352.25))
    #expect(optimiser[1].time == Date(timeIntervalSince1970: 1_711_756_800))
    let export = try RevlogCSV.parse(
      """
      card_id,review_time,review_rating,review_state,review_duration
      3,1711744352250,2,2,5000
      3,1711744352999,0,2,5000
      """)
    #expect(
      export == [
        LoggedReview(
          cardID: "3", time: Date(timeIntervalSince1970: 1_711_744_352.25), rating: .hard)
      ])
  }

  @Test func badFilesAreRefusedWithTheLine() {
    #expect(throws: RevlogCSV.Failure(description: "the file is empty")) { try RevlogCSV.parse("") }
    #expect(
      throws: RevlogCSV.Failure(
        description:
          "the header has no review_time column (it needs card_id, review_rating, review_time)")
    ) { try RevlogCSV.parse("card_id,review_rating\n1,3\n") }
    #expect(
      throws: RevlogCSV.Failure(description: "line 3: review_rating \"7\" is not 0-4")
    ) { try RevlogCSV.parse("card_id,review_rating,review_time\n1,3,0\n1,7,5\n") }
    #expect(
      throws: RevlogCSV.Failure(
        description: "line 2: review_time \"yesterday\" is neither ISO 8601 nor milliseconds")
    ) { try RevlogCSV.parse("card_id,review_rating,review_time\n1,3,yesterday\n") }
    #expect(
      throws: RevlogCSV.Failure(description: "line 2 has 2 fields, the header 3")
    ) { try RevlogCSV.parse("card_id,review_rating,review_time\n1,3\n") }
  }
}

import Foundation
import Practice
import StrokeMatch
import TestSupport
import Testing

@Suite struct WeakListTests {
  let analysis = WeakListAnalysis()

  func review(
    _ kanji: String, daysAgo: Double, failed: Bool = true, hints: Int = 0, _ grade: Grade?
  ) -> ReviewEvidence {
    ReviewEvidence(
      time: Fixtures.daysAgo(daysAgo), kanji: kanji, failed: failed, hints: hints, grade: grade)
  }

  @Test func ranksLeechesThenLowRecallThenLapsesAndLeavesOutTheSafe() {
    let cards = [
      CardStanding(kanji: "一", recall: 0.97, lapses: 0, leech: false),
      CardStanding(kanji: "紅", recall: 0.85, lapses: 1, leech: false),
      CardStanding(kanji: "右", recall: 0.6, lapses: 9, leech: true),
      CardStanding(kanji: "紙", recall: 0.55, lapses: 2, leech: false),
      CardStanding(kanji: "細", recall: nil, lapses: 0, leech: false),
    ]
    let list = analysis.weakList(
      cards: cards, reviews: [], parts: Fixtures.parts, pool: [], now: Fixtures.now)
    #expect(list.kanji.map(\.kanji) == ["右", "紙", "紅"])
  }

  @Test func recentFailuresRaiseTheRisk() {
    let cards = [
      CardStanding(kanji: "紙", recall: 0.8, lapses: 1, leech: false),
      CardStanding(kanji: "紅", recall: 0.8, lapses: 1, leech: false),
    ]
    let reviews = [
      review("紅", daysAgo: 3, failed: false, nil), review("紅", daysAgo: 2, nil),
      review("紅", daysAgo: 1, nil), review("紙", daysAgo: 200, nil),
    ]
    let list = analysis.weakList(
      cards: cards, reviews: reviews, parts: Fixtures.parts, pool: [], now: Fixtures.now)
    #expect(list.kanji.map(\.kanji) == ["紅", "紙"])
    #expect(list.kanji.map(\.recentFailures) == [2, 0])
    // Out of the reviews in the window: the old one of 紙 is not among them.
    #expect(list.kanji.map(\.recentReviews) == [3, 0])
  }

  @Test func reasonsCountRepeatedMistakesMostFrequentFirst() {
    let cards = [CardStanding(kanji: "未", recall: 0.5, lapses: 3, leech: false)]
    let substitution = Fixtures.grade(
      "未", [.init(type: .character, stroke: 0, message: "", drawn: "末")])
    let reversed = Fixtures.grade("未", [.init(type: .reversed, stroke: 3, message: "")])
    let reviews = [
      review("未", daysAgo: 9, substitution), review("未", daysAgo: 5, reversed),
      review("未", daysAgo: 3, substitution), review("未", daysAgo: 1, hints: 2, nil),
    ]
    let list = analysis.weakList(
      cards: cards, reviews: reviews, parts: Fixtures.parts, pool: [], now: Fixtures.now)
    #expect(
      list.kanji[0].reasons == [
        "wrote 末 instead, twice", "draws stroke 3 of 未 backwards", "needed the answer shown",
        "needed a hint once",
      ])
  }

  @Test func onlyTheLatestReviewsGiveReasons() {
    var settings = analysis
    settings.reviewsPerKanji = 2
    let cards = [CardStanding(kanji: "右", recall: 0.5, lapses: 1, leech: false)]
    let reviews = [
      review(
        "右", daysAgo: 30, Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")])),
      review("右", daysAgo: 20, failed: false, Fixtures.grade("右", pass: true, [])),
      review("右", daysAgo: 10, Fixtures.grade("右", [.init(type: .shape, stroke: 1, message: "")])),
    ]
    let list = settings.weakList(
      cards: cards, reviews: reviews, parts: Fixtures.parts, pool: [], now: Fixtures.now)
    #expect(list.kanji[0].reasons == ["misshapes stroke 1"])
  }

  @Test func failuresAggregateByComponentAcrossKanji() {
    let cards = ["紙", "細", "紅", "右"].map {
      CardStanding(kanji: $0, recall: 0.7, lapses: 1, leech: false)
    }
    let reviews = [
      review("紙", daysAgo: 4, Fixtures.grade("紙", Fixtures.missing(1...6))),
      review("細", daysAgo: 3, Fixtures.grade("細", [.init(type: .order, stroke: 2, message: "")])),
      review(
        "細", daysAgo: 2, Fixtures.grade("細", [.init(type: .reversed, stroke: 4, message: "")])),
      review(
        "右", daysAgo: 1, Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")])),
    ]
    let list = analysis.weakList(
      cards: cards, reviews: reviews, parts: Fixtures.parts,
      pool: ["一", "紅", "紙", "細", "右"], now: Fixtures.now)
    #expect(list.components.count == 1)
    let component = try! #require(list.components.first)
    #expect(component.element == "糸")
    #expect(component.failures == 3)
    #expect(component.failedIn == ["細", "紙"])
    #expect(component.practice == ["細", "紙", "紅"])
    let kami = list.kanji.first { $0.kanji == "紙" }
    #expect(kami?.reasons == ["misses the 糸 component"])
  }

  @Test func encodesAsJSON() throws {
    let list = WeakList(
      kanji: [
        WeakKanji(
          kanji: "右", risk: 1.5, recall: 0.5, lapses: 8, leech: true, recentFailures: 1,
          reasons: ["draws stroke 3 of 右 backwards"])
      ], components: [])
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(list), as: UTF8.self)
    #expect(json.contains(#""reasons":["draws stroke 3 of 右 backwards"]"#))
    #expect(json.contains(#""leech":true"#))
  }
}

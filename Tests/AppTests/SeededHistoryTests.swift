import App
import DrawingJSON
import Foundation
import Practice
import Progress
import ProgressRecords
import StrokeMatch
import TestSupport
import Testing

/// A learner's history played through the real progress store: reviews at their due times, each
/// failure with the graded drawing a learner with that habit would make.
@Suite struct SeededHistoryTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  func json(_ grade: Grade) -> String {
    grade.jsonLine
  }

  /// The store (kept in its temporary folder as long as the value lives) and a day after the
  /// last review.
  func seededStore() throws -> (TemporaryStore, Date) {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["一", "右", "未", "紙", "細", "紅"], at: start)
    try store.addKnown(["絵"], at: start)
    let player = HistoryPlayer(store: store, start: start)
    let ends = [
      try player.play("一", Array(repeating: .good, count: 5), failingGrade: nil),
      try player.play(
        "右", HistoryPlayer.graduated(lapses: 9),
        failingGrade: json(Fixtures.grade("右", [.init(type: .reversed, stroke: 3, message: "")]))),
      try player.play(
        "未", HistoryPlayer.graduated(lapses: 2),
        failingGrade: json(
          Fixtures.grade("未", [.init(type: .character, stroke: 0, message: "", drawn: "末")]))),
      try player.play(
        "紙", HistoryPlayer.graduated(lapses: 1),
        failingGrade: json(Fixtures.grade("紙", Fixtures.missing(1...6)))),
      try player.play(
        "細", HistoryPlayer.graduated(lapses: 1),
        failingGrade: json(Fixtures.grade("細", [.init(type: .reversed, stroke: 4, message: "")]))),
      try player.play("紅", Array(repeating: .good, count: 4), failingGrade: nil),
    ]
    return (temporary, ends.max()!.addingTimeInterval(86_400))
  }

  @Test func ranksReasonsAndComponentsFromTheStore() throws {
    let (temporary, now) = try seededStore()
    let store = temporary.store
    let list = try WeakListAnalysis().weakList(store: store, now: now) { kanji in
      Fixtures.parts.filter { kanji.contains($0.key) }
    }
    let first = try #require(list.kanji.first)
    #expect(first.kanji == "右")
    #expect(first.leech)
    #expect(first.lapses == 9)
    #expect(first.reasons == ["draws stroke 3 of 右 backwards, 5 times"])
    // Then those with lapses; the two never failed are only overdue, so they come last.
    #expect(Set(list.kanji.prefix(4).map(\.kanji)) == ["右", "未", "紙", "細"])
    #expect(Set(list.kanji.dropFirst(4).map(\.kanji)) == ["一", "紅"])
    #expect(list.kanji.dropFirst(4).allSatisfy { $0.reasons.isEmpty && $0.recall < 0.9 })
    #expect(list.kanji.first { $0.kanji == "未" }?.reasons == ["wrote 末 instead, twice"])
    #expect(list.kanji.first { $0.kanji == "紙" }?.reasons == ["misses the 糸 component"])
    #expect(list.kanji.first { $0.kanji == "細" }?.reasons == ["draws stroke 4 of 細 backwards"])
    #expect(
      list.components == [
        WeakComponent(
          element: "糸", failures: 2, failedIn: ["紙", "細"], practice: ["紙", "細", "紅", "絵"])
      ])
  }
}

@Suite struct SelfTestStoreTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func aTestIsStoredWithItsScoreAndGivesReviews() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let characters = Fixtures.selfTestCharacters
    _ = try store.addCards(Array(characters.prefix(5)), at: start)
    for kanji in characters.prefix(5) {
      _ = try HistoryPlayer(store: store, start: start).play(kanji, [.good], failingGrade: nil)
    }
    try store.addKnown(Array(characters.suffix(5)), at: start)
    #expect(try SelfTestPicker().pick(store: store, seed: 3).sorted() == characters.sorted())

    // 三 drawn backwards, 四 in the wrong order (the grader passes it, the test does not).
    let grades = [
      "三": Fixtures.grade("三", [.init(type: .reversed, stroke: 2, message: "")]),
      "四": Fixtures.grade("四", pass: true, [.init(type: .order, stroke: 3, message: "")]),
    ]
    var session = SelfTestSession(
      kanji: Fixtures.selfTestKanji, judge: ScriptedJudge(grades: grades), columns: 80, rows: 30,
      now: start.addingTimeInterval(86_400))
    var saved: SelfTestOutcome?
    for number in 0..<10 {
      let time = start.addingTimeInterval(86_400 + Double(number) * 30)
      Fixtures.drawStroke(&session, at: time)
      for case .saveSelfTest(let outcome) in session.handle(.key(.enter), at: time) {
        saved = outcome
      }
    }
    try #require(saved).save(to: store)

    let stored = try #require(try store.selfTests().first)
    #expect(SelfTestScore(stored).percent == 80)
    #expect(stored.items.filter { !$0.produced }.map(\.kanji) == ["三", "四"])
    let reviews = try store.reviewLog().filter { $0.time > start.addingTimeInterval(3600) }
    #expect(reviews.count == 10)
    #expect(reviews.filter { $0.rating == .again }.map(\.kanji) == ["三", "四"])
    // The known kanji asked became cards, so the scheduler brings failures back.
    #expect(try store.cards().count == 10)
    #expect(try store.card("三")?.card.due ?? .distantFuture < start.addingTimeInterval(2 * 86_400))
    // A fresh choice prefers kanji not in this test, and there are none left: all ten again.
    #expect(try SelfTestPicker().pick(store: store, seed: 4).count == 10)
  }
}

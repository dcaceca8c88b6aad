import App
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import TerminalUI
import TestSupport
import Testing

/// The deck screen played against a scripted terminal, a real store and the real reference data.
@Suite struct DeckNavigationTests {
  let navigation = NavigationTests()

  /// 十 and 二 reviewed two months ago, so both are due now.
  func dueStore() throws -> TemporaryStore {
    let temporary = try TemporaryStore()
    let twoMonthsAgo = Date().addingTimeInterval(-60 * 86_400)
    _ = try temporary.store.addCards(["十", "二"], at: twoMonthsAgo)
    for kanji in ["十", "二"] {
      _ = try temporary.store.recordReview(
        ReviewInput(kanji: kanji, time: twoMonthsAgo, rating: .easy))
    }
    return temporary
  }

  @Test func homeDeckSearchSuspendHomeShowsTheDueCountWithoutIt() throws {
    let temporary = try dueStore()
    let context = try navigation.context(temporary)
    let terminal = ScriptedTerminal([
      navigation.when("Due now           2", navigation.keys("d")),
      navigation.when("Deck: 2 kanji", navigation.keys("/ten\n")),
      navigation.when("/ten: 1 shown", navigation.keys("s")),
      navigation.when("十 suspended", navigation.keys("q")),
      navigation.when("Due now           1", navigation.keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .home)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(try temporary.store.card("十")?.suspended == true)
    #expect(try temporary.store.sessionQueue(now: Date()).map(\.kanji) == ["二"])
  }

  @Test func theDeckAddsAListResetsAndDeletesAfterAsking() throws {
    let temporary = try dueStore()
    let context = try navigation.context(temporary)
    let terminal = ScriptedTerminal([
      navigation.when("Due now", navigation.keys("d")),
      navigation.when("Deck: 2 kanji", navigation.keys("a三x\n")),
      navigation.when(
        "Added 1 kanji from 三x; skipped x: not in the reference database.",
        navigation.keys("r")),
      navigation.when("Reset 十 to new?", navigation.keys("y")),
      navigation.when("十 reset to new; its 1 log entry stays.", navigation.keys("jx")),
      navigation.when("Delete 二 and its review log? y/n", navigation.keys("y")),
      navigation.when("二 deleted, with its 1 log entry.", navigation.keys("ajlpt:N9\n")),
      navigation.when("Nothing changed:", navigation.keys("q")),
      navigation.when("Due now", navigation.keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .home)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    let store = temporary.store
    #expect(try store.cards().map(\.kanji) == ["十", "三"])
    #expect(try store.card("十")?.state == .new)
    #expect(try store.reviewLog().map(\.kanji) == ["十"])
    #expect(try store.check().isHealthy)
  }

  /// 十 failed yesterday, drawn with its second stroke backwards.
  func failedStore() throws -> TemporaryStore {
    let temporary = try dueStore()
    _ = try temporary.store.recordReview(
      ReviewInput(
        kanji: "十", time: Date().addingTimeInterval(-86_400), rating: .again,
        drawingJSON:
          #"{"canvas":{"cellAspect":2,"columns":20,"rows":10},"strokes":[[[2,5],[18,5]],[[10,9],[10,1]]]}"#,
        gradeJSON: """
          {"kanji":"十","pass":false,"score":0.5,"errors":[{"type":"reversed","stroke":2,\
          "message":"stroke 2 drawn backwards"}],"strokes":[{"stroke":1,"drawn":1,"verdict":"ok"},\
          {"stroke":2,"drawn":2,"verdict":"reversed"}]}
          """))
    return temporary
  }

  @Test func enterOnTheDeckOpensTheKanjisPageWithItsHistoryAndQGoesBackToTheDeck() throws {
    let temporary = try failedStore()
    let context = try navigation.context(temporary)
    let terminal = ScriptedTerminal([
      navigation.when("Due now", navigation.keys("d")),
      navigation.when("Deck: 2 kanji", navigation.keys("/ten\n")),
      navigation.when("/ten: 1 shown", [.key(.enter)]),
      navigation.when("Again  draws stroke 2 of 十 backwards", navigation.keys("q")),
      // Back on the deck as it was left: the search still on.
      navigation.when("/ten: 1 shown", [.key(.escape), .key(.character("q"))]),
      navigation.when("Due now", navigation.keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .home)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    let page = try #require(terminal.shown.first { $0.text.contains("Kanji 十") })
    #expect(page.text.contains("History, latest first (2 entries):"))
    #expect(page.text.contains("Meanings: ten"))
    #expect(page.canvases.map(\.title) == ["yours", "十"])
  }

  @Test func aDigitOnTheWeakListOpensThatKanjisPageAndQGoesBackToTheList() throws {
    let temporary = try failedStore()
    let context = try navigation.context(temporary)
    let terminal = ScriptedTerminal([
      navigation.when("Due now", navigation.keys("w")),
      navigation.when("1. 十", navigation.keys("1")),
      navigation.when("Kanji 十", navigation.keys("q")),
      navigation.when("1-", navigation.keys("q")),
      navigation.when("Due now", navigation.keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .home)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
  }
}

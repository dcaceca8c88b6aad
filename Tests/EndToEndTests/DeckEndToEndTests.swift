import Foundation
import TestSupport
import Testing

/// The deck screen in the real binary, from the home screen.
@Suite(.timeLimit(.minutes(1))) struct DeckEndToEndTests {
  @Test func homeDeckSearchSuspendAddAList() throws {
    let now = Date().iso8601
    // Both reviewed just now: nothing is due, so the app opens on the home screen, and two of
    // the ten new kanji a day are used.
    let app = try AppUnderTest(
      [],
      before: [
        ["add", "十二"], ["review", "--kanji", "十", "--rating", "easy", "--at", now],
        ["review", "--kanji", "二", "--rating", "easy", "--at", now],
      ])
    _ = try app.tmux.waitForText("Reviewed today    2")
    try app.tmux.type("d")
    var deck = try app.tmux.waitForText("Deck: 2 kanji").joined(separator: "\n")
    #expect(deck.contains("> 十  review      in "))
    #expect(
      deck.contains("j/k move  Enter page  / search  s suspend  r reset  x delete  a add  q back"))

    try app.tmux.type("/two")
    _ = try app.tmux.waitForText("/two: 1 shown")
    try app.tmux.key("Enter")
    try app.tmux.type("s")
    deck = try app.tmux.waitForText("二 suspended").joined(separator: "\n")
    #expect(deck.contains("> 二  review"))
    #expect(deck.contains("suspended"))

    try app.tmux.key("Escape")
    _ = try app.tmux.waitForText("Deck: 2 kanji\n")
    try app.tmux.type("ajlpt:N5")
    _ = try app.tmux.waitForText("Add: jlpt:N5_")
    try app.tmux.key("Enter")
    deck = try app.tmux.waitForText("kanji from jlpt:N5, 2 already in the deck.")
      .joined(separator: "\n")
    #expect(deck.contains("Deck: 103 kanji"))

    try app.tmux.type("q")
    let home = try app.tmux.waitForText("Reviewed today").joined(separator: "\n")
    #expect(home.contains("New kanji today   8"))
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)

    let export = try app.run(["export", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any]
    let cards = try #require(object?["cards"] as? [[String: Any]])
    #expect(cards.count == 103)
    let suspended = cards.filter { $0["suspended"] as? Bool == true }.compactMap { $0["kanji"] }
    #expect(suspended as? [String] == ["二"])
  }
}

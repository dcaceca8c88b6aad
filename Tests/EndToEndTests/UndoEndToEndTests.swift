import Foundation
import Testing

/// `U` in the real app: the answer leaves the log, the card is as it was, and it is asked again.
@Suite(.timeLimit(.minutes(1))) struct UndoEndToEndTests {
  /// The stored state of `kanji`'s card, as `export` prints it.
  func card(_ kanji: String, in store: StoreFile) throws -> NSDictionary? {
    let result = try store.run(["export", "--format", "json"])
    let backup = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let cards = backup?["cards"] as? [[String: Any]] ?? []
    return (cards.first { $0["kanji"] as? String == kanji }?["card"] as? [String: Any])
      .map { NSDictionary(dictionary: $0) }
  }

  @Test func anAnswerTakenBackLeavesTheLogAndTheCardAsTheyWere() throws {
    let app = try AppUnderTest([], before: SharedStoreEndToEndTests.setUp())
    let store = StoreFile(home: app.home)
    let order = try store.dueOrder()
    let first = order[0]
    let before = try card(first, in: store)
    let reviewsBefore = try store.reviewCount()
    try app.tmux.waitForMouseMode()
    _ = try app.tmux.waitForText("1 of 4 · review")
    try app.draw(first)
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("2 of 4")
    #expect(try store.reviewCount() == reviewsBefore + 1)
    #expect(try card(first, in: store) != before)

    try app.tmux.type("U")
    let screen = try app.tmux.waitForText("Took back your").joined(separator: "\n")
    #expect(screen.contains("1 of 4 · review"))
    #expect(screen.contains("for \(first): write it again."))
    #expect(try store.reviewCount() == reviewsBefore)
    #expect(try card(first, in: store) == before)

    try app.draw(first)
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("2 of 4")
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Session stopped")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try store.reviewCount() == reviewsBefore + 1)
    #expect(try store.run(["check"]).status == 0)
  }
}

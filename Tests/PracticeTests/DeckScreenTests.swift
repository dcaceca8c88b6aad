import Foundation
import Practice
import ProgressRecords
import Scheduler
import TestSupport
import Testing

@Suite struct DeckScreenTests {
  let now = Fixtures.now

  func item(
    _ kanji: String, _ card: Card = Card(), suspended: Bool = false, grade json: String? = nil,
    meanings: [String] = [], readings: [String] = [], jlpt: Int? = nil, schoolGrade: Int? = nil
  ) -> DeckItem {
    DeckItem(
      card: DeckCard(
        snapshot: CardSnapshot(
          kanji: kanji, card: card, addedAt: now, flaggedLeech: false, suspended: suspended),
        lastGradeJSON: json),
      meanings: meanings, readings: readings, jlpt: jlpt, grade: schoolGrade)
  }

  static let failed = """
    {"kanji":"右","pass":false,"score":0.4,"strokes":[],"errors":[\
    {"type":"missing","stroke":3,"message":"m"},{"type":"missing","stroke":5,"message":"m"},\
    {"type":"reversed","stroke":2,"message":"r"}]}
    """

  var items: [DeckItem] {
    [
      item(
        "学",
        Card(
          state: .review, memory: MemoryState(stability: 12.4, difficulty: 5), due: now + 3 * 86400,
          reps: 6, lapses: 1),
        grade: #"{"kanji":"学","pass":true,"score":0.9,"errors":[],"strokes":[]}"#,
        meanings: ["study", "learning", "science"], readings: ["ガク", "まな.ぶ"], jlpt: 5,
        schoolGrade: 1),
      item(
        "右",
        Card(
          state: .relearning, memory: MemoryState(stability: 0.6, difficulty: 9), due: now - 60,
          reps: 20, lapses: 9, isLeech: true), grade: Self.failed,
        meanings: ["right"], readings: ["ウ", "ユウ", "みぎ"], jlpt: 5, schoolGrade: 1),
      item("校", meanings: ["school", "exam"], readings: ["コウ", "キョウ"], jlpt: 5, schoolGrade: 1),
      item(
        "議",
        Card(
          state: .review, memory: MemoryState(stability: 40, difficulty: 4), due: now + 86400 * 30),
        suspended: true, meanings: ["deliberation"], readings: ["ギ"], jlpt: 3, schoolGrade: 4),
    ]
  }

  func texts(_ deck: DeckScreen) -> [String] { deck.screen.texts.map(\.text) }

  @Test func listsEachCardWithItsStateDueStabilityLapsesAndNotes() {
    let deck = DeckScreen(items: items, now: now)
    let lines = texts(deck)
    #expect(lines[0] == "Deck: 4 kanji")
    #expect(lines[1] == "    state       due          stab.   lapses notes")
    #expect(lines[2] == "> 学  review      in 3 days    12 d    1      last: right")
    #expect(
      lines[3]
        == "  右  relearning  now          1 d     9      leech: 9 lapses; last: missing 3,5, reversed 2"
    )
    #expect(lines[4] == "  校  new         -            -       0")
    #expect(lines[5] == "  議  review      in 30 days   40 d    0      suspended")
    #expect(
      lines.last == "j/k move  Enter page  / search  s suspend  r reset  x delete  a add  q back")
    #expect(deck.screen.texts[2].style == .accent)
  }

  @Test func searchesByKanjiMeaningReadingLevelAndGrade() {
    func found(_ query: String) -> [String] {
      var deck = DeckScreen(items: items, now: now)
      _ = deck.handle(.key(.character("/")), at: now)
      for character in query { _ = deck.handle(.key(.character(character)), at: now) }
      #expect(deck.mode == .searching)
      _ = deck.handle(.key(.enter), at: now)
      #expect(deck.mode == .browsing && deck.filter == query)
      return deck.shown.map(\.kanji)
    }
    #expect(found("学") == ["学"])
    #expect(found("右学") == ["学", "右"])
    #expect(found("school") == ["校"])
    #expect(found("RIGHT") == ["右"])
    #expect(found("がく") == ["学"])
    #expect(found("まなぶ") == ["学"])
    #expect(found("コウ") == ["校"])
    #expect(found("jlpt:N3") == ["議"])
    #expect(found("jlpt:n5") == ["学", "右", "校"])
    #expect(found("grade:4") == ["議"])
    #expect(found("grade:2") == [])
  }

  @Test func theSearchNarrowsAsItIsTypedAndEscClearsIt() {
    var deck = DeckScreen(items: items, now: now)
    _ = deck.handle(.key(.character("/")), at: now)
    _ = deck.handle(.key(.character("s")), at: now)
    #expect(deck.shown.map(\.kanji) == ["学", "校"])
    #expect(texts(deck)[0] == "Deck: 4 kanji  ·  /s: 2 shown")
    #expect(texts(deck).contains { $0.hasPrefix("/s_") })
    _ = deck.handle(.key(.character("c")), at: now)
    #expect(deck.shown.map(\.kanji) == ["学", "校"])
    _ = deck.handle(.key(.character("h")), at: now)
    #expect(deck.shown.map(\.kanji) == ["校"])
    _ = deck.handle(.key(.backspace), at: now)
    _ = deck.handle(.key(.character("x")), at: now)
    #expect(texts(deck).contains("No card matches /scx."))
    _ = deck.handle(.key(.escape), at: now)
    #expect(deck.filter.isEmpty && deck.shown.count == 4 && deck.mode == .browsing)
    // Keys typed into the search are not commands.
    _ = deck.handle(.key(.character("/")), at: now)
    #expect(deck.handle(.key(.character("q")), at: now) == [])
    #expect(deck.handle(.key(.enter), at: now) == [])
    #expect(deck.handle(.key(.escape), at: now) == [])
    #expect(deck.handle(.key(.character("q")), at: now) == [.close])
  }

  @Test func sSuspendsOrUnsuspendsTheSelectedCard() {
    var deck = DeckScreen(items: items, now: now)
    #expect(deck.handle(.key(.character("s")), at: now) == [.changeDeck(.suspend("学"))])
    _ = deck.handle(.key(.character("/")), at: now)
    for character in "jlpt:n3" { _ = deck.handle(.key(.character(character)), at: now) }
    _ = deck.handle(.key(.enter), at: now)
    #expect(deck.selectedItem?.kanji == "議")
    #expect(deck.handle(.key(.character("s")), at: now) == [.changeDeck(.unsuspend("議"))])
    var changed = items
    changed[3].card.snapshot.suspended = false
    _ = deck.handle(.deckChanged(changed, message: "議 unsuspended."), at: now)
    #expect(deck.selectedItem?.kanji == "議")
    #expect(texts(deck).contains("議 unsuspended."))
    #expect(deck.screen.texts.contains { $0.row == 22 && $0.text == "議 unsuspended." })
  }

  @Test func resetAndDeleteAskFirst() {
    var deck = DeckScreen(items: items, now: now)
    _ = deck.handle(.key(.character("j")), at: now)
    #expect(deck.handle(.key(.character("r")), at: now) == [])
    #expect(
      texts(deck).contains(
        "Reset 右 to new? Its memory is cleared; its reviews stay in the log. y/n"))
    #expect(deck.handle(.key(.character("n")), at: now) == [])
    #expect(texts(deck).contains("Nothing changed."))
    _ = deck.handle(.key(.character("r")), at: now)
    #expect(deck.handle(.key(.character("y")), at: now) == [.changeDeck(.reset("右"))])
    #expect(deck.handle(.key(.character("x")), at: now) == [])
    #expect(texts(deck).contains("Delete 右 and its review log? y/n"))
    #expect(deck.handle(.key(.escape), at: now) == [])
    #expect(deck.mode == .browsing)
    _ = deck.handle(.key(.character("x")), at: now)
    #expect(deck.handle(.key(.character("y")), at: now) == [.changeDeck(.delete("右"))])
    // The deck comes back without it; the selection stays in place.
    _ = deck.handle(
      .deckChanged(
        items.filter { $0.kanji != "右" }, message: "右 deleted, with its 20 log entries."),
      at: now)
    #expect(deck.selectedItem?.kanji == "校")
    #expect(texts(deck).contains("右 deleted, with its 20 log entries."))
  }

  @Test func aAddsAListAndAFailureIsShown() {
    var deck = DeckScreen(items: [], now: now)
    #expect(
      texts(deck).contains(
        "The deck is empty: a adds a list (jlpt:N5, grade:1, freq:100, file:PATH or kanji)."))
    #expect(deck.handle(.key(.character("s")), at: now) == [])
    #expect(texts(deck).contains("No card selected."))
    _ = deck.handle(.key(.character("a")), at: now)
    for character in "jlpt:N6" { _ = deck.handle(.key(.character(character)), at: now) }
    #expect(texts(deck).contains { $0.hasPrefix("Add: jlpt:N6_") })
    #expect(deck.handle(.key(.enter), at: now) == [.changeDeck(.add("jlpt:N6"))])
    _ = deck.handle(.deckChangeFailed("Nothing changed: no such level"), at: now)
    #expect(texts(deck).contains("Nothing changed: no such level"))
    _ = deck.handle(.key(.character("a")), at: now)
    #expect(deck.handle(.key(.enter), at: now) == [])
    #expect(deck.mode == .browsing)
  }

  @Test func scrollsToKeepTheSelectionOnScreen() {
    let many = (0..<50).map { item(String(UnicodeScalar(0x4E00 + $0)!)) }
    var deck = DeckScreen(items: many, now: now, columns: 80, rows: 24)
    for _ in 0..<25 { _ = deck.handle(.key(.character("j")), at: now) }
    #expect(deck.selected == 25 && deck.top == 6)
    #expect(deck.screen.texts.contains { $0.text.hasPrefix("> \(many[25].kanji)") })
    _ = deck.handle(.key(.character(" ")), at: now)
    #expect(deck.selected == 45)
    _ = deck.handle(.key(.backspace), at: now)
    #expect(deck.selected == 25)
    #expect(deck.handle(.key(.interrupt), at: now) == [.quit])
  }
}

import Foundation
import KanjiData
import Practice
import ProgressRecords
import Scheduler
import TestSupport
import Testing

@Suite struct KanjiPageTests {
  let now = Fixtures.now
  let utc = TimeZone(identifier: "UTC")!

  /// 十 drawn on a 20x10 canvas: the horizontal stroke right, the vertical one backwards.
  static let backwardsDrawing =
    #"{"canvas":{"cellAspect":2,"columns":20,"rows":10},"strokes":[[[2,5],[18,5]],[[10,9],[10,1]]]}"#
  static let backwardsGrade = """
    {"kanji":"十","pass":false,"score":0.5,"errors":[{"type":"reversed","stroke":2,\
    "message":"stroke 2 drawn backwards"}],"strokes":[{"stroke":1,"drawn":1,"verdict":"ok"},\
    {"stroke":2,"drawn":2,"verdict":"reversed"}]}
    """
  static let rightGrade = """
    {"kanji":"十","pass":true,"score":0.9,"errors":[],"strokes":[\
    {"stroke":1,"drawn":1,"verdict":"ok"},{"stroke":2,"drawn":2,"verdict":"ok"}]}
    """

  func entry(
    _ id: Int64, daysAgo: Double, _ rating: Rating?, drawing: String? = nil, grade: String? = nil,
    hints: Int = 0
  ) -> ReviewLogEntry {
    ReviewLogEntry(
      id: id, time: now - daysAgo * 86_400, kanji: "十", kind: rating == nil ? .study : .review,
      rating: rating, proposedRating: rating, durationMs: 4000, hintsUsed: hints,
      drawingJSON: drawing, gradeJSON: grade, stateBefore: .learning, elapsedDays: 0,
      stateAfter: .review, stability: 3, difficulty: 5, intervalDays: 3, due: nil, model: "fsrs-6")
  }

  var card: CardSnapshot {
    CardSnapshot(
      kanji: "十",
      card: Card(
        state: .review, memory: MemoryState(stability: 12.4, difficulty: 5),
        due: now + 3 * 86_400, reps: 3, lapses: 1),
      addedAt: now - 30 * 86_400, flaggedLeech: false, suspended: true)
  }

  func page(_ log: [ReviewLogEntry]) -> KanjiPage {
    KanjiPage(character: "十", kanji: ten, card: card, log: log, now: now, timeZone: utc)
  }

  func texts(_ page: KanjiPage) -> [String] { page.screen.texts.map(\.text) }

  @Test func aWordCardsPageShowsTheWordAndEachKanjisVerdict() {
    var review = entry(1, daysAgo: 2, .again)
    review.kanji = "word:十十"
    review.gradeJSON =
      #"{"word":"十十","parts":[{"kanji":"十","rating":3,"hints":0,"grade":"#
      + Self.rightGrade + #"},{"kanji":"十","rating":1,"hints":0,"grade":"# + Self.backwardsGrade
      + "}]}"
    var page = KanjiPage(
      character: "word:十十", kanji: nil, card: nil, log: [review], now: now, timeZone: utc)
    page.word = Word(
      written: "十十", readings: ["とおとお"], meanings: ["ten by ten"], rank: 1, kanji: ["十"])
    let lines = texts(page)
    #expect(lines[0] == "Word 十十")
    #expect(lines[1] == "Reading: とおとお  ·  ten by ten")
    #expect(
      page.historyLines == ["2026-09-19 14:13  Again  十 right; 十 draws stroke 2 of 十 backwards"])
  }

  @Test func showsTheKanjiItsCardAndItsHistoryLatestFirstWithTheErrorsNamed() {
    let page = page([
      entry(1, daysAgo: 10, nil),
      entry(2, daysAgo: 9, .again, drawing: Self.backwardsDrawing, grade: Self.backwardsGrade),
      entry(3, daysAgo: 5, .good, drawing: Self.backwardsDrawing, grade: Self.rightGrade, hints: 1),
    ])
    let lines = texts(page)
    #expect(lines[0] == "Kanji 十")
    #expect(lines[1] == "Meanings: ten")
    #expect(lines[2] == "Readings: ジュウ  ·  とお")
    #expect(lines[3] == "State: review · due in 3 days · stability 12 d · 1 lapse · suspended")
    #expect(lines[4] == "Components: none named")
    #expect(
      page.historyLines == [
        "2026-09-16 14:13  Good   right, 1 hint",
        "2026-09-12 14:13  Again  draws stroke 2 of 十 backwards",
        "2026-09-11 14:13  studied",
      ])
    #expect(lines.contains("History, latest first (3 entries):"))
    #expect(lines.contains("2026-09-11 14:13  studied"))
  }

  @Test func drawsTheLastFailedInkBesideTheReferenceColouredByVerdict() throws {
    let page = page([
      entry(1, daysAgo: 9, .again, drawing: Self.backwardsDrawing, grade: Self.backwardsGrade),
      entry(2, daysAgo: 5, .good, drawing: Self.backwardsDrawing, grade: Self.rightGrade),
    ])
    let screen = page.screen
    #expect(screen.canvases.map(\.title) == ["yours", "十"])
    let ink = try #require(screen.canvases.first)
    #expect(ink.strokes.map(\.style) == [.ok, .reversed])
    #expect(ink.strokes[1].points.first == UnitPoint(x: 0.5, y: 0.9))
    #expect(screen.canvases[1].marks.map(\.text) == ["1", "2"])
    #expect(texts(page).contains("Failed 2026-09-12:"))
    #expect(texts(page).contains("draws stroke 2 of 十 backwards"))
  }

  @Test func hasNoInkPanelWithoutAFailedDrawing() {
    let passed = page([
      entry(1, daysAgo: 5, .good, drawing: Self.backwardsDrawing, grade: Self.rightGrade),
      // Failed without a drawing ("I can't"): nothing to show.
      entry(2, daysAgo: 1, .again),
    ])
    #expect(passed.screen.canvases.isEmpty)
    #expect(passed.historyLines.first == "2026-09-20 14:13  Again  no drawing")
    let empty = page([])
    #expect(empty.screen.canvases.isEmpty)
    #expect(texts(empty).contains("No reviews yet."))
  }

  @Test func scrollsTheHistoryAndGoesBack() {
    var page = page(
      (0..<40).map { entry(Int64($0), daysAgo: Double(40 - $0), .good, grade: Self.rightGrade) })
    let first = page.historyLines[0]
    #expect(texts(page).contains(first))
    _ = page.handle(.key(.character(" ")), at: now)
    #expect(!texts(page).contains(first))
    _ = page.handle(.key(.character("k")), at: now)
    #expect(page.top > 0)
    #expect(page.handle(.key(.character("q")), at: now) == [.close])
    #expect(page.handle(.key(.escape), at: now) == [.close])
  }

  @Test func theDeckOpensTheSelectedKanjisPageOnEnter() {
    let item = DeckItem(
      card: DeckCard(snapshot: card, lastGradeJSON: nil), meanings: ["ten"], readings: [],
      jlpt: 5, grade: 1)
    var deck = DeckScreen(items: [item], now: now)
    #expect(deck.handle(.key(.enter), at: now) == [.openKanji("十")])
    var empty = DeckScreen(items: [], now: now)
    #expect(empty.handle(.key(.enter), at: now).isEmpty)
  }

  @Test func aTextPageOpensItsNumberedEntriesByDigit() {
    var page = TextPage(title: "Weak kanji", lines: ["a", "b"], numbered: 2)
    #expect(page.handle(.key(.character("2")), at: now) == [.action("2")])
    #expect(page.handle(.key(.character("3")), at: now).isEmpty)
    #expect(page.keys.items.map(\.key).contains("1-2"))
    var plain = TextPage(title: "Progress", lines: ["a"])
    #expect(plain.handle(.key(.character("1")), at: now).isEmpty)
  }
}

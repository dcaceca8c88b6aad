import Practice
import TestSupport
import Testing

@Suite struct TextPageTests {
  let lines = (1...40).map { "line \($0)" }

  func page() -> TextPage {
    TextPage(
      title: "Weak kanji", lines: lines, actions: [.init(key: "s", label: "practise them")],
      columns: 80, rows: 24)
  }

  @Test func showsTheLinesThatFitWithTheKeys() {
    let screen = page().screen
    #expect(screen.texts.first?.text == "Weak kanji")
    #expect(screen.texts.map(\.text).contains("line 21"))
    #expect(!screen.texts.map(\.text).contains("line 22"))
    #expect(screen.texts.last?.text == "j/k or space scroll  s practise them  q back")
  }

  @Test func scrollsWithinTheText() {
    var page = page()
    #expect(page.handle(.key(.character(" ")), at: Fixtures.now) == [])
    #expect(page.top == 19)
    #expect(page.handle(.key(.character("j")), at: Fixtures.now) == [])
    #expect(page.top == 19)
    _ = page.handle(.key(.character("k")), at: Fixtures.now)
    #expect(page.top == 18)
    _ = page.handle(.key(.backspace), at: Fixtures.now)
    #expect(page.top == 0)
  }

  /// A line wider than the terminal is broken at spaces, the rest indented under it; wide
  /// characters count two columns; a resize fits the lines again.
  @Test func longLinesAreBrokenAtSpacesToTheWidth() {
    let long = "  Writing recall: 20 of 30 written completely (67%), over your last 3 self-tests."
    let kanji = "  一二三四五六七八九十 日月火水木金土 山川田人口目耳手"
    var page = TextPage(title: "Progress", lines: ["short", long, kanji], columns: 40, rows: 24)
    #expect(
      page.shown == [
        "short",
        "  Writing recall: 20 of 30 written",
        "    completely (67%), over your last 3",
        "    self-tests.",
        "  一二三四五六七八九十 日月火水木金土",
        "    山川田人口目耳手",
      ])
    #expect(page.shown.allSatisfy { DisplayWidth.of($0) <= 40 })
    _ = page.handle(.resize(columns: 100, rows: 24), at: Fixtures.now)
    #expect(page.shown == ["short", long, kanji])
    #expect(page.screen.texts.map(\.text).contains(long))
  }

  @Test func scrollingCountsTheBrokenLines() {
    let words = Array(repeating: "word", count: 30).joined(separator: " ")
    var page = TextPage(
      title: "Page", lines: Array(repeating: words, count: 10), columns: 40, rows: 24)
    // Eight words on the first line of each, seven on the next four (indented two).
    #expect(page.shown.count == 50)
    for _ in 0..<3 { _ = page.handle(.key(.character(" ")), at: Fixtures.now) }
    // The last 20 lines fill the body (40 columns put the keys on two rows).
    #expect(page.top == 50 - 20)
  }

  @Test func closesOrActs() {
    var page = page()
    #expect(page.handle(.key(.character("s")), at: Fixtures.now) == [.action("s")])
    #expect(page.handle(.key(.character("x")), at: Fixtures.now) == [])
    #expect(page.handle(.key(.character("q")), at: Fixtures.now) == [.close])
    #expect(page.handle(.key(.enter), at: Fixtures.now) == [.close])
  }
}

@Suite struct AppDestinationTests {
  @Test func theSummaryOpensTheOtherScreens() {
    var session = Session(
      cards: [], settings: PracticeSettings(), judge: ScriptedJudge(grades: [:]), columns: 80,
      rows: 30, now: Fixtures.now)
    #expect(
      session.screen.texts.last?.text
        == "t self-test  w weak kanji  p progress  d deck  o settings  Enter or q quit")
    #expect(session.handle(.key(.character("w")), at: Fixtures.now) == [.open(.weakList)])
    #expect(session.handle(.key(.character("t")), at: Fixtures.now) == [.open(.selfTest)])
    #expect(session.handle(.key(.character("z")), at: Fixtures.now).isEmpty)
    #expect(session.handle(.key(.character("q")), at: Fixtures.now) == [.close])
  }
}

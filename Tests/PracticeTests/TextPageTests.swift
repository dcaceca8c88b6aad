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

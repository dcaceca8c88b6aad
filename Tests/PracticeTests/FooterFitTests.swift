import Foundation
import KanjiData
import ProgressRecords
import TestSupport
import Testing

@testable import Practice

/// Every screen's key line and status line fit the terminal at the minimum size and at 80 x 24:
/// each key of the footer is shown in full, with its label or its short form, and no footer
/// text runs past the right edge.
@Suite struct FooterFitTests {
  static let sizes = [(Layout.minimumColumns, Layout.minimumRows), (80, 24)]

  /// A status with kanji is broken by columns, not characters: each kanji takes two.
  @Test func wrappingCountsAKanjiAsTwoColumns() {
    let status = "Again: 強: leaves out strokes 9, 10 and 11; 勉: right"
    let lines = Layout.wrap(status, width: 20)
    #expect(lines == ["Again: 強: leaves", "out strokes 9, 10", "and 11; 勉: right"])
    #expect(Layout.wrap("一二三四五六七八九十", width: 8) == ["一二三四", "五六七八", "九十"])
  }

  func expectFits(
    _ screen: Screen, _ keys: KeyLine, _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let footer = screen.texts.filter {
      $0.row >= Layout(columns: screen.columns, rows: screen.rows).statusRow
    }
    for text in footer {
      #expect(
        text.column + DisplayWidth.of(text.text) <= screen.columns,
        "\(name) at \(screen.columns)x\(screen.rows): \"\(text.text)\" is cut",
        sourceLocation: sourceLocation)
    }
    let keyLines = footer.filter { $0.style == .key }.map(\.text)
    #expect(!keyLines.isEmpty, "\(name): no key line", sourceLocation: sourceLocation)
    for item in keys.items {
      let shown = keyLines.contains { line in
        [item.label, item.short].contains { label in
          label.isEmpty ? line.contains(item.key) : line.contains("\(item.key) \(label)")
        }
      }
      #expect(
        shown, "\(name) at \(screen.columns)x\(screen.rows): \(item.key) missing in \(keyLines)",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: sizes) func everySessionPhase(columns: Int, rows: Int) {
    var setup = Learner(cards: [], deckIsEmpty: true)
    setup.send(.resize(columns: columns, rows: rows))
    expectFits(setup.session.screen, Session.setupKeys, "setup")
    setup.press("7")
    expectFits(setup.session.screen, Session.setupTypingKeys, "setup typing")

    var learner = Learner(cards: [SessionCard(kanji: ten, isNew: true)])
    learner.send(.resize(columns: columns, rows: rows))
    expectFits(learner.session.screen, Session.studyKeys, "study")
    learner.send(.key(.enter))
    expectFits(learner.session.screen, Session.promptKeys, "prompt")
    learner.press("h")
    expectFits(learner.session.screen, Session.promptKeys, "prompt with a hint")
    learner.press("s")
    expectFits(learner.session.screen, Session.feedbackKeys, "feedback")
    learner.send(.key(.enter))
    expectFits(learner.session.screen, Session.rewriteKeys, "rewrite")
    learner.send(.key(.escape))
    #expect(learner.session.phase == .summary)
    expectFits(learner.session.screen, learner.session.summaryKeys, "summary")
    learner.session.returnsHome = true
    expectFits(learner.session.screen, learner.session.summaryKeys, "summary, home")
    learner.session.offersMore = true
    expectFits(learner.session.screen, learner.session.summaryKeys, "summary offering more")

    var stopped = Learner(cards: [SessionCard(kanji: ten, isNew: false)])
    stopped.send(.resize(columns: columns, rows: rows))
    stopped.press("q")
    expectFits(stopped.session.screen, stopped.session.summaryKeys, "stopped summary")

    let twelve = WordCard(
      word: Word(
        written: "十二", readings: ["じゅうに"], meanings: ["twelve"], rank: 1, kanji: ["十", "二"]),
      characters: [ten, two])
    var word = Learner(cards: [SessionCard(word: twelve, state: .review)])
    word.send(.resize(columns: columns, rows: rows))
    expectFits(word.session.screen, Session.wordPromptKeys, "a word's first kanji")
    word.draw(ten)
    word.send(.key(.enter))
    expectFits(word.session.screen, Session.promptKeys, "a word's last kanji")
    word.press("s")
    expectFits(word.session.screen, Session.feedbackKeys, "a word's feedback")
  }

  @Test(arguments: sizes) func theSelfTest(columns: Int, rows: Int) {
    var test = SelfTestSession(
      kanji: Fixtures.selfTestKanji, judge: ScriptedJudge(grades: [:]), columns: columns,
      rows: rows, now: Fixtures.now)
    expectFits(test.screen, SelfTestSession.askKeys, "self-test")
    for _ in 0..<10 { _ = test.handle(.key(.character("x")), at: Fixtures.now) }
    expectFits(test.screen, SelfTestSession.resultKeys, "self-test results")
  }

  @Test(arguments: sizes) func theHomeScreenTextPagesAndSettings(columns: Int, rows: Int) {
    for due in [0, 3] {
      let home = HomeMenu(
        figures: HomeFigures(
          dueNow: due, newAvailable: due, reviewedToday: 1, streak: 1, nextReview: nil),
        now: Fixtures.now, columns: columns, rows: rows)
      expectFits(home.screen, home.keys, "home")
      // What the screen says when nothing is due wraps rather than running off the edge.
      let notice = home.screen.texts.filter { $0.style == .accent }
      #expect(notice.allSatisfy { $0.column + DisplayWidth.of($0.text) <= columns })
      #expect(due > 0 || notice.map(\.text).joined(separator: " ") == home.nothingToStudy)
    }
    let page = TextPage(
      title: "Weak kanji", lines: (1...60).map { "line \($0)" },
      actions: [TextPage.Action(key: "s", label: "practise them")], columns: columns, rows: rows)
    expectFits(page.screen, page.keys, "text page")
    var settings = SettingsScreen(
      items: [SettingItem(key: "new_per_day", help: "new kanji", kind: .typed, value: "10")],
      columns: columns, rows: rows)
    expectFits(settings.screen, SettingsScreen.chooseKeys, "settings")
    _ = settings.handle(.key(.enter), at: Fixtures.now)
    expectFits(settings.screen, SettingsScreen.typeKeys, "settings, typing")
  }

  @Test func aKeyLineWrapsBetweenKeysNeverInsideOne() {
    let lines = Session.promptKeys.lines(width: 34, rows: 2)
    #expect(lines == ["Enter check  u undo  c clear", "h hint  s show  ? help  q quit"])
    #expect(
      Session.promptKeys.lines(width: 80, rows: 1) == [
        "Enter check  u undo  c clear  h hint  s show answer  ? help  q save & quit"
      ])
  }
}

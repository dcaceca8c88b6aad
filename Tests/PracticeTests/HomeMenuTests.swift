import Foundation
import Practice
import TestSupport
import Testing

@Suite struct HomeMenuTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  func menu(due: Int, new: Int, next: TimeInterval? = nil) -> HomeMenu {
    HomeMenu(
      figures: HomeFigures(
        dueNow: due, newAvailable: new, reviewedToday: 7, streak: 3,
        nextReview: next.map { now.addingTimeInterval($0) }),
      now: now)
  }

  func texts(_ menu: HomeMenu) -> [String] { menu.screen.texts.map(\.text) }

  @Test func showsTodaysFiguresAndOffersStudyWhenSomethingIsDue() {
    var home = menu(due: 4, new: 2)
    let lines = texts(home)
    #expect(lines.first == "Kanji Write")
    #expect(lines.contains("Due now           4"))
    #expect(lines.contains("New kanji today   2"))
    #expect(lines.contains("Reviewed today    7"))
    #expect(lines.contains("Streak            3 days"))
    #expect(!lines.contains { $0.hasPrefix("Next review") })
    #expect(home.items.map(\.keys) == ["Enter s", "t", "w", "p", "d", "o", "?", "q"])
    #expect(lines.contains("Enter s  study now: 4 due, 2 new"))
    #expect(
      lines.last == "Enter study  t test  w weak  p progress  d deck  o settings  ? help  q quit")
    #expect(home.handle(.key(.enter), at: now) == [.study])
    #expect(home.handle(.key(.character("s")), at: now) == [.study])
  }

  @Test func newKanjiAloneAreEnoughToStudy() {
    var home = menu(due: 0, new: 5, next: 2 * 86_400)
    #expect(home.canStudy)
    #expect(texts(home).contains("Next review       in 2 days"))
    #expect(home.handle(.key(.enter), at: now) == [.study])
  }

  @Test func withNothingDueItSaysWhenTheNextReviewIs() {
    var home = menu(due: 0, new: 0, next: 3 * 3600 + 60)
    #expect(!home.canStudy)
    #expect(home.items.map(\.keys) == ["t", "w", "p", "d", "o", "?", "q"])
    let lines = texts(home)
    #expect(lines.contains("Next review       in 3 h"))
    #expect(lines.contains("Nothing to study now; the next review is in 3 h."))
    #expect(
      lines.last == "t self-test  w weak kanji  p progress  d deck  o settings  ? help  q quit")
    #expect(home.handle(.key(.enter), at: now) == [])
    #expect(home.handle(.key(.character("s")), at: now) == [])
    #expect(home.message == "Nothing to study now; the next review is in 3 h.")
    #expect(home.screen.texts.contains { $0.row == 22 && $0.text == home.message })
    #expect(
      menu(due: 0, new: 0).screen.texts.contains {
        $0.text == "Nothing to study now, and no review is scheduled."
      })
  }

  @Test func eachKeyLeadsToItsScreen() {
    var home = menu(due: 1, new: 0)
    #expect(home.handle(.key(.character("t")), at: now) == [.open(.selfTest)])
    #expect(home.handle(.key(.character("w")), at: now) == [.open(.weakList)])
    #expect(home.handle(.key(.character("p")), at: now) == [.open(.progress)])
    #expect(home.handle(.key(.character("x")), at: now) == [])
    #expect(home.handle(.press(ScreenPoint(x: 3, y: 3)), at: now) == [])
    #expect(home.handle(.key(.character("q")), at: now) == [.quit])
    #expect(home.handle(.key(.interrupt), at: now) == [.quit])
  }

  @Test func helpShowsTheKeysAndTheAttributionAndClosesBackToTheMenu() {
    var home = menu(due: 1, new: 0)
    #expect(home.handle(.key(.character("?")), at: now) == [])
    #expect(home.help != nil)
    #expect(home.screen.texts.first?.text == "Kanji Write: help")
    let help = home.help?.lines ?? []
    #expect(help.contains { $0.contains("KanjiVG") })
    #expect(help.contains { $0.contains("KANJIDIC2") })
    // Keys on the help page scroll or close it; they do not pick choices.
    #expect(home.handle(.key(.character("t")), at: now) == [])
    #expect(home.handle(.key(.character("q")), at: now) == [])
    #expect(home.help == nil)
    #expect(texts(home).first == "Kanji Write")
    _ = home.handle(.key(.character("?")), at: now)
    #expect(home.handle(.key(.interrupt), at: now) == [.quit])
  }

  @Test func readsTheFiguresAgainAfterAWhileAndOffersStudyWhenSomethingComesDue() {
    var home = menu(due: 0, new: 0, next: 20 * 60)
    _ = home.handle(.key(.enter), at: now)
    #expect(home.message != nil)
    #expect(!home.needsRefresh(at: now.addingTimeInterval(HomeMenu.refreshInterval - 1)))
    let later = now.addingTimeInterval(HomeMenu.refreshInterval)
    #expect(home.needsRefresh(at: later))
    // The loop's ticks ask for the figures once they are old, once until they come.
    #expect(home.handle(.tick, at: later.addingTimeInterval(-1)) == [])
    #expect(home.handle(.tick, at: later) == [.refreshFigures])
    #expect(home.handle(.tick, at: later.addingTimeInterval(0.5)) == [])
    let figures = HomeFigures(
      dueNow: 1, newAvailable: 0, reviewedToday: 7, streak: 3, nextReview: nil)
    #expect(home.handle(.figures(figures), at: later) == [])
    #expect(home.figures == figures)
    #expect(home.message == nil)
    #expect(!home.needsRefresh(at: later))
    #expect(home.handle(.key(.enter), at: now) == [.study])
  }

  @Test func followsTheTerminalSize() {
    var home = menu(due: 1, new: 0)
    _ = home.handle(.resize(columns: 100, rows: 30), at: now)
    #expect(home.screen.columns == 100)
    #expect(home.screen.texts.last?.row == 29)
    _ = home.handle(.resize(columns: 30, rows: 12), at: now)
    #expect(texts(home).first == "Terminal too small")
    #expect(texts(home).contains("this one is 30x12."))
    #expect(home.handle(.key(.character("q")), at: now) == [.quit])
  }

  @Test func theAppsSessionSummaryGoesBackHome() {
    var session = Session(
      cards: [], settings: PracticeSettings(), judge: ScriptedJudge(grades: [:]), columns: 80,
      rows: 30, now: now)
    session.returnsHome = true
    #expect(
      session.screen.texts.last?.text
        == "t self-test  w weak kanji  p progress  d deck  o settings  Enter or q home")
  }
}

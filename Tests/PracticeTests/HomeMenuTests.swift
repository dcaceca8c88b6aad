import Foundation
import Practice
import Progress
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
    #expect(home.items.map(\.keys) == ["Enter s", "t", "w", "p", "?", "q"])
    #expect(lines.contains("Enter s  study now: 4 due, 2 new"))
    #expect(
      lines.last == "Enter study now  t self-test  w weak kanji  p progress  ? help  q quit")
    #expect(home.handle(.key(.enter)) == .study)
    #expect(home.handle(.key(.character("s"))) == .study)
  }

  @Test func newKanjiAloneAreEnoughToStudy() {
    var home = menu(due: 0, new: 5, next: 2 * 86_400)
    #expect(home.canStudy)
    #expect(texts(home).contains("Next review       in 2 days"))
    #expect(home.handle(.key(.enter)) == .study)
  }

  @Test func withNothingDueItSaysWhenTheNextReviewIs() {
    var home = menu(due: 0, new: 0, next: 3 * 3600 + 60)
    #expect(!home.canStudy)
    #expect(home.items.map(\.keys) == ["t", "w", "p", "?", "q"])
    let lines = texts(home)
    #expect(lines.contains("Next review       in 3 h"))
    #expect(lines.contains("Nothing to study now; the next review is in 3 h."))
    #expect(lines.last == "t self-test  w weak kanji  p progress  ? help  q quit")
    #expect(home.handle(.key(.enter)) == nil)
    #expect(home.handle(.key(.character("s"))) == nil)
    #expect(home.message == "Nothing to study now; the next review is in 3 h.")
    #expect(home.screen.texts.contains { $0.row == 22 && $0.text == home.message })
    #expect(
      menu(due: 0, new: 0).screen.texts.contains {
        $0.text == "Nothing to study now, and no review is scheduled."
      })
  }

  @Test func eachKeyLeadsToItsScreen() {
    var home = menu(due: 1, new: 0)
    #expect(home.handle(.key(.character("t"))) == .open(.selfTest))
    #expect(home.handle(.key(.character("w"))) == .open(.weakList))
    #expect(home.handle(.key(.character("p"))) == .open(.progress))
    #expect(home.handle(.key(.character("x"))) == nil)
    #expect(home.handle(.press(ScreenPoint(x: 3, y: 3))) == nil)
    #expect(home.handle(.key(.character("q"))) == .quit)
    #expect(home.handle(.key(.interrupt)) == .quit)
  }

  @Test func helpShowsTheKeysAndTheAttributionAndClosesBackToTheMenu() {
    var home = menu(due: 1, new: 0)
    #expect(home.handle(.key(.character("?"))) == nil)
    #expect(home.help != nil)
    #expect(home.screen.texts.first?.text == "Kanji Write: help")
    let help = home.help?.lines ?? []
    #expect(help.contains { $0.contains("KanjiVG") })
    #expect(help.contains { $0.contains("KANJIDIC2") })
    // Keys on the help page scroll or close it; they do not pick choices.
    #expect(home.handle(.key(.character("t"))) == nil)
    #expect(home.handle(.key(.character("q"))) == nil)
    #expect(home.help == nil)
    #expect(texts(home).first == "Kanji Write")
    _ = home.handle(.key(.character("?")))
    #expect(home.handle(.key(.interrupt)) == .quit)
  }

  @Test func readsTheFiguresAgainAfterAWhileAndOffersStudyWhenSomethingComesDue() {
    var home = menu(due: 0, new: 0, next: 20 * 60)
    _ = home.handle(.key(.enter))
    #expect(home.message != nil)
    #expect(!home.needsRefresh(at: now.addingTimeInterval(HomeMenu.refreshInterval - 1)))
    let later = now.addingTimeInterval(HomeMenu.refreshInterval)
    #expect(home.needsRefresh(at: later))
    home.update(
      figures: HomeFigures(
        dueNow: 1, newAvailable: 0, reviewedToday: 7, streak: 3, nextReview: nil),
      at: later)
    #expect(home.message == nil)
    #expect(!home.needsRefresh(at: later))
    #expect(home.handle(.key(.enter)) == .study)
  }

  @Test func followsTheTerminalSize() {
    var home = menu(due: 1, new: 0)
    _ = home.handle(.resize(columns: 100, rows: 30))
    #expect(home.screen.columns == 100)
    #expect(home.screen.texts.last?.row == 29)
    _ = home.handle(.resize(columns: 30, rows: 12))
    #expect(texts(home).first == "Terminal too small")
    #expect(texts(home).contains("this one is 30x12."))
    #expect(home.handle(.key(.character("q"))) == .quit)
  }

  @Test func theAppsSessionSummaryGoesBackHome() {
    var session = Session(
      cards: [], settings: PracticeSettings(), judge: ScriptedJudge(grades: [:]), columns: 80,
      rows: 30, now: now)
    session.returnsHome = true
    #expect(
      session.screen.texts.last?.text == "t self-test  w weak kanji  p progress  Enter or q home")
  }

  @Test func figuresComeFromTheStoreAsTodaysSessionCountsThem() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["一", "二", "三"], at: now)
    let player = HistoryPlayer(store: store, start: now)
    // 一 graduates (two reviews); 二 is learning, due again within the hour; 三 stays new.
    _ = try player.play("一", [.good, .good], failingGrade: nil)
    _ = try player.play("二", [.good], failingGrade: nil)
    let later = now.addingTimeInterval(3600)
    let figures = try HomeFigures.load(store: store, now: later)
    let graduated = try #require(try store.card("一")?.due)
    #expect(
      figures
        == HomeFigures(
          dueNow: 1, newAvailable: 1, reviewedToday: 3, streak: 1, nextReview: graduated))
  }

  @Test func aLearningCardDueWithinTheLearnAheadLimitCountsAsDue() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.setSetting("learning_steps", "30m")
    _ = try store.addCards(["一"], at: now)
    // Forgotten at once: due again after the learning step, half an hour later.
    _ = try store.recordReview(ReviewInput(kanji: "一", time: now, rating: .again))
    let atOnce = try HomeFigures.load(store: store, now: now.addingTimeInterval(60))
    #expect(atOnce.dueNow == 0)
    #expect(!HomeMenu(figures: atOnce, now: now).canStudy)
    // Within the learn-ahead limit of its due time, the session would ask it.
    let soon = try HomeFigures.load(store: store, now: now.addingTimeInterval(15 * 60))
    #expect(soon.dueNow == 1)
    #expect(HomeMenu(figures: soon, now: now).canStudy)
  }
}

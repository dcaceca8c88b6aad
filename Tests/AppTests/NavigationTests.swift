import App
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import SQLite
import TerminalUI
import TestSupport
import Testing

/// A terminal that plays a script: each step looks at the screen last shown and answers with the
/// learner's events. When the script runs out it interrupts, so a wrong turn ends the run
/// instead of hanging it, and the test sees the steps it never reached.
final class ScriptedTerminal: SceneTerminal {
  typealias Step = (title: String, answer: (Screen) -> [Event]?)

  let columns = 80
  let rows = 24
  private var steps: [Step]
  private(set) var shown: [Screen] = []
  /// The steps taken, by title, in order.
  private(set) var taken: [String] = []
  private var polls = 0

  init(_ steps: [Step]) {
    self.steps = steps
  }

  var unreached: [String] { steps.map(\.title) }

  func show(_ screen: Screen) {
    shown.append(screen)
  }

  func events(waitingAtMost milliseconds: Int) -> [Event] {
    polls += 1
    guard let step = steps.first, polls < 200 else { return [.key(.interrupt)] }
    // A step whose screen has not come yet waits, as a learner would, for a tick.
    guard let screen = shown.last, let events = step.answer(screen) else { return [] }
    steps.removeFirst()
    taken.append(step.title)
    return events
  }
}

extension Screen {
  var text: String { texts.map(\.text).joined(separator: "\n") }
}

/// The app's navigation, played against a scripted terminal with a real store and the real
/// reference data: no tmux, no process.
@Suite struct NavigationTests {
  let layout = Layout(columns: 80, rows: 24)

  func keys(_ text: String) -> [Event] {
    text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) }
  }

  /// The press, drags and release of each reference stroke of `kanji`, on the session canvas.
  func drawing(_ kanji: Kanji) -> [Event] {
    let canvas = layout.canvas
    func point(_ p: Point) -> ScreenPoint {
      ScreenPoint(
        x: Double(canvas.column) + p.x / 109 * Double(canvas.columns),
        y: Double(canvas.row) + p.y / 109 * Double(canvas.rows))
    }
    return kanji.strokes.strokes.flatMap { stroke -> [Event] in
      let points = stroke.points.map(point)
      return [.press(points[0])] + points.dropFirst().map { .drag($0) }
        + [.release(points.last!)]
    }
  }

  /// A step that waits for `text` on the screen, then sends `events`.
  func when(_ text: String, _ events: [Event]) -> ScriptedTerminal.Step {
    (text, { $0.text.contains(text) ? events : nil })
  }

  func context(_ temporary: TemporaryStore) throws -> AppContext {
    let path = ReferenceDatabase.sourceTreeDatabase
    try #require(FileManager.default.fileExists(atPath: path), "run make data first")
    return AppContext(store: temporary.store, reference: try ReferenceDatabase(path: path))
  }

  @Test func homeSessionSummaryHomeSelfTestHomeQuit() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let twoMonthsAgo = Date().addingTimeInterval(-60 * 86_400)
    _ = try store.addCards(["十"], at: twoMonthsAgo)
    _ = try store.recordReview(ReviewInput(kanji: "十", time: twoMonthsAgo, rating: .easy))
    _ = try store.addKnown(Fixtures.selfTestCharacters, at: twoMonthsAgo)
    let context = try context(temporary)
    let ten = try #require(try context.reference.kanji("十"))

    let terminal = ScriptedTerminal([
      when("1 of 1 · review", drawing(ten) + [.key(.enter)]),
      when("Rating:", [.key(.enter)]),
      when("Session done", [.key(.enter)]),
      when("Reviewed today    1", keys("t")),
      when("1 of 10", keys("q")),
      when("Reviewed today    1", keys("p")),
      when("Reviews per day", keys("q")),
      when("Reviewed today    1", keys("q")),
    ])
    #expect(try App.start(store: store) == .today)
    let app = App(context: context, terminal: terminal, hasHome: true)
    try app.run(from: .today)

    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(terminal.taken.count == 8)
    let reviews = try store.reviewLog().filter { $0.kind == .review }
    #expect(reviews.map(\.kanji) == ["十", "十"])
    #expect(reviews.last?.rating == .good)
    #expect(app.afterword == ["Self-test abandoned; nothing was stored."])
    #expect(try App.start(store: store) == .home)
  }

  /// The first run's typed list adds the kanji the reference data has, and the first card says
  /// which characters were skipped until the learner acts.
  @Test func theFirstRunAddsTheKnownKanjiOfATypedListAndNamesTheRest() throws {
    let temporary = try TemporaryStore()
    let context = try context(temporary)
    let skipped = "Added 1 kanji; skipped x: not in the reference database"
    let terminal = ScriptedTerminal([
      when("What would you like to study?", keys("7十x\n")),
      when(skipped, keys("r")),
      when("Stroke 1 of 2", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .today)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(try temporary.store.cards().map(\.kanji) == ["十"])
  }

  /// Without the home screen (`kanji-write practice`), a screen chosen from the summary is the
  /// last: closing it ends the run.
  @Test func aCommandEndsWithTheScreenChosenFromItsSummary() throws {
    let temporary = try TemporaryStore()
    let context = try context(temporary)
    let terminal = ScriptedTerminal([
      when("1 of 1 · review", keys("s")),
      when("Rating:", [.key(.enter)]),
      when("Write it again", [.key(.escape)]),
      when("Session done", keys("w")),
      when("Weak kanji", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .practice(["学"]))
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(!terminal.shown.contains { $0.text.contains("Reviewed today") })
    let reviews = try temporary.store.reviewLog().filter { $0.kind == .review }
    #expect(reviews.map(\.kanji) == ["学"])
    #expect(reviews.first?.rating == .again)
  }

  /// A stop signal (an interrupt) on any screen leaves the app, saving an answered card.
  @Test func anInterruptOnTheFeedbackSavesAndLeaves() throws {
    let temporary = try TemporaryStore()
    let context = try context(temporary)
    let terminal = ScriptedTerminal([
      when("1 of 2 · review", keys("s")),
      when("Rating:", [.key(.interrupt)]),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .practice(["学", "校"]))
    #expect(terminal.unreached.isEmpty)
    #expect(try temporary.store.reviewLog().filter { $0.kind == .review }.count == 1)
    #expect(!terminal.shown.contains { $0.text.contains("Reviewed today") })
  }

  /// A review the store refuses goes back to its feedback with the reason, and is saved once
  /// the store takes it.
  @Test func aRefusedSaveComesBackToTheFeedback() throws {
    let temporary = try TemporaryStore(busyTimeoutMs: 20)
    let context = try context(temporary)
    // Another connection holding the write lock: what another program writing looks like.
    let holder = try Database(path: temporary.store.path)
    let terminal = ScriptedTerminal([
      (
        "the card asked",
        { screen in
          guard screen.text.contains("1 of 1 · review") else { return nil }
          try? holder.execute("BEGIN IMMEDIATE")
          return self.keys("s")
        }
      ),
      when("Rating:", [.key(.enter)]),
      (
        "the reason shown",
        { screen in
          guard screen.text.contains("Could not save") else { return nil }
          try? holder.execute("ROLLBACK")
          return [.key(.enter)]
        }
      ),
      when("Write it again", [.key(.escape)]),
      when("Session done", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .practice(["学"]))
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(try temporary.store.reviewLog().filter { $0.kind == .review }.count == 1)
  }

  /// `U` after an answer: the log is back to its earlier rows, the card exactly as it was, and
  /// the card asked again; answered once more, it is stored once.
  @Test func takingBackAnAnswerRestoresTheCardAndAsksItAgain() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let twoMonthsAgo = Date().addingTimeInterval(-60 * 86_400)
    _ = try store.addCards(["十"], at: twoMonthsAgo)
    _ = try store.recordReview(ReviewInput(kanji: "十", time: twoMonthsAgo, rating: .easy))
    let before = try #require(try store.card("十"))
    let context = try context(temporary)
    let ten = try #require(try context.reference.kanji("十"))
    var afterAnswer: CardSnapshot?
    var afterUndo: CardSnapshot?
    let terminal = ScriptedTerminal([
      when("1 of 1 · review", drawing(ten) + [.key(.enter)]),
      when("Rating:", [.key(.enter)]),
      (
        "the summary",
        { screen in
          guard screen.text.contains("Session done") else { return nil }
          afterAnswer = try? store.card("十")
          return self.keys("U")
        }
      ),
      (
        "the card asked again",
        { screen in
          guard screen.text.contains("Took back your Good for 十") else { return nil }
          afterUndo = try? store.card("十")
          return self.drawing(ten) + [.key(.enter)]
        }
      ),
      when("Rating:", [.key(.enter)]),
      when("Session done", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .today)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(afterAnswer?.card != before.card)
    #expect(afterUndo?.card == before.card)
    let reviews = try store.reviewLog(kanji: "十").filter { $0.kind == .review }
    #expect(reviews.count == 2)
    #expect(try store.check().isHealthy)
  }

  /// `q` mid-session saves the answered card, shows what was done, and a second `q` leaves
  /// the app, not to the home screen.
  @Test func qOnTheFeedbackSavesShowsTheSummaryThenLeaves() throws {
    let temporary = try TemporaryStore()
    let context = try context(temporary)
    let terminal = ScriptedTerminal([
      when("1 of 2 · review", keys("s")),
      when("Rating:", keys("q")),
      when("Session stopped", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .practice(["学", "校"]))
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    let summary = try #require(terminal.shown.last { $0.text.contains("Session stopped") })
    #expect(summary.text.contains("Reviewed:          1"))
    #expect(summary.text.contains("Enter or q quit"))
    #expect(!terminal.shown.contains { $0.text.contains("Reviewed today") })
    #expect(try temporary.store.reviewLog().filter { $0.kind == .review }.count == 1)
  }

  /// A card in its learning steps is asked as learning, its feedback shows what each rating
  /// would schedule, and after the failure it is written again before the session ends.
  @Test func aLearningCardShowsItsIntervalsAndIsWrittenAgain() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let tenMinutesAgo = Date().addingTimeInterval(-600)
    _ = try store.addCards(["十"], at: tenMinutesAgo)
    _ = try store.recordReview(ReviewInput(kanji: "十", time: tenMinutesAgo, rating: .again))
    let context = try context(temporary)
    let ten = try #require(try context.reference.kanji("十"))
    let terminal = ScriptedTerminal([
      when("1 of 1 · learning", keys("s")),
      when("[1 Again 1m]  2 Hard 6m  3 Good 10m  4 Easy ", [.key(.enter)]),
      when("Write it again: 十", drawing(ten) + [.key(.enter)]),
      when("Written again: right", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .today)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    let reviews = try store.reviewLog().filter { $0.kind == .review }
    #expect(reviews.map(\.rating) == [.again, .again])
  }

  /// 国 and 國 in one deck: the prompt of 国 says it is the Jōyō form, not 國.
  @Test func aPromptSharedWithAnotherKanjiOfTheDeckSaysWhichIsMeant() throws {
    let temporary = try TemporaryStore()
    _ = try temporary.store.addCards(["國"], at: Date())
    let context = try context(temporary)
    let terminal = ScriptedTerminal([
      when("country  (the Jōyō form, not 國)", keys("s")),
      when("Rating:", [.key(.escape)]),
    ])
    try App(context: context, terminal: terminal, hasHome: false).run(from: .practice(["国"]))
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
  }

  /// The settings screen from the home screen: a typed number and a toggle are stored at once,
  /// a refused number keeps the old value and says why, and q goes back home.
  @Test func theSettingsScreenStoresEachChangeAndRefusesWhatTheCatalogRefuses() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let context = try context(temporary)
    let terminal = ScriptedTerminal([
      when("Reviewed today", keys("o")),
      when("> new per day", keys("\n15\n")),
      when("new per day: 15", keys("\n10000\n")),
      when("new per day not changed: 10000 is out of range (0...9999)", keys("jjjjj ")),
      when("show stroke count: on", keys("q")),
      when("Reviewed today", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .home)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(try store.setting("new_per_day") == "15")
    #expect(try store.setting("show_stroke_count") == "on")
    let settings = try #require(terminal.shown.last { $0.text.contains("Settings") })
    #expect(settings.text.contains("> show stroke count      on"))
  }

  /// With today's limits reached, the summary's `a` asks reviews ahead, stored as reviews, and
  /// `n` five more new kanji, which stay on today's limit when the app starts again.
  @Test func studyMoreAsksReviewsAheadAndKeepsTheExtraNewKanjiForTheDay() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    // First seen two days ago, so today has no new kanji studied yet.
    let twoDaysAgo = Date().addingTimeInterval(-2 * 86_400)
    _ = try store.addCards(["十"], at: twoDaysAgo)
    _ = try store.recordReview(ReviewInput(kanji: "十", time: twoDaysAgo, rating: .easy))
    _ = try store.addCards(["一", "二", "三", "四", "五", "六"], at: Date())
    try store.setSetting("new_per_day", "0")
    #expect(try App.start(store: store) == .home)
    let context = try context(temporary)
    let ten = try #require(try context.reference.kanji("十"))
    let terminal = ScriptedTerminal([
      when("Nothing is due now.", keys("a")),
      when("1 of 1 · review", drawing(ten) + [.key(.enter)]),
      when("Rating:", [.key(.enter)]),
      when("Session done", keys("n")),
      when("New kanji: 一", keys("q")),
      when("Session stopped", keys("q")),
    ])
    try App(context: context, terminal: terminal, hasHome: true).run(from: .today)
    #expect(terminal.unreached.isEmpty, "never reached: \(terminal.unreached)")
    #expect(terminal.shown.contains { $0.text.contains("2 of 6 · new") })
    let reviews = try store.reviewLog().filter { $0.kind == .review }
    #expect(reviews.map(\.kanji) == ["十", "十"])
    #expect(try store.extraNewToday(now: Date()) == 5)
    // Started again the same day: the five are today's new kanji, in the figures too.
    #expect(try App.start(store: store) == .today)
    #expect(try HomeFigures.load(store: store, now: Date()).newAvailable == 5)
  }
}

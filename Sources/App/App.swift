import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import StrokeMatch
import TerminalUI

/// Where the app goes next: every screen it can show, and what it needs to show it.
public enum Destination: Equatable, Sendable {
  /// Today's session: due reviews, then new kanji; on the first run, the deck choice.
  case today
  /// These kanji, asked now in order, each a review (added to the deck when missing).
  case practice([String])
  /// The ten-kanji self-test of these kanji, or of ten chosen with `seed` (the clock's if nil).
  case selfTest(kanji: [String]?, seed: UInt64?)
  /// The ten-word self-test of these words (as written), or of ten chosen with `seed`.
  case wordSelfTest(words: [String]?, seed: UInt64?)
  case weakList
  case progress
  /// Fit the FSRS weights to the learner's log (`o` on the progress page), then offer to save.
  case fitWeights
  /// Every card of the deck, to search, suspend, reset, delete, or add a list to.
  case deck
  case settings
  case home
  /// One kanji's page; closing it goes to `returnTo` (the deck or the weak list).
  indirect case kanjiPage(String, returnTo: Destination)
}

/// The only place the layers meet: runs one scene after another on one terminal, performs their
/// effects against the store, and owns navigation. With a home screen (the app itself), every
/// screen comes back to it and `q` there quits; without (a command such as `practice`), the
/// first screen closed ends the run, after any screen chosen from it.
public final class App {
  let context: AppContext
  let terminal: any SceneTerminal
  let hasHome: Bool
  let host: StoreHost
  /// Whether the session being run goes on with learning cards due soon when its cards run out.
  private var learnAhead = false
  /// The deck as it was left for a kanji's page, so that coming back keeps its search and row.
  private var parkedDeck: DeckScreen?
  /// Lines to print once the terminal is restored: what the self-test found.
  public private(set) var afterword: [String] = []

  public init(context: AppContext, terminal: any SceneTerminal, hasHome: Bool) {
    self.context = context
    self.terminal = terminal
    self.hasHome = hasHome
    host = context.host
  }

  /// Opens the terminal, runs from `start` until the learner leaves, restores the terminal and
  /// prints the afterword: what `kanji-write` and its screen commands do.
  public static func run(_ start: Destination, context: AppContext, hasHome: Bool) throws {
    let terminal = try Terminal()
    let app = App(context: context, terminal: terminal, hasHome: hasHome)
    do {
      try app.run(from: start)
    } catch {
      terminal.restore()
      throw error
    }
    terminal.restore()
    for line in app.afterword { print(line) }
    if let problem = context.syncWithFolder() {
      let line = Array("kanji-write: \(problem)\n".utf8)
      _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
  }

  /// Where the app opens: today's session when it has cards, or on the first run (its deck
  /// choice); otherwise the home screen.
  public static func start(store: ProgressStore, now: Date = Date()) throws -> Destination {
    let (due, new) = try HomeFigures.studyCounts(store: store, now: now)
    return try due + new > 0 || store.cards().isEmpty ? .today : .home
  }

  /// Shows the screens from `start` on until the learner leaves.
  public func run(from start: Destination) throws {
    var next: Destination? = start
    while let destination = next {
      next = try show(destination)
    }
  }

  /// Where a screen that closed leads.
  var afterClose: Destination? { hasHome ? .home : nil }

  /// Shows one screen; returns where the learner went from it, nil to leave the app.
  func show(_ destination: Destination) throws -> Destination? {
    switch destination {
    case .today:
      let now = Date()
      return try runSession(
        cards: try host.dueCards(now: now),
        deckIsEmpty: try host.deckIsEmpty, daily: true, now: now)
    case .practice(let kanji):
      let now = Date()
      return try runSession(
        cards: try host.practiceCards(kanji, now: now),
        deckIsEmpty: false, daily: false, now: now)
    case .selfTest(let kanji, let seed):
      return try runSelfTest(kanji: kanji, seed: seed)
    case .wordSelfTest(let words, let seed):
      return try runWordSelfTest(words: words, seed: seed)
    case .weakList:
      let list = try WeakListAnalysis().weakList(
        store: context.store, reference: context.reference, now: Date())
      let lines = WeakListReport(list: list, practiseHint: false).lines
      let actions = list.kanji.isEmpty ? [] : [TextPage.Action(key: "s", label: "practise them")]
      let page = TextPage(
        title: "Weak kanji", lines: lines, actions: actions, numbered: list.kanji.count)
      return try runPage(page) { key in
        if key == "s" { return .practice(list.kanji.map(\.kanji)) }
        // The digits are the report's own numbering, from 1.
        guard let number = key.wholeNumberValue, list.kanji.indices.contains(number - 1) else {
          return nil
        }
        return .kanjiPage(list.kanji[number - 1].kanji, returnTo: .weakList)
      }
    case .progress:
      var report = try StatsReport.load(
        store: context.store, now: Date(), columns: terminal.columns)
      report.calibration?.fitHint = "press o to fit your weights to them"
      let page = TextPage(
        title: "Progress", lines: report.lines,
        actions: [TextPage.Action(key: "o", label: "fit your FSRS weights")])
      return try runPage(page) { key in key == "o" ? .fitWeights : nil }
    case .fitWeights:
      return try fitWeights()
    case .deck:
      var deck =
        try parkedDeck
        ?? DeckScreen(
          items: try host.deckItems(), now: Date(), columns: terminal.columns,
          rows: terminal.rows)
      parkedDeck = nil
      let next = try run(&deck, origin: .deck)
      if case .kanjiPage = next { parkedDeck = deck }
      return next
    case .kanjiPage(let kanji, let returnTo):
      var page = try host.kanjiPage(kanji, columns: terminal.columns, rows: terminal.rows)
      return try run(&page, closeTo: returnTo)
    case .settings:
      var screen = SettingsScreen(items: try host.settingItems())
      return try run(&screen)
    case .home:
      var home = HomeMenu(
        figures: try HomeFigures.load(store: context.store, now: Date()), now: Date())
      return try run(&home)
    }
  }

  // MARK: Scenes

  func runSession(cards: [SessionCard], deckIsEmpty: Bool, daily: Bool, now: Date) throws
    -> Destination?
  {
    let (settings, strictness) = try host.settings(dailySession: daily)
    let reference = context.reference
    var session = Session(
      cards: cards, settings: settings,
      judge: StrokeMatchJudge(
        strictness: strictness, namer: CharacterNamer { try reference.allStrokes(strokeCount: $0) }),
      columns: terminal.columns, rows: terminal.rows, now: now, deckIsEmpty: deckIsEmpty)
    session.returnsHome = hasHome
    session.offersMore = daily
    learnAhead = settings.learnAhead
    if case .summary = session.phase {
      // Nothing to ask: the summary says what comes next, as at the end of a session.
      for result in sessionFinished(learnAhead: settings.learnAhead) {
        _ = session.handle(result, at: Date())
      }
    }
    return try run(&session)
  }

  func runSelfTest(kanji: [String]?, seed: UInt64?) throws -> Destination? {
    let characters = try kanji ?? SelfTestPicker().pick(store: context.store, seed: seed)
    guard characters.count == SelfTest.size else {
      let reason = SelfTestPicker.tooFew(characters.count)
      let sentence = reason.prefix(1).uppercased() + reason.dropFirst() + "."
      return try runPage(TextPage(title: "Self-test", lines: [sentence]))
    }
    let asked = try characters.map { character in
      guard let entry = try context.reference.kanji(character) else {
        throw AppError("\(character) is not in the reference database")
      }
      return entry
    }
    let (judge, asciiFrame) = try selfTestJudge()
    var test = SelfTestSession(
      kanji: asked, judge: judge, columns: terminal.columns, rows: terminal.rows, now: Date(),
      asciiFrame: asciiFrame)
    var saved: SelfTestOutcome?
    let previousGap = try WritingGap.load(store: context.store).gap
    let next = try run(&test, saved: { saved = $0 })
    if let saved {
      let gap = try WritingGap.load(store: context.store).gap
      afterword +=
        SelfTestResultReport(outcome: saved, kanji: asked, gap: gap, previousGap: previousGap)
        .lines
    } else {
      afterword.append("Self-test abandoned; nothing was stored.")
    }
    return next
  }

  /// The judge of a self-test, with the learner's strictness, and whether frames are ASCII.
  func selfTestJudge() throws -> (judge: StrokeMatchJudge, asciiFrame: Bool) {
    let (settings, strictness) = try host.settings(dailySession: false)
    let reference = context.reference
    let judge = StrokeMatchJudge(
      strictness: strictness, namer: CharacterNamer { try reference.allStrokes(strokeCount: $0) })
    return (judge, settings.asciiFrame)
  }

  func runWordSelfTest(words: [String]?, seed: UInt64?) throws -> Destination? {
    let keys =
      try words?.map(CardKey.word)
      ?? SelfTestPicker().pickWords(store: context.store, reference: context.reference, seed: seed)
    guard keys.count == SelfTest.size || words != nil else {
      let reason = SelfTestPicker.tooFewWords(keys.count)
      let sentence = reason.prefix(1).uppercased() + reason.dropFirst() + "."
      return try runPage(TextPage(title: "Self-test on words", lines: [sentence]))
    }
    let asked = try keys.map { key in
      guard let card = try host.wordCard(key) else {
        throw AppError(
          "\(CardKey.display(key)) is not among the common words of the reference database")
      }
      return card
    }
    let (judge, asciiFrame) = try selfTestJudge()
    var test = SelfTestSession(
      words: asked, judge: judge, columns: terminal.columns, rows: terminal.rows, now: Date(),
      asciiFrame: asciiFrame)
    var saved: SelfTestOutcome?
    let next = try run(&test, saved: { saved = $0 })
    if let saved {
      afterword += SelfTestResultReport(outcome: saved, kanji: test.kanji).lines
    } else {
      afterword.append("Self-test abandoned; nothing was stored.")
    }
    return next
  }

  /// Shows a page of text; `action` says where each of its action keys leads.
  func runPage(_ page: TextPage, action: (Character) -> Destination? = { _ in nil }) throws
    -> Destination?
  {
    var page = page
    return try run(&page, action: action)
  }

  // MARK: Effects

  /// Runs a scene until it is done, performing its effects; returns where it led. A kanji's
  /// page opened from it comes back to `origin` (none opens without one); closing it leads to
  /// `closeTo`, or where a closed screen leads.
  func run<S: Scene>(
    _ scene: inout S, saved: (SelfTestOutcome) -> Void = { _ in },
    action: (Character) -> Destination? = { _ in nil }, origin: Destination? = nil,
    closeTo: Destination? = nil
  ) throws -> Destination? {
    var next: Destination?
    try SceneLoop.run(&scene, on: terminal) { effects in
      try perform(
        effects, next: &next, saved: saved, action: action, origin: origin, closeTo: closeTo)
    }
    return next
  }

  /// Performs a scene's effects in order. A failure to store ends them there and goes back to
  /// the scene as `.saveFailed`, so nothing after it happens as if it had been stored.
  func perform(
    _ effects: [Effect], next: inout Destination?, saved: (SelfTestOutcome) -> Void,
    action: (Character) -> Destination?, origin: Destination? = nil, closeTo: Destination? = nil
  ) throws -> Reaction {
    var results: [Event] = []
    for effect in effects {
      switch effect {
      case .record(let review):
        do {
          try host.record(review)
        } catch {
          // Leaving with an answer that could not be stored: say so rather than lose it quietly.
          if effects.contains(.quit) { throw LastReviewNotSaved(reason: "\(error)") }
          return .proceed([.saveFailed("\(error)")])
        }
      case .previewIntervals(let kanji):
        // Without a preview the feedback shows the ratings alone; nothing else depends on it.
        if let preview = try? host.previewIntervals(kanji: kanji, now: Date()) {
          results.append(.intervals(preview))
        }
      case .recordStudy(let kanji, _):
        // A study that could not be stored only means the kanji is shown again next time.
        try? host.recordStudy(kanji: kanji)
      case .addToDeck(let spec):
        do {
          let added = try host.addToDeck(spec)
          return .proceed([.deckAdded(added.cards, note: added.note)])
        } catch {
          return .proceed([.deckFailed("\(error)")])
        }
      case .sessionFinished:
        return .proceed(sessionFinished(learnAhead: learnAhead))
      case .undoReview(let kanji):
        do {
          guard try context.store.undoLastReview(of: kanji) != nil else {
            return .proceed([.undoFailed("\(kanji) has no review to take back")])
          }
          return .proceed([.undone])
        } catch {
          return .proceed([.undoFailed("\(error)")])
        }
      case .saveSelfTest(let outcome):
        do {
          try outcome.save(to: context.store)
          saved(outcome)
        } catch {
          return .proceed([.saveFailed("\(error)")])
        }
      case .studyMore(let kind):
        return .proceed([host.studyMore(kind, now: Date())])
      case .changeSetting(let key, let value):
        return .proceed([host.changeSetting(key, value)])
      case .refreshFigures:
        // Figures that cannot be read keep the last ones; the next screen reports the error.
        let figures = try? HomeFigures.load(store: context.store, now: Date())
        return .proceed(figures.map { [.figures($0)] } ?? [])
      case .changeDeck(let change):
        let message: String
        do {
          message = try host.change(change)
        } catch {
          return .proceed([.deckChangeFailed("Nothing changed: \(error)")])
        }
        do {
          return .proceed([.deckChanged(try host.deckItems(), message: message)])
        } catch {
          // The change is stored; only the list could not be read again.
          return .proceed([
            .deckChangeFailed("\(message) The deck could not be read again: \(error)")
          ])
        }
      case .study:
        next = .today
        return .leave
      case .open(let destination):
        next = Self.destination(destination)
        return .leave
      case .openKanji(let kanji):
        guard let origin else { continue }
        next = .kanjiPage(kanji, returnTo: origin)
        return .leave
      case .action(let key):
        guard let destination = action(key) else { continue }
        next = destination
        return .leave
      case .close:
        next = closeTo ?? afterClose
        return .leave
      case .quit:
        next = nil
        return .leave
      }
    }
    return .proceed(results)
  }

  /// What follows a session's last card: (re)learning cards due soon, or the summary's outlook.
  func sessionFinished(learnAhead: Bool) -> [Event] {
    if learnAhead, let more = try? host.learnAhead(now: Date()), !more.isEmpty {
      return [.moreCards(more)]
    }
    return (try? host.outlook()).map { [.outlook($0)] } ?? []
  }

  static func destination(_ key: AppDestination) -> Destination {
    switch key {
    case .selfTest: .selfTest(kanji: nil, seed: nil)
    case .weakList: .weakList
    case .progress: .progress
    case .deck: .deck
    case .settings: .settings
    }
  }
}

/// The learner left with an answer the store refused.
public struct LastReviewNotSaved: Error, CustomStringConvertible {
  public var reason: String
  public var description: String { "could not save the last review: \(reason)" }
}

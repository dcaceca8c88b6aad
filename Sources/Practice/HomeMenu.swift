import Foundation

/// Today's figures for the home screen, read from the learner's store.
public struct HomeFigures: Equatable, Sendable {
  /// Reviews and learning cards today's session would ask now (learning cards due within the
  /// learn-ahead limit included, as the session goes on with them).
  public var dueNow: Int
  /// New kanji today's session would introduce (within the daily limits).
  public var newAvailable: Int
  public var reviewedToday: Int
  public var streak: Int
  /// The next review after now of a card already started, if any.
  public var nextReview: Date?
  /// Kanji read against kanji probably written; nil when the store was not asked.
  public var gap: WritingGap?
  /// When the next self-test is due; nil when none was taken yet.
  public var nextSelfTest: Date?

  public init(
    dueNow: Int, newAvailable: Int, reviewedToday: Int, streak: Int, nextReview: Date?,
    gap: WritingGap? = nil, nextSelfTest: Date? = nil
  ) {
    self.dueNow = dueNow
    self.newAvailable = newAvailable
    self.reviewedToday = reviewedToday
    self.streak = streak
    self.nextReview = nextReview
    self.gap = gap
    self.nextSelfTest = nextSelfTest
  }
}

/// The app's home screen as a small state machine: today's figures, the choices on keys, and a
/// help page. Every other screen of the app comes back here; `q` quits.
public struct HomeMenu: Equatable, Sendable {
  /// A choice on the screen: the keys that pick it and what it does.
  public struct Item: Equatable, Sendable {
    public var keys: String
    public var label: String
  }

  public private(set) var figures: HomeFigures
  public private(set) var now: Date
  public private(set) var layout: Layout
  /// The help page while it is open.
  public private(set) var help: TextPage?
  /// Why the last key did nothing, shown on the status line.
  public private(set) var message: String?
  /// When the figures were last asked for, so that a store that cannot be read is not asked
  /// again at every tick.
  private var refreshAsked = Date.distantPast

  public init(figures: HomeFigures, now: Date, columns: Int = 80, rows: Int = 24) {
    self.figures = figures
    self.now = now
    layout = Layout(columns: columns, rows: rows)
  }

  /// How long the figures stand before they are read again while the screen is up (learning
  /// cards come due, the next review comes closer).
  public static let refreshInterval: TimeInterval = 30

  /// Whether the figures, read at `now`, should be read again at `time`.
  public func needsRefresh(at time: Date) -> Bool {
    time.timeIntervalSince(now) >= Self.refreshInterval
  }

  /// The figures read again at `time`.
  public mutating func update(figures: HomeFigures, at time: Date) {
    self.figures = figures
    now = time
    // The only message says there is nothing to study, which may be out of date now.
    message = nil
  }

  /// Whether today's session has anything to ask.
  public var canStudy: Bool { figures.dueNow + figures.newAvailable > 0 }

  /// The choices offered, in the order shown.
  public var items: [Item] {
    let study = Item(
      keys: "Enter s", label: "study now: \(figures.dueNow) due, \(figures.newAvailable) new")
    return (canStudy ? [study] : [])
      + AppDestination.allCases.map { Item(keys: String($0.rawValue), label: $0.label) }
      + [Item(keys: "?", label: "help"), Item(keys: "q", label: "quit")]
  }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      _ = help?.handle(event, at: time)
      return []
    case .tick:
      guard needsRefresh(at: time), time.timeIntervalSince(refreshAsked) >= 1 else { return [] }
      refreshAsked = time
      return [.refreshFigures]
    case .figures(let figures):
      update(figures: figures, at: time)
      return []
    case .key(.interrupt):
      return [.quit]
    default:
      break
    }
    if var page = help {
      help = page.handle(event, at: time).contains(.close) ? nil : page
      return []
    }
    guard case .key(let key) = event else { return [] }
    message = nil
    switch key {
    case .enter, .character("s"):
      guard canStudy else {
        message = nothingToStudy
        return []
      }
      return [.study]
    case .character("?"):
      help = TextPage(
        title: "Kanji Write: help", lines: Self.helpLines, columns: layout.columns,
        rows: layout.rows)
    case .character("q"):
      return [.quit]
    case .character(let character):
      return AppDestination(rawValue: character).map { [.open($0)] } ?? []
    default:
      break
    }
    return []
  }

  /// "Nothing to study now; the next review is in 3 h."
  var nothingToStudy: String {
    guard let next = figures.nextReview else {
      return "Nothing to study now, and no review is scheduled."
    }
    return "Nothing to study now; the next review is \(Session.relative(next, from: now))."
  }

  /// Today's figures, as label and value.
  var figureLines: [(String, String)] {
    var lines = [
      ("Due now", "\(figures.dueNow)"),
      ("New kanji today", "\(figures.newAvailable)"),
      ("Reviewed today", "\(figures.reviewedToday)"),
      ("Streak", "\(figures.streak) day\(figures.streak == 1 ? "" : "s")"),
    ]
    if figures.dueNow == 0 {
      let next = figures.nextReview.map { Session.relative($0, from: now) } ?? "none scheduled"
      lines.append(("Next review", next))
    }
    if let gap = figures.gap {
      lines.append(("Gap", gap.summary))
      lines.append(("Next self-test", WritingGap.nextTestText(figures.nextSelfTest, now: now)))
    }
    return lines
  }

  static let helpLines =
    [
      "The home screen:",
      "",
      "Enter, s     study now: due reviews first, then today's new kanji",
      "t            self-test: ten kanji you can read, written from memory",
      "w            weak kanji: the ones most at risk, and why (s there practises them)",
      "p            progress: cards, reviews per day, retention, forecast, self-tests,",
      "             the scheduler's calibration (o there fits your FSRS weights)",
      "d            deck: every card; search, suspend, reset, delete, add a list",
      "o            settings: daily limits, steps, retention, and how the practice looks",
      "q            quit (every screen comes back here first)",
      "",
      "While writing:",
      "",
    ] + Session.helpLines

  public var screen: Screen {
    if layout.isTooSmall { return layout.tooSmallScreen }
    if let help { return help.screen }
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    screen.texts.append(TextItem(row: 0, column: 0, text: "Kanji Write", style: .title))
    screen.texts.append(TextItem(row: 2, column: 0, text: "Today", style: .title))
    var row = 3
    for (label, value) in figureLines {
      let padded = label.padding(toLength: 18, withPad: " ", startingAt: 0)
      screen.texts.append(TextItem(row: row, column: 2, text: padded + value))
      row += 1
    }
    row += 1
    if !canStudy {
      for line in Layout.wrap(nothingToStudy, width: layout.columns - 2) {
        screen.texts.append(TextItem(row: row, column: 2, text: line, style: .accent))
        row += 1
      }
      row += 1
    }
    for item in items {
      let keys = item.keys.padding(toLength: 9, withPad: " ", startingAt: 0)
      screen.texts.append(TextItem(row: row, column: 2, text: keys + item.label))
      row += 1
    }
    screen.addFooter(status: message, keys: keys, layout: layout)
    return screen
  }

  /// The items on the key line: each by its first key, with its label up to any colon, and a
  /// short form for a narrow terminal.
  public var keys: KeyLine {
    KeyLine(
      items.map { item in
        let label = String(item.label.split(separator: ":")[0])
        let short =
          AppDestination.allCases.first { String($0.rawValue) == item.keys }?.shortLabel
          ?? String(label.split(separator: " ")[0])
        return (String(item.keys.split(separator: " ").first ?? ""), label, short)
      })
  }
}

extension HomeMenu: Scene {
  /// A second: the figures are looked at even with no input.
  public var tickInterval: Int { 1000 }
}

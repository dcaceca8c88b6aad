import Foundation
import ProgressRecords
import Scheduler
import StrokeMatch

/// A change to the deck asked for on the deck screen; the App makes it in one transaction.
public enum DeckChange: Equatable, Sendable {
  case suspend(String)
  case unsuspend(String)
  /// Back to new with its memory cleared (Anki's "Forget"); its review log stays.
  case reset(String)
  /// The card and its review log go.
  case delete(String)
  /// The kanji a selector names, as `kanji-write add` takes it.
  case add(String)
}

/// A card of the deck with what the reference data says of its kanji, to list and search it.
public struct DeckItem: Equatable, Sendable {
  public var card: DeckCard
  public var meanings: [String]
  /// On and kun readings as KANJIDIC2 writes them (katakana, hiragana with `.` and `-`).
  public var readings: [String]
  /// The JLPT level: 5 for N5 ... 1 for N1.
  public var jlpt: Int?
  public var grade: Int?

  public init(card: DeckCard, meanings: [String], readings: [String], jlpt: Int?, grade: Int?) {
    self.card = card
    self.meanings = meanings
    self.readings = readings
    self.jlpt = jlpt
    self.grade = grade
  }

  public var kanji: String { card.kanji }
}

/// The deck screen: every card with its state, due date, stability, lapses and last errors; a
/// search; suspend, reset, delete and add on keys; and Enter for the selected kanji's page.
/// The store is changed by the App (`.changeDeck`), which sends the deck back as it then
/// stands.
public struct DeckScreen: Equatable, Sendable {
  /// What the keys do at the moment.
  public enum Mode: Equatable, Sendable {
    case browsing
    /// Typing the search after `/`; the list follows each key.
    case searching
    /// Typing a selector after `a`.
    case adding(String)
    /// A reset or delete waiting for y or n.
    case confirming(DeckChange)
  }

  public private(set) var items: [DeckItem]
  public private(set) var filter = ""
  public private(set) var mode = Mode.browsing
  /// The selected row, an index into `shown`.
  public private(set) var selected = 0
  public private(set) var top = 0
  /// What the last change did, or why a key did nothing, on the status line.
  public private(set) var message: String?
  public private(set) var now: Date
  public private(set) var layout: Layout

  public init(items: [DeckItem], now: Date, columns: Int = 80, rows: Int = 24) {
    self.items = items
    self.now = now
    layout = Layout(columns: columns, rows: rows)
  }

  /// The cards the search lets through, in the order added.
  public var shown: [DeckItem] {
    filter.isEmpty ? items : items.filter { Self.matches($0, filter) }
  }

  public var selectedItem: DeckItem? {
    let shown = shown
    return shown.indices.contains(selected) ? shown[selected] : nil
  }

  /// Rows between the column header and the status line.
  var listRows: Int { max(1, layout.rows - 4) }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    now = time
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      follow()
      return []
    case .key(.interrupt):
      return [.quit]
    case .deckChanged(let items, let message):
      let kept = selectedItem?.kanji
      self.items = items
      let shown = shown
      selected = shown.firstIndex { $0.kanji == kept } ?? min(selected, max(0, shown.count - 1))
      follow()
      self.message = message
      return []
    case .deckChangeFailed(let reason):
      message = reason
      return []
    case .key(let key):
      return handle(key)
    default:
      return []
    }
  }

  private mutating func handle(_ key: Key) -> [Effect] {
    switch mode {
    case .browsing:
      return browse(key)
    case .searching:
      switch key {
      case .character(let character): filter.append(character)
      case .backspace: if !filter.isEmpty { filter.removeLast() }
      case .enter: mode = .browsing
      case .escape:
        filter = ""
        mode = .browsing
      case .interrupt: return [.quit]
      case .up, .down: return []
      }
      selected = 0
      top = 0
      return []
    case .adding(var text):
      switch key {
      case .character(let character): text.append(character)
      case .backspace: if !text.isEmpty { text.removeLast() }
      case .enter:
        mode = .browsing
        let spec = text.trimmingCharacters(in: .whitespaces)
        return spec.isEmpty ? [] : [.changeDeck(.add(spec))]
      case .escape:
        mode = .browsing
        return []
      case .interrupt: return [.quit]
      case .up, .down: return []
      }
      mode = .adding(text)
      return []
    case .confirming(let change):
      mode = .browsing
      guard key == .character("y") else {
        message = "Nothing changed."
        return []
      }
      return [.changeDeck(change)]
    }
  }

  private mutating func browse(_ key: Key) -> [Effect] {
    message = nil
    let count = shown.count
    switch key {
    case .character("j"), .down: selected = min(max(0, count - 1), selected + 1)
    case .character("k"), .up: selected = max(0, selected - 1)
    case .character(" "): selected = min(max(0, count - 1), selected + listRows)
    case .backspace: selected = max(0, selected - listRows)
    case .character("/"): mode = .searching
    case .character("a"): mode = .adding("")
    case .enter:
      guard let item = selectedItem else {
        message = "No card selected."
        return []
      }
      return [.openKanji(item.kanji)]
    case .character("s"), .character("r"), .character("x"):
      guard let item = selectedItem else {
        message = "No card selected."
        return []
      }
      switch key {
      case .character("s"):
        return [
          .changeDeck(item.card.snapshot.suspended ? .unsuspend(item.kanji) : .suspend(item.kanji))
        ]
      case .character("r"): mode = .confirming(.reset(item.kanji))
      default: mode = .confirming(.delete(item.kanji))
      }
    case .escape where !filter.isEmpty:
      filter = ""
      selected = 0
    case .escape, .character("q"): return [.close]
    default: break
    }
    follow()
    return []
  }

  /// Scrolls so that the selected row is on the screen.
  private mutating func follow() {
    if selected < top { top = selected }
    if selected >= top + listRows { top = selected - listRows + 1 }
    top = max(0, min(top, max(0, shown.count - listRows)))
  }

  // MARK: Search

  /// Whether `item` answers the search: `jlpt:N3`, `grade:2`, the kanji itself (or a list of
  /// kanji), a reading in kana (katakana and hiragana alike), or part of a meaning.
  public static func matches(_ item: DeckItem, _ query: String) -> Bool {
    let query = query.trimmingCharacters(in: .whitespaces).lowercased()
    guard !query.isEmpty else { return true }
    if query.hasPrefix("jlpt:") {
      return item.jlpt != nil && Int(query.dropFirst(5).drop { $0 == "n" }) == item.jlpt
    }
    if query.hasPrefix("grade:") {
      return item.grade != nil && Int(query.dropFirst(6)) == item.grade
    }
    if query.unicodeScalars.contains(where: \.properties.isIdeographic) {
      return query.contains(item.kanji)
    }
    if query.unicodeScalars.contains(where: isKana) {
      let kana = hiragana(query)
      return item.readings.contains { hiragana($0).contains(kana) }
    }
    return item.meanings.contains { $0.lowercased().contains(query) }
  }

  static func isKana(_ scalar: Unicode.Scalar) -> Bool {
    (0x3041...0x30FF).contains(scalar.value)
  }

  /// Katakana as hiragana, without KANJIDIC2's okurigana dot and affix dash, so that "まなぶ"
  /// finds "まな.ぶ" and "がく" finds "ガク".
  static func hiragana(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where scalar != "." && scalar != "-" {
      if (0x30A1...0x30F6).contains(scalar.value), let shifted = Unicode.Scalar(scalar.value - 0x60)
      {
        result.append(shifted)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  // MARK: Rows

  /// One card's row: kanji, state, due, stability, lapses, then suspension, leech and the last
  /// grade's errors. The kanji takes two cells.
  public static func row(_ item: DeckItem, now: Date) -> String {
    let card = item.card.snapshot.card
    let due =
      card.state == .new ? "-" : card.due.map { Session.relative($0, from: now) } ?? "-"
    let stability = card.memory.map { "\(Int($0.stability.rounded())) d" } ?? "-"
    var notes: [String] = []
    if item.card.snapshot.suspended { notes.append("suspended") }
    if card.isLeech { notes.append("leech: \(card.lapses) lapses") }
    if let errors = lastErrors(item.card.lastGradeJSON) { notes.append(errors) }
    // A word card is named by its written form, in the kanji's column and past it.
    let name = CardKey.display(item.kanji)
    let line =
      name + "  " + pad(card.state.rawValue, 12) + pad(due, 13) + pad(stability, 8)
      + pad("\(card.lapses)", 7) + notes.joined(separator: "; ")
    return String(line.reversed().drop { $0 == " " }.reversed())
  }

  static let header =
    "    " + pad("state", 12) + pad("due", 13) + pad("stab.", 8) + pad("lapses", 7) + "notes"

  /// The last grade in short: "last: right", "last: missing 3, reversed 2", "last: looks
  /// like 末".
  static func lastErrors(_ json: String?) -> String? {
    guard let grade = Grade.stored(json) else { return nil }
    if grade.errors.isEmpty { return grade.pass ? "last: right" : nil }
    let parts = Grade.Problem.Kind.allCases.compactMap { kind -> String? in
      let problems = grade.errors.filter { $0.type == kind }
      guard !problems.isEmpty else { return nil }
      if kind == .character {
        return problems.first?.drawn.map { "looks like \($0)" } ?? "another kanji"
      }
      return "\(kind.rawValue) " + problems.map { "\($0.stroke)" }.joined(separator: ",")
    }
    return "last: " + parts.joined(separator: ", ")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
  }

  // MARK: Screen

  var title: String {
    let count = "Deck: \(items.count) kanji"
    return filter.isEmpty ? count : count + "  ·  /\(filter): \(shown.count) shown"
  }

  var statusLine: (String, Style)? {
    switch mode {
    case .searching:
      return (
        "/" + filter + "_   (meaning, kana, kanji, jlpt:N3, grade:2; Enter keeps, Esc clears)", .key
      )
    case .adding(let text):
      return (
        "Add: " + text + "_   (jlpt:N5, grade:1, freq:100, file:PATH or kanji; Esc cancels)", .key
      )
    case .confirming(.reset(let kanji)):
      return (
        "Reset \(kanji) to new? Its memory is cleared; its reviews stay in the log. y/n", .accent
      )
    case .confirming(.delete(let kanji)):
      return ("Delete \(kanji) and its review log? y/n", .accent)
    case .confirming, .browsing:
      return message.map { ($0, .accent) }
    }
  }

  public var screen: Screen {
    if layout.isTooSmall { return layout.tooSmallScreen }
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    screen.texts.append(TextItem(row: 1, column: 0, text: Self.header, style: .dim))
    let shown = shown
    if shown.isEmpty {
      let text =
        items.isEmpty
        ? "The deck is empty: a adds a list (jlpt:N5, grade:1, freq:100, file:PATH or kanji)."
        : "No card matches /\(filter)."
      screen.texts.append(TextItem(row: 2, column: 2, text: text))
    }
    for (offset, item) in shown.dropFirst(top).prefix(listRows).enumerated() {
      let isSelected = top + offset == selected
      screen.texts.append(
        TextItem(
          row: 2 + offset, column: 0, text: (isSelected ? "> " : "  ") + Self.row(item, now: now),
          style: isSelected ? .accent : .plain))
    }
    if let (text, style) = statusLine {
      screen.texts.append(TextItem(row: layout.statusRow, column: 0, text: text, style: style))
    }
    screen.texts.append(
      TextItem(
        row: layout.keysRow, column: 0,
        text: "j/k move  Enter page  / search  s suspend  r reset  x delete  a add  q back",
        style: .key))
    return screen
  }
}

extension DeckScreen: Scene {
  /// A second: due times count down with no input.
  public var tickInterval: Int { 1000 }
}

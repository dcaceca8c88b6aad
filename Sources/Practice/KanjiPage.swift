import Foundation
import KanjiData
import ProgressRecords
import StrokeMatch

/// One kanji's own page: what it means and how it reads, its card, its components, the last
/// failed drawing beside the reference, and every review, latest first. Read-only: the App
/// loads the values and the page only scrolls its history and goes back.
public struct KanjiPage: Equatable, Sendable {
  /// The latest failed review with a drawing, as the feedback panels take it.
  public struct Failure: Equatable, Sendable {
    public var time: Date
    /// The drawing in unit coordinates.
    public var ink: [[UnitPoint]]
    public var assessment: Assessment
  }

  public let character: String
  /// The reference data; nil for a kanji it lacks (no readings, components or panels then).
  public let kanji: Kanji?
  /// A word card's page (`character` is then its key): the word from the reference data.
  public var word: Word?
  /// The card; nil when the kanji is not in the deck.
  public let card: CardSnapshot?
  /// The kanji's review log in time order, as the store keeps it.
  public let log: [ReviewLogEntry]
  public let asciiFrame: Bool
  public let timeZone: TimeZone
  /// Each study and review, latest first: its time, rating and the grader's errors named.
  public let historyLines: [String]
  /// Read once: the drawing's JSON is decoded here, not on every screen.
  public let lastFailure: Failure?
  public private(set) var now: Date
  /// The first history line shown.
  public private(set) var top = 0
  public private(set) var layout: Layout

  public init(
    character: String, kanji: Kanji?, card: CardSnapshot?, log: [ReviewLogEntry], now: Date,
    asciiFrame: Bool = false, timeZone: TimeZone = .current, columns: Int = 80, rows: Int = 24
  ) {
    self.character = character
    self.kanji = kanji
    self.card = card
    self.log = log
    self.now = now
    self.asciiFrame = asciiFrame
    self.timeZone = timeZone
    layout = Layout(columns: columns, rows: rows)
    let parts = kanji.map(KanjiParts.init(kanji:)) ?? KanjiParts(unknown: character)
    historyLines = Self.history(log, parts: parts, timeZone: timeZone)
    lastFailure = kanji == nil ? nil : Self.lastFailure(in: log)
  }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    now = time
    if case .key(let key) = event,
      let moved = Scrolling.top(
        after: key, from: top, lines: historyLines.count, rows: historyRows)
    {
      top = moved
      return []
    }
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      top = min(top, maxTop)
    case .key(.interrupt): return [.quit]
    case .key(.escape), .key(.character("q")): return [.close]
    default: break
    }
    return []
  }

  // MARK: Lines

  var parts: KanjiParts {
    kanji.map(KanjiParts.init(kanji:)) ?? KanjiParts(unknown: character)
  }

  /// Meanings, readings, the card and the components, one line each.
  public var infoLines: [String] {
    if let word {
      return [
        "Reading: " + Self.list(word.readings) + "  ·  " + (word.meanings.first ?? "-"),
        cardLine, "Kanji: " + word.kanji.joined(separator: " "),
      ]
    }
    guard let kanji else {
      return ["Not in the reference data: no meanings, readings or strokes.", cardLine]
    }
    var seen = Set<String>()
    let components = parts.components.compactMap(\.element).filter { seen.insert($0).inserted }
    return [
      "Meanings: " + (kanji.meanings.isEmpty ? "-" : kanji.meanings.joined(separator: ", ")),
      "Readings: " + Self.list(kanji.onyomi) + "  ·  " + Self.list(kanji.kunyomi),
      cardLine,
      "Components: "
        + (components.isEmpty ? "none named" : components.joined(separator: " ")),
    ]
  }

  /// "review · due in 3 days · stability 12 d · 2 lapses · suspended · leech".
  var cardLine: String {
    guard let snapshot = card else { return "Not in the deck." }
    let card = snapshot.card
    var parts = [card.state.rawValue]
    if card.state != .new, let due = card.due {
      parts.append("due " + Session.relative(due, from: now))
    }
    if let memory = card.memory { parts.append("stability \(Int(memory.stability.rounded())) d") }
    parts.append(card.lapses == 1 ? "1 lapse" : "\(card.lapses) lapses")
    if snapshot.suspended { parts.append("suspended") }
    if card.isLeech { parts.append("leech") }
    return "State: " + parts.joined(separator: " · ")
  }

  static func list(_ words: [String]) -> String {
    words.isEmpty ? "-" : words.joined(separator: " ")
  }

  static func history(_ log: [ReviewLogEntry], parts: KanjiParts, timeZone: TimeZone)
    -> [String]
  {
    guard !log.isEmpty else { return ["No reviews yet."] }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return log.reversed().map { entry in
      let time = formatter.string(from: entry.time)
      guard entry.kind == .review, let rating = entry.rating else { return time + "  studied" }
      var notes: [String] = []
      if let word = WordGrade.stored(entry.gradeJSON) {
        // A word's review: each kanji's own verdict.
        notes.append(
          word.parts.map { part in
            guard let grade = part.grade else { return "\(part.kanji) no drawing" }
            let mistakes = Mistake.found(in: grade, kanji: KanjiParts(unknown: part.kanji))
            return grade.pass && mistakes.isEmpty
              ? "\(part.kanji) right"
              : "\(part.kanji) "
                + mistakes.map { $0.phrase(kanji: part.kanji) }.joined(separator: ", ")
          }.joined(separator: "; "))
      } else if let grade = Grade.stored(entry.gradeJSON) {
        let mistakes = Mistake.found(in: grade, kanji: parts)
        notes.append(
          grade.pass && mistakes.isEmpty
            ? "right" : mistakes.map { $0.phrase(kanji: parts.character) }.joined(separator: "; "))
      } else {
        notes.append("no drawing")
      }
      if entry.hintsUsed > 0 {
        notes.append(entry.hintsUsed == 1 ? "1 hint" : "\(entry.hintsUsed) hints")
      }
      return time + "  " + DeckScreen.pad(rating.label, 7) + notes.joined(separator: ", ")
    }
  }

  /// The latest review rated Again or graded a failure whose drawing can be read.
  static func lastFailure(in log: [ReviewLogEntry]) -> Failure? {
    for entry in log.reversed() where entry.kind == .review {
      let grade = Grade.stored(entry.gradeJSON)
      guard entry.rating == .again || grade?.pass == false,
        let data = entry.drawingJSON?.data(using: .utf8),
        let drawing = try? JSONDecoder().decode(Drawing.self, from: data).validated(),
        !drawing.strokes.isEmpty
      else { continue }
      let ink = drawing.strokes.map { stroke in
        stroke.map {
          UnitPoint(x: $0.column / drawing.canvas.columns, y: $0.row / drawing.canvas.rows)
        }
      }
      let assessment = Assessment(
        passed: false, messages: grade?.errors.map(\.message) ?? [],
        strokes: grade?.strokes ?? [], json: entry.gradeJSON ?? "",
        drawingJSON: entry.drawingJSON ?? "")
      return Failure(time: entry.time, ink: ink, assessment: assessment)
    }
    return nil
  }

  // MARK: Layout

  /// The info lines broken to the terminal's width.
  var shownInfo: [String] {
    infoLines.flatMap { Layout.wrap($0, width: layout.columns) }
  }

  /// The first row after the title and the info lines, and a blank row.
  var bodyRow: Int { 2 + shownInfo.count }

  /// The inner height of the two panels: as tall as leaves eight rows for the history.
  var panelRows: Int {
    max(4, min(layout.statusRow - bodyRow - 2 - 8, (layout.columns - 12) / 4, 10))
  }

  var panels: (ink: CellRect, reference: CellRect) {
    let height = panelRows
    let width = height * 2
    return (
      CellRect(column: 2, row: bodyRow + 1, columns: width, rows: height),
      CellRect(column: 2 + width + 4, row: bodyRow + 1, columns: width, rows: height)
    )
  }

  /// The row of the history's heading: below the panels when there are any.
  var historyHeadingRow: Int {
    lastFailure == nil ? bodyRow : panels.ink.row + panels.ink.rows + 1
  }

  var historyRows: Int { max(1, layout.statusRow - historyHeadingRow - 1) }
  var maxTop: Int { max(0, historyLines.count - historyRows) }

  /// Scrolling when the history does not fit, and back.
  var keys: KeyLine {
    let scroll = historyLines.count > historyRows ? [("j/k", "or space scroll", "scroll")] : []
    return KeyLine(scroll + [("q", "back", "back")])
  }

  public var screen: Screen {
    if layout.isTooSmall { return layout.tooSmallScreen }
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    let title = word.map { "Word \($0.written)" } ?? "Kanji \(character)"
    screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    for (offset, line) in shownInfo.enumerated() {
      screen.texts.append(TextItem(row: 1 + offset, column: 0, text: line))
    }
    if let kanji, let failure = lastFailure {
      let panels = panels
      screen.canvases += Session.feedbackCanvases(
        ink: failure.ink, assessment: failure.assessment, kanji: kanji, panels: panels,
        frame: asciiFrame ? .ascii : .box, referenceTitle: character)
      // Beside the panels: when it was and what went wrong, as far as the room allows.
      let column = panels.reference.column + panels.reference.columns + 3
      let width = layout.columns - column
      if width >= 12 {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let grade = Grade.stored(failure.assessment.json)
        let mistakes = grade.map { Mistake.found(in: $0, kanji: parts) } ?? []
        let lines =
          Layout.wrap("Failed " + formatter.string(from: failure.time) + ":", width: width)
          + mistakes.flatMap { Layout.wrap($0.phrase(kanji: character), width: width) }
        for (offset, line) in lines.prefix(panels.ink.rows + 1).enumerated() {
          screen.texts.append(
            TextItem(row: panels.ink.row - 1 + offset, column: column, text: line))
        }
      }
    }
    let heading = historyHeadingRow
    let count = log.count
    screen.texts.append(
      TextItem(
        row: heading, column: 0,
        text: "History, latest first (\(count) entr\(count == 1 ? "y" : "ies")):", style: .dim))
    for (offset, line) in historyLines.dropFirst(top).prefix(historyRows).enumerated() {
      screen.texts.append(TextItem(row: heading + 1 + offset, column: 2, text: line))
    }
    screen.addFooter(status: nil, keys: keys, layout: layout)
    return screen
  }
}

extension KanjiPage: Scene {
  /// A minute: only the due time changes with no input.
  public var tickInterval: Int { 60_000 }
}

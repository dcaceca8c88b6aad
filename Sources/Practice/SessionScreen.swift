import Foundation
import KanjiData
import Scheduler

extension Session {
  /// The screen for the current state.
  public var screen: Screen {
    if layout.isTooSmall { return layout.tooSmallScreen }
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    if showHelp {
      screen.texts =
        [TextItem(row: 0, column: 0, text: "Kanji Write: keys", style: .title)]
        + Self.helpLines.enumerated().map {
          TextItem(row: $0.offset + 2, column: 2, text: $0.element)
        }
        + [TextItem(row: layout.keysRow, column: 0, text: "Any key: back", style: .key)]
      return screen
    }
    switch phase {
    case .setup(let setup): drawSetup(setup, on: &screen)
    case .study(let study): drawStudy(study, on: &screen)
    case .prompt(let prompt): drawPrompt(prompt, on: &screen)
    case .feedback(let feedback): drawFeedback(feedback, on: &screen)
    case .rewrite(let rewrite): drawRewrite(rewrite, on: &screen)
    case .summary: drawSummary(on: &screen)
    }
    return screen
  }

  public static let promptKeys = KeyLine([
    ("Enter", "check", "check"), ("u", "undo", "undo"), ("c", "clear", "clear"),
    ("h", "hint", "hint"), ("s", "show answer", "show"), ("?", "help", "help"),
    ("q", "save & quit", "quit"),
  ])
  /// A word's kanji before its last: Enter goes on to the next one.
  public static let wordPromptKeys = KeyLine([
    ("Enter", "next kanji", "next"), ("u", "undo", "undo"), ("c", "clear", "clear"),
    ("h", "hint", "hint"), ("s", "show answer", "show"), ("?", "help", "help"),
    ("q", "save & quit", "quit"),
  ])
  public static let studyKeys = KeyLine([
    ("Enter", "start writing", "start"), ("r", "replay", "replay"), ("?", "help", "help"),
    ("q", "quit", "quit"),
  ])
  public static let rewriteKeys = KeyLine([
    ("Enter", "check", "check"), ("u", "undo", "undo"), ("c", "clear", "clear"),
    ("Esc", "skip", "skip"), ("?", "help", "help"), ("q", "quit", "quit"),
  ])
  public static let feedbackKeys = KeyLine([
    ("Enter/space", "save and go on", "save"), ("1-4", "change rating", "rate"),
    ("?", "help", "help"), ("q", "save & quit", "quit"),
  ])
  public static let setupKeys = KeyLine([("1-7", "choose", "choose"), ("q", "quit", "quit")])
  public static let setupTypingKeys = KeyLine([("Enter", "add", "add"), ("Esc", "back", "back")])
  static let helpLines = [
    "Draw with the mouse: press, drag, release is one stroke.",
    "",
    "Enter        check the drawing (a word: write the next kanji)",
    "u, Backspace undo the last stroke",
    "c            clear the canvas",
    "h            hint: where the next stroke starts and which way it goes;",
    "             again: the next stroke; again: the whole kanji (a fail)",
    "s            show the answer (a fail)",
    "1 2 3 4      on the feedback screen: Again, Hard, Good, Easy",
    "U            take back the last answer stored and write that kanji again;",
    "             again to go further back",
    "Esc          after a failed card: skip writing it again",
    "r            while studying a new kanji: replay its strokes",
    "q            save, show what was done, and quit",
    "Ctrl-C       save and quit at once",
    "",
    "Stroke data: KanjiVG (Ulrich Apel and contributors), CC BY-SA 3.0.",
    "Dictionary: KANJIDIC2 (EDRDG), CC BY-SA 4.0; words: JMdict (EDRDG), the same.",
  ]

  private var frame: FrameKind { settings.asciiFrame ? .ascii : .box }

  private var progressLine: String {
    guard let card = currentCard else { return "" }
    let kind = card.isNew ? "new" : card.isLearning ? "learning" : "review"
    return "\(index + 1) of \(cards.count) · \(kind)"
  }

  /// Meanings and readings: the prompt, which never shows the character itself.
  private func header(_ kanji: Kanji, title: String, on screen: inout Screen) {
    screen.addPromptHeader(
      kanji, title: title, progress: progressLine, showStrokeCount: settings.showStrokeCount,
      samePrompt: currentCard?.samePrompt ?? [])
  }

  private func footer(
    status: String?, statusStyle: Style = .accent, keys: KeyLine, keyRows: Int? = nil,
    on screen: inout Screen
  ) {
    screen.addFooter(
      status: status, statusStyle: statusStyle, keys: keys, layout: layout, keyRows: keyRows)
  }

  // MARK: Phases

  private func drawSetup(_ setup: SetupState, on screen: inout Screen) {
    screen.texts.append(TextItem(row: 0, column: 0, text: "Welcome to Kanji Write", style: .title))
    screen.texts.append(
      TextItem(row: 2, column: 0, text: "Your deck is empty. What would you like to study?"))
    for (offset, choice) in SetupState.choices.enumerated() {
      screen.texts.append(
        TextItem(row: 4 + offset, column: 2, text: "\(offset + 1)  \(choice.label)"))
    }
    let row = 5 + SetupState.choices.count
    if let typed = setup.typing {
      screen.texts.append(
        TextItem(row: row, column: 0, text: "A file name, or the kanji themselves, then Enter:"))
      screen.texts.append(
        TextItem(row: row + 1, column: 2, text: "> " + typed + "_", style: .accent))
    }
    let keys = setup.typing == nil ? Self.setupKeys : Self.setupTypingKeys
    footer(status: setup.message, statusStyle: .error, keys: keys, on: &screen)
  }

  private func drawStudy(_ study: StudyState, on screen: inout Screen) {
    guard let card = currentCard else { return }
    header(card.kanji, title: "New kanji: \(card.kanji.character)", on: &screen)
    let reference = card.kanji.strokes.strokes
    let shown = study.strokesShown(of: reference.count, at: now)
    var canvas = CanvasView(inner: layout.canvas, frame: frame)
    for (number, stroke) in reference.prefix(shown).enumerated() {
      let style: Style = number == shown - 1 ? .accent : .ink
      canvas.strokes.append(StrokeView(points: Self.unitPoints(stroke), style: style))
      if let start = stroke.points.first {
        canvas.marks.append(Mark(at: Self.unit(start), text: "\(number + 1)", style: .key))
      }
    }
    screen.canvases.append(canvas)
    footer(
      status: notice
        ?? "Stroke \(shown) of \(reference.count). Learn the order, then write it from memory.",
      keys: Self.studyKeys, on: &screen)
  }

  private func drawPrompt(_ prompt: PromptState, on screen: inout Screen) {
    guard let card = currentCard else { return }
    if let word = card.word {
      let boxes = word.boxes(filled: prompt.finished.count)
      // On a narrow terminal a shorter title keeps the boxes and "1 of 5 · learning" on one
      // line.
      let room = layout.columns - 2 - DisplayWidth.of(progressLine)
      let title =
        ["Write the word  " + boxes, "Word " + boxes].first { DisplayWidth.of($0) <= room } ?? boxes
      wordHeader(word, title: title, on: &screen)
    } else {
      header(card.kanji, title: "Write the kanji", on: &screen)
      if settings.promptWords { screen.addPromptWords(card.promptWords, beside: layout.canvas) }
    }
    let reference = Self.target(of: card, in: prompt).strokes.strokes
    var canvas = CanvasView(inner: layout.canvas, frame: frame)
    let next = prompt.ink.strokes.count
    if prompt.hintLevel >= 3 {
      for stroke in reference {
        canvas.strokes.append(StrokeView(points: Self.unitPoints(stroke), style: .hint))
      }
    } else if reference.indices.contains(next), prompt.hintLevel >= 1 {
      let points = Self.unitPoints(reference[next])
      if prompt.hintLevel >= 2 {
        canvas.strokes.append(StrokeView(points: points, style: .hint))
      } else if let hint = StrokeHint(stroke: points) {
        for line in [hint.segment] + hint.barbs {
          canvas.strokes.append(StrokeView(points: line, style: .hint))
        }
      }
      if let start = points.first {
        canvas.marks.append(Mark(at: start, text: "\(next + 1)", style: .hint))
      }
    }
    for stroke in prompt.shownStrokes.sorted() where reference.indices.contains(stroke) {
      canvas.strokes.append(StrokeView(points: Self.unitPoints(reference[stroke]), style: .hint))
    }
    for stroke in prompt.ink.strokes {
      canvas.strokes.append(StrokeView(points: stroke, style: .ink))
    }
    if let rejected = prompt.rejected {
      canvas.strokes.append(StrokeView(points: rejected, style: .wrong))
    }
    if let current = prompt.current {
      canvas.strokes.append(StrokeView(points: current, style: .ink))
    }
    screen.canvases.append(canvas)
    let status = prompt.message ?? notice ?? "Strokes drawn: \(prompt.ink.strokes.count)"
    let goesOn = card.word.map { prompt.finished.count + 1 < $0.characters.count } ?? false
    footer(status: status, keys: goesOn ? Self.wordPromptKeys : Self.promptKeys, on: &screen)
  }

  /// The failed card once more: the whole reference faint behind the learner's strokes.
  private func drawRewrite(_ rewrite: PromptState, on screen: inout Screen) {
    guard let card = currentCard else { return }
    header(card.kanji, title: "Write it again: \(card.kanji.character)", on: &screen)
    var canvas = CanvasView(inner: layout.canvas, frame: frame)
    for stroke in card.kanji.strokes.strokes {
      canvas.strokes.append(StrokeView(points: Self.unitPoints(stroke), style: .hint))
    }
    for stroke in rewrite.ink.strokes + (rewrite.current.map { [$0] } ?? []) {
      canvas.strokes.append(StrokeView(points: stroke, style: .ink))
    }
    screen.canvases.append(canvas)
    let drawn = "Write it once more over the faint strokes. Strokes drawn: "
    let status = rewrite.message ?? drawn + "\(rewrite.ink.strokes.count)"
    footer(
      status: status, keys: Self.rewriteKeys, on: &screen)
  }

  /// A word's prompt: its reading with the kana in place, and its meaning; never its kanji.
  private func wordHeader(_ word: WordCard, title: String, on screen: inout Screen) {
    screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    let progress = progressLine
    screen.texts.append(
      TextItem(
        row: 0, column: max(CellWidth.of(title) + 2, layout.columns - progress.count - 1),
        text: progress, style: .dim))
    let meaning = word.word.meanings.first ?? "(no English meaning)"
    screen.texts.append(
      TextItem(
        row: 1, column: 0, text: "\(word.kanaInPlace) — \(meaning)", style: .accent))
    screen.texts.append(
      TextItem(row: 2, column: 0, text: "reading: " + word.word.readings.joined(separator: "、")))
  }

  /// A word's feedback: each kanji's ink beside its reference, then the worst one's messages.
  /// A title with an aside ("  (standard grading)") when both fit in `room` columns, else the
  /// title alone.
  private func fitted(_ title: String, _ aside: String, room: Int) -> String {
    DisplayWidth.of(title + aside) <= room ? title + aside : title
  }

  private func drawWordFeedback(
    _ feedback: FeedbackState, word: WordCard, graded: String, on screen: inout Screen
  ) {
    let verdict =
      feedback.revealed
      ? "the answer" : feedback.parts.allSatisfy(\.assessment.passed) ? "right" : "not right"
    let title = "\(word.word.written)  \(verdict)"
    screen.texts.append(
      TextItem(row: 0, column: 0, text: fitted(title, graded, room: layout.columns), style: .title))
    screen.texts.append(
      TextItem(
        row: 1, column: 0,
        text: "\(word.word.readings.first ?? "") — \(word.word.meanings.first ?? "")",
        style: .accent))
    screen.texts.append(
      TextItem(
        row: 2, column: 0,
        text: feedback.parts.map {
          let verdict =
            $0.attempt.revealed ? "shown" : $0.assessment.passed ? "right" : "not right"
          return "\($0.character): \(verdict)"
        }.joined(separator: "   ")))
    for (part, panels) in zip(
      feedback.parts, layout.wordFeedbackPanels(count: feedback.parts.count))
    {
      screen.canvases += Self.feedbackCanvases(
        ink: part.ink.strokes, assessment: part.assessment,
        kanji: word.characters.first { $0.character == part.character } ?? word.characters[0],
        panels: panels, frame: frame, referenceTitle: part.character)
    }
  }

  private func drawFeedback(_ feedback: FeedbackState, on screen: inout Screen) {
    guard let card = currentCard else { return }
    let verdict: String
    if feedback.revealed {
      verdict = "the answer"
    } else {
      verdict = feedback.assessment.passed ? "right" : "not right"
    }
    // The strictness in force, beside the verdict it produced.
    let graded = feedback.assessment.strictness.map { "  (\($0) grading)" } ?? ""
    if let word = card.word, !feedback.parts.isEmpty {
      drawWordFeedback(feedback, word: word, graded: graded, on: &screen)
    } else {
      // The progress keeps its place at the right; the strictness gives way on a narrow screen.
      let room = layout.columns - 2 - DisplayWidth.of(progressLine)
      header(
        card.kanji, title: fitted("\(card.kanji.character)  \(verdict)", graded, room: room),
        on: &screen)
      screen.canvases += Self.feedbackCanvases(
        ink: feedback.ink.strokes, assessment: feedback.assessment, kanji: card.kanji,
        panels: layout.feedbackPanels, frame: frame, referenceTitle: "reference")
    }

    var row = layout.feedbackTextRow
    let lastMessageRow = layout.statusRow - 1
    var messages = feedback.assessment.messages
    if feedback.revealed && feedback.ink.strokes.isEmpty {
      // Nothing was drawn: every stroke "missing" says nothing the reference does not.
      messages = ["Shown: it counts as forgotten."]
    } else if !feedback.assessment.liftAfter.isEmpty {
      messages.append("^ on the reference: lift the pen there")
    }
    if feedback.assessment.passed, !(feedback.revealed && feedback.ink.strokes.isEmpty) {
      // A pass with messages carries a loose hand's slips, let go: say the pass first.
      messages =
        messages.isEmpty ? ["All strokes right."] : ["Right, with slips let go:"] + messages
    }
    let room = max(1, lastMessageRow - row)
    if messages.count > room {
      messages = messages.prefix(room - 1) + ["... and \(messages.count - room + 1) more"]
    }
    for message in messages {
      screen.texts.append(TextItem(row: row, column: 0, text: message))
      row += 1
    }
    let proposal = "\(feedback.proposed.label): \(feedback.reason)"
    screen.texts.append(
      TextItem(
        row: lastMessageRow, column: 0,
        text: feedback.chosen == feedback.proposed ? proposal : "Proposed " + proposal))
    let ratings = Rating.allCases.map { rating in
      let interval = feedback.intervals?[rating].map { " " + Self.shortInterval($0) } ?? ""
      let button = "\(rating.rawValue) \(rating.label)\(interval)"
      return rating == feedback.chosen ? "[\(button)]" : button
    }.joined(separator: "  ")
    var rating = "Rating: \(feedback.chosen.label)   \(ratings)"
    if rating.count > layout.columns {
      // A narrow terminal: the buttons by number, as "1:10m", the chosen one bracketed.
      rating =
        "\(feedback.chosen.label)  "
        + Rating.allCases.map { rating in
          let interval = feedback.intervals?[rating].map { ":" + Self.shortInterval($0) } ?? ""
          let button = "\(rating.rawValue)\(interval)"
          return rating == feedback.chosen ? "[\(button)]" : button
        }.joined(separator: " ")
    }
    footer(
      status: feedback.error ?? rating, statusStyle: feedback.error == nil ? .accent : .error,
      keys: Self.feedbackKeys, on: &screen)
  }

  private func drawSummary(on screen: inout Screen) {
    var lines: [(String, Style)] = []
    if cards.isEmpty {
      lines.append(("Nothing is due now.", .title))
    } else {
      lines.append((stopped ? "Session stopped" : "Session done", .title))
      lines.append(("", .plain))
      lines.append(("Reviewed:          \(stats.reviewed)", .plain))
      lines.append(("Right first time:  \(stats.rightFirstTime)", .plain))
      lines.append(("Again:             \(stats.again)", .plain))
      lines.append(
        ("Time:              \(Self.duration(now.timeIntervalSince(stats.startedAt)))", .plain))
    }
    if let outlook {
      lines.append(
        ("Streak:            \(outlook.streak) day\(outlook.streak == 1 ? "" : "s")", .plain))
      let next = outlook.nextDue.map { Self.relative($0, from: now) } ?? "none scheduled"
      lines.append(("Next review:       \(next)", .plain))
    }
    for (offset, line) in lines.enumerated() {
      screen.texts.append(TextItem(row: offset, column: 0, text: line.0, style: line.1))
    }
    // The summary has no canvas: its many keys may take two rows even on a wide terminal.
    footer(status: notice, keys: summaryKeys, keyRows: 2, on: &screen)
  }

  /// The summary's keys: the other screens, taking back an answer, and leaving.
  public var summaryKeys: KeyLine {
    let leave = (key: "Enter or q", label: returnsHome ? "home" : "quit", short: "")
    guard !stopped else { return KeyLine([(leave.key, "quit", "")]) }
    var items = AppDestination.allCases.map {
      (key: String($0.rawValue), label: $0.label, short: $0.shortLabel)
    }
    if offersMore {
      items += [("n", "5 more new", "+5 new"), ("a", "reviews ahead", "ahead")]
    }
    if stats.reviewed > 0 { items.append(("U", "take back", "undo")) }
    items.append((leave.key, leave.label, leave.label))
    return KeyLine(items)
  }

  // MARK: Helpers

  /// The learner's ink beside the reference, each stroke coloured by the grader's verdict and
  /// the reference's start points numbered: the feedback screen, the self-test's results and
  /// the kanji page draw the same two panels.
  static func feedbackCanvases(
    ink strokes: [[UnitPoint]], assessment: Assessment, kanji: Kanji,
    panels: (ink: CellRect, reference: CellRect), frame: FrameKind, referenceTitle: String
  ) -> [CanvasView] {
    let byDrawn = assessment.verdictsByDrawnIndex
    var ink = CanvasView(inner: panels.ink, frame: frame, title: "yours")
    for (number, stroke) in strokes.enumerated() {
      // A stroke the grader matched to nothing is extra.
      ink.strokes.append(
        StrokeView(points: stroke, style: byDrawn[number].map(style(for:)) ?? .wrong))
    }
    var reference = CanvasView(inner: panels.reference, frame: frame, title: referenceTitle)
    for (number, stroke) in kanji.strokes.strokes.enumerated() {
      let style = assessment.verdict(ofReferenceIndex: number).map(style(for:)) ?? .ink
      reference.strokes.append(StrokeView(points: unitPoints(stroke), style: style))
      if let start = stroke.points.first {
        reference.marks.append(Mark(at: unit(start), text: "\(number + 1)", style: style))
      }
    }
    // Where a stroke drawn as one with the next should have ended.
    for number in assessment.liftAfter {
      guard let end = kanji.strokes.strokes[number].points.last else { continue }
      reference.marks.append(Mark(at: unit(end), text: "^", style: .wrong))
    }
    return [ink, reference]
  }

  static func style(for verdict: Verdict) -> Style {
    switch verdict {
    case .ok: .ok
    case .order: .order
    case .reversed: .reversed
    case .shape, .position, .joined, .split: .wrong
    case .missing: .missing
    }
  }

  static func unit(_ point: Point) -> UnitPoint {
    UnitPoint(x: point.x / 109, y: point.y / 109)
  }

  static func unitPoints(_ stroke: ReferenceStroke) -> [UnitPoint] {
    stroke.points.map(unit)
  }

  static func duration(_ seconds: TimeInterval) -> String {
    let total = max(0, Int(seconds.rounded()))
    return total < 60 ? "\(total) s" : "\(total / 60) min \(total % 60) s"
  }

  /// An interval as Anki writes it on its buttons: "10m", "3h", "4d", "2.5mo", "1.2y".
  static func shortInterval(_ seconds: TimeInterval) -> String {
    func tenths(_ value: Double) -> String {
      let rounded = (value * 10).rounded() / 10
      return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
    let days = seconds / 86400
    if seconds < 3600 { return "\(max(1, Int((seconds / 60).rounded())))m" }
    if days < 1 { return "\(Int((seconds / 3600).rounded()))h" }
    if days < 30 { return "\(Int(days.rounded()))d" }
    if days < 365 { return tenths(days / 30) + "mo" }
    return tenths(days / 365) + "y"
  }

  /// "in 10 min", "in 3 h", "in 2 days", "now".
  static func relative(_ date: Date, from now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    if seconds < 60 { return "now" }
    if seconds < 3600 { return "in \(Int(seconds / 60)) min" }
    if seconds < 86400 { return "in \(Int(seconds / 3600)) h" }
    let days = Int(seconds / 86400)
    return "in \(days) day\(days == 1 ? "" : "s")"
  }
}

extension Rating {
  /// The button name, capitalised as learners know it from Anki.
  var label: String { name.prefix(1).uppercased() + name.dropFirst() }
}

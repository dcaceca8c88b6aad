import Foundation
import KanjiData

extension SelfTestSession {
  /// The rules, on the status line; short enough for an 80-column terminal.
  public static let rules =
    "Write it from meaning and readings; no hints, no feedback until the end."
  public static let askKeys = KeyLine([
    ("Enter", "next", "next"), ("x", "I can't", "can't"), ("u", "undo", "undo"),
    ("c", "clear", "clear"), ("q", "abandon the test", "abandon"),
  ])
  public static let resultKeys = KeyLine([
    ("n/p or 1-0", "show another kanji", "other"), ("Enter or q", "done", "done"),
  ])

  /// The screen for the current state.
  public var screen: Screen {
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    if layout.isTooSmall {
      screen.texts = [
        TextItem(row: 0, column: 0, text: "Terminal too small", style: .error),
        TextItem(
          row: 1, column: 0,
          text: "The self-test needs at least \(Layout.minimumColumns)x\(Layout.minimumRows);"),
        TextItem(row: 2, column: 0, text: "this one is \(layout.columns)x\(layout.rows)."),
        TextItem(row: 3, column: 0, text: "Enlarge the window (q quits)."),
      ]
      return screen
    }
    switch phase {
    case .asking(let ask): drawAsking(ask, on: &screen)
    case .results(let selected): drawResults(selected: selected, on: &screen)
    }
    return screen
  }

  private var frame: FrameKind { asciiFrame ? .ascii : .box }

  private func drawAsking(_ ask: AskState, on screen: inout Screen) {
    guard kanji.indices.contains(index) else { return }
    let current = kanji[index]
    let drawn = ask.ink.strokes.count
    if let (number, word, written) = word(atKanji: index) {
      // The word's reading and meaning, its kana in place; never its kanji.
      let progress = "Strokes drawn: \(drawn)   word \(number + 1) of \(words.count)"
      let title = "Self-test  " + word.boxes(filled: written)
      screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
      screen.texts.append(
        TextItem(
          row: 0, column: max(CellWidth.of(title) + 2, layout.columns - progress.count - 1),
          text: progress, style: .dim))
      screen.texts.append(
        TextItem(
          row: 1, column: 0, text: "\(word.kanaInPlace) — \(word.word.meanings.first ?? "")",
          style: .accent))
      screen.texts.append(
        TextItem(row: 2, column: 0, text: "reading: " + word.word.readings.joined(separator: "、")))
    } else {
      let progress = "Strokes drawn: \(drawn)   \(index + 1) of \(kanji.count)"
      // Meaning and readings only: the stroke count is never shown in a test.
      screen.addPromptHeader(
        current, title: "Self-test", progress: progress, showStrokeCount: false)
    }
    var canvas = CanvasView(inner: layout.canvas, frame: frame)
    for stroke in ask.ink.strokes + (ask.current.map { [$0] } ?? []) {
      canvas.strokes.append(StrokeView(points: stroke, style: .ink))
    }
    screen.canvases.append(canvas)
    screen.addFooter(status: ask.message ?? Self.rules, keys: Self.askKeys, layout: layout)
  }

  private func drawResults(selected: Int, on screen: inout Screen) {
    guard let outcome, outcome.answers.indices.contains(selected) else { return }
    let score = outcome.score
    screen.texts.append(
      TextItem(
        row: 0, column: 0,
        text:
          "Self-test: \(score.produced) of \(score.kanji.count)\(words.isEmpty ? "" : " words")"
          + " written completely (\(Int(score.percent.rounded()))%)",
        style: .title))
    let shown = outcome.answers[selected]
    let reference = kanji[selected]
    let verdict = shown.item.produced ? "written completely" : "not written completely"
    screen.texts.append(
      TextItem(
        row: 1, column: 0, text: "\(selected + 1). \(reference.character)  \(verdict)",
        style: shown.item.produced ? .ok : .wrong))
    let problems = shown.item.problems(parts: KanjiParts(kanji: reference))
    screen.texts.append(
      TextItem(row: 2, column: 0, text: problems.joined(separator: "; "), style: .plain))

    screen.canvases += Session.feedbackCanvases(
      ink: shown.ink.strokes, assessment: shown.assessment, kanji: reference,
      panels: layout.feedbackPanels, frame: frame, referenceTitle: reference.character)

    // All ten below the panels, two columns of five, the one shown marked.
    let top = layout.feedbackTextRow
    let half = (kanji.count + 1) / 2
    for (number, answered) in outcome.answers.enumerated() {
      let mark = answered.item.produced ? "✓" : "✗"
      let pointer = number == selected ? ">" : " "
      let text = "\(pointer)\(number + 1). \(answered.kanji) \(mark)"
      let row = top + number % half
      guard row < layout.statusRow else { continue }
      screen.texts.append(
        TextItem(
          row: row, column: number < half ? 2 : 2 + layout.columns / 2, text: text,
          style: answered.item.produced ? .ok : .wrong))
    }
    screen.addFooter(
      status: saveError, statusStyle: .error, keys: Self.resultKeys, layout: layout)
  }
}

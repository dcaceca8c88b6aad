import KanjiData

extension Screen {
  /// The top three rows of a screen that asks for a kanji: the title with `progress` on the
  /// right, the English meanings, and the readings. Never the character itself.
  /// - Parameter samePrompt: other kanji the same meanings and readings would ask for.
  mutating func addPromptHeader(
    _ kanji: Kanji, title: String, progress: String, showStrokeCount: Bool,
    samePrompt: [Kanji] = []
  ) {
    texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    texts.append(
      TextItem(
        row: 0, column: max(title.count + 2, columns - progress.count - 1), text: progress,
        style: .dim))
    let shown = Self.promptMeanings(kanji.meanings)
    var meanings = shown.isEmpty ? "(no English meaning)" : shown.joined(separator: "; ")
    if let distinction = Self.distinction(of: kanji, from: samePrompt) {
      meanings += "  (\(distinction))"
    }
    texts.append(TextItem(row: 1, column: 0, text: meanings, style: .accent))
    var readings: [String] = []
    if !kanji.onyomi.isEmpty { readings.append("on: " + kanji.onyomi.joined(separator: "、")) }
    if !kanji.kunyomi.isEmpty { readings.append("kun: " + kanji.kunyomi.joined(separator: "、")) }
    if showStrokeCount { readings.append("\(kanji.strokes.strokes.count) strokes") }
    texts.append(TextItem(row: 2, column: 0, text: readings.joined(separator: "   ")))
  }
}

extension Screen {
  /// The fewest columns left of the canvas that word cues are drawn in.
  static let promptWordColumns = 12

  /// Word cues in the room left of the canvas, each as two lines (the word blanked and its
  /// reading; its meaning, indented); none on a terminal too narrow for them.
  mutating func addPromptWords(_ words: [PromptWord], beside canvas: CellRect) {
    let room = canvas.column - 2
    guard room >= Self.promptWordColumns else { return }
    for (offset, word) in words.enumerated() {
      let row = canvas.row + 1 + offset * 3
      texts.append(
        TextItem(
          row: row, column: 0, text: CellWidth.fit("\(word.blanked) \(word.reading)", room),
          style: .accent))
      texts.append(
        TextItem(row: row + 1, column: 1, text: CellWidth.fit(word.meaning, room - 1)))
    }
  }
}

extension Screen {
  /// The meanings a prompt shows. KANJIDIC lists a radical's name and number among the
  /// meanings ("one radical (no.1)"), which names the radical, not the kanji: it is left out,
  /// unless nothing else is left.
  static func promptMeanings(_ meanings: [String]) -> [String] {
    let kept = meanings.filter { !isRadicalName($0) }
    return kept.isEmpty ? meanings : kept
  }

  /// What tells `kanji` from others asked the same way: "the Jōyō form, not 國" for 国,
  /// "not 国, the Jōyō form" for 國, "not 乾" otherwise.
  static func distinction(of kanji: Kanji, from others: [Kanji]) -> String? {
    guard !others.isEmpty else { return nil }
    let names = others.map(\.character).joined(separator: ", ")
    if kanji.isJoyo && !others.contains(where: \.isJoyo) { return "the Jōyō form, not \(names)" }
    if !kanji.isJoyo, others.count == 1, others[0].isJoyo {
      return "not \(names), the Jōyō form"
    }
    return "not \(names)"
  }

  static func isRadicalName(_ meaning: String) -> Bool {
    // The plain search first: a Regex match costs far more, and a prompt is drawn every frame.
    meaning.contains("radical")
      && meaning.contains(/radical (\(no\. ?\d+\)|number \d+|\d+)$/)
  }
}

extension CellRect {
  /// A screen position as a point of this drawing area, clamped to it.
  func unit(_ point: ScreenPoint) -> UnitPoint {
    let x = (point.x - Double(column)) / Double(max(1, columns))
    let y = (point.y - Double(row)) / Double(max(1, rows))
    return UnitPoint(x: min(1, max(0, x)), y: min(1, max(0, y)))
  }
}

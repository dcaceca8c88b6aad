import KanjiData

extension Grade {
  /// Whether so much is wrong that the drawing may be another kanji altogether: a third of the
  /// strokes misdrawn or missing, or strokes both missing and extra.
  public var suggestsAnotherCharacter: Bool {
    // Nothing drawn is no kanji at all.
    guard !pass, strokes.contains(where: { $0.drawn != nil }) else { return false }
    let wrong = strokes.filter { [.missing, .shape, .position].contains($0.verdict) }.count
    let missing = errors.contains { $0.type == .missing }
    let extra = errors.contains { $0.type == .extra }
    return Double(wrong) >= Double(strokes.count) / 3 || (missing && extra)
  }

  /// Adds a `character` error, first, naming the kanji drawn instead when the recogniser ranks it
  /// clearly above the one asked for.
  public mutating func nameCharacter(of drawing: Drawing, using recognizer: Recognizer) {
    guard suggestsAnotherCharacter, !errors.contains(where: { $0.type == .character }) else {
      return
    }
    // A narrower search than `recognize`'s: kanji of the drawing's own stroke count.
    let candidates = recognizer.recognize(drawing, top: 5, window: 0, prefilter: 40, shortlist: 5)
    guard let best = candidates.first, best.kanji != kanji else { return }
    let asked = candidates.first { $0.kanji == kanji }?.score ?? 0
    guard best.score >= asked * 1.1 else { return }
    errors.insert(
      Problem(
        type: .character, stroke: 0, message: "this looks like \(best.kanji), not \(kanji)",
        drawn: best.kanji), at: 0)
  }
}

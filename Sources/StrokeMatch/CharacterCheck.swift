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

  /// Whether the only problems are the shape or place of a stroke or two: what a loose hand's
  /// slips look like, and what a look-alike drawn neatly looks like, as against a stroke
  /// missing, extra, reversed or out of order.
  public var fewSlipsOnly: Bool {
    !errors.isEmpty && errors.count <= 2
      && errors.allSatisfy { $0.type == .shape || $0.type == .position }
  }

  /// Whether `review` has anything to settle: a loose hand's slips, a look-alike, or another
  /// kanji drawn.
  public var needsReview: Bool {
    looseHandOnly == true || fewSlipsOnly || suggestsAnotherCharacter
  }

  /// Settles what only a comparison with other kanji can, from one ranking of the kanji of the
  /// drawing's stroke count by `recognizer`: a loose hand's slips are forgiven when the drawing
  /// is clearly the kanji asked (they become `notes`), and a `character` error names another
  /// kanji when the drawing is clearly that one.
  public mutating func review(_ drawing: Drawing, using recognizer: Recognizer) {
    guard needsReview else { return }
    // A narrower search than `recognize`'s: kanji of the drawing's own stroke count.
    let candidates = recognizer.recognize(drawing, top: 5, window: 0, prefilter: 40, shortlist: 5)
    if looseHandOnly == true { forgiveSlips(ifFirst: candidates) }
    looseHandOnly = nil
    guard !pass else { return }
    // A stroke or two off (a look-alike) says little against another kanji: a narrow margin
    // names it; a drawing with much wrong needs a wide one.
    if fewSlipsOnly { addCharacterError(candidates, margin: Self.identityMargin) }
    if suggestsAnotherCharacter { addCharacterError(candidates, margin: 1.1) }
  }

  /// How far ahead of every other kanji the recogniser must put the one asked before a loose
  /// hand's slips are forgiven, and how far ahead of the one asked another kanji must be to be
  /// named for a stroke or two off. Drawn look-alikes score at least 8% better as what they are
  /// than as the kanji asked; a correct sloppy drawing scores 2-30% ahead of the next kanji.
  static let identityMargin = 1.03

  /// The drawing passes, its slips kept as `notes`, when `candidates` put the kanji asked first
  /// by the identity margin.
  private mutating func forgiveSlips(ifFirst candidates: [(kanji: String, score: Double)]) {
    guard let best = candidates.first, HandwrittenForms.same(best.kanji, kanji) else { return }
    let runnerUp =
      candidates.dropFirst().first { !HandwrittenForms.same($0.kanji, kanji) }?.score ?? 0
    guard best.score >= runnerUp * Self.identityMargin else { return }
    notes = errors.map { slip in
      var note = slip
      note.message = slip.message + ", forgiven in a loose hand"
      return note
    }
    errors = []
    pass = true
    for index in strokes.indices where strokes[index].verdict != .ok {
      strokes[index].verdict = .ok
    }
  }

  /// A `character` error, first, unless there is one, when the best of `candidates` is another
  /// kanji, `margin` times the score of the one asked (0 when it is not among them).
  private mutating func addCharacterError(
    _ candidates: [(kanji: String, score: Double)], margin: Double
  ) {
    guard !errors.contains(where: { $0.type == .character }) else { return }
    // The kanji's other handwritten form (叱 for 𠮟) is the kanji, not another one.
    guard let best = candidates.first, !HandwrittenForms.same(best.kanji, kanji) else { return }
    let asked = candidates.first { HandwrittenForms.same($0.kanji, kanji) }?.score ?? 0
    guard best.score >= asked * margin else { return }
    errors.insert(
      Problem(
        type: .character, stroke: 0, message: "this looks like \(best.kanji), not \(kanji)",
        drawn: best.kanji), at: 0)
  }
}

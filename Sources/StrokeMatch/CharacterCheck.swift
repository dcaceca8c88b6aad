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

  /// Settles what only a comparison with other kanji can: a loose hand's slips are forgiven when
  /// the drawing is clearly the kanji asked, and a `character` error is added when it is clearly
  /// another one. `recognizer` ranks the kanji of the drawing's stroke count.
  public mutating func review(_ drawing: Drawing, using recognizer: Recognizer) {
    if looseHandOnly == true {
      confirmIdentity(of: drawing, using: recognizer)
    } else if fewSlipsOnly {
      // A stroke or two off in a neat hand: a look-alike, when another kanji is clearly nearer.
      addCharacterError(
        recognizer.recognize(drawing, top: 5, window: 0, prefilter: 40, shortlist: 5),
        margin: Self.identityMargin)
    }
    nameCharacter(of: drawing, using: recognizer)
  }

  /// How far ahead of every other kanji the recogniser must put the one asked before a loose
  /// hand's slips are forgiven. Drawn look-alikes score at least 8% better as what they are
  /// than as the kanji asked; a correct sloppy drawing scores 2-30% ahead of the next kanji.
  static let identityMargin = 1.03

  /// Forgives the shape and place slips of a loose hand (`looseHandOnly`) when the recogniser,
  /// among the kanji of the drawing's stroke count, clearly ranks the kanji asked first: the
  /// drawing passes, and the slips become `notes`. When it clearly ranks another kanji first
  /// (a look-alike), that kanji is named.
  public mutating func confirmIdentity(of drawing: Drawing, using recognizer: Recognizer) {
    guard looseHandOnly == true else { return }
    looseHandOnly = nil
    let candidates = recognizer.recognize(drawing, top: 5, window: 0, prefilter: 40, shortlist: 5)
    guard let best = candidates.first else { return }
    guard best.kanji == kanji else {
      addCharacterError(candidates, margin: Self.identityMargin)
      return
    }
    let runnerUp = candidates.count > 1 ? candidates[1].score : 0
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

  /// Adds a `character` error, first, naming the kanji drawn instead when the recogniser ranks it
  /// clearly above the one asked for.
  public mutating func nameCharacter(of drawing: Drawing, using recognizer: Recognizer) {
    guard suggestsAnotherCharacter, !errors.contains(where: { $0.type == .character }) else {
      return
    }
    // A narrower search than `recognize`'s: kanji of the drawing's own stroke count.
    addCharacterError(
      recognizer.recognize(drawing, top: 5, window: 0, prefilter: 40, shortlist: 5), margin: 1.1)
  }

  /// A `character` error, first, when the best of `candidates` is another kanji, `margin` times
  /// the score of the one asked (which counts as 0 when it is not among them). A drawing with
  /// much wrong needs a wide margin; a loose hand's with a slip or two (`confirmIdentity`), the
  /// identity margin, as every look-alike of the check sets clears it.
  private mutating func addCharacterError(
    _ candidates: [(kanji: String, score: Double)], margin: Double
  ) {
    guard let best = candidates.first, best.kanji != kanji else { return }
    let asked = candidates.first { $0.kanji == kanji }?.score ?? 0
    guard best.score >= asked * margin else { return }
    errors.insert(
      Problem(
        type: .character, stroke: 0, message: "this looks like \(best.kanji), not \(kanji)",
        drawn: best.kanji), at: 0)
  }
}

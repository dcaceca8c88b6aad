import Foundation
import KanjiData
import ProgressRecords
import Scheduler

/// A practice session as a state machine: events in, effects out, and a `screen` to show.
/// It does no I/O, so tests can play whole sessions with a fake judge.
public struct Session: Sendable {
  public enum Phase: Equatable, Sendable {
    case setup(SetupState)
    case study(StudyState)
    case prompt(PromptState)
    case feedback(FeedbackState)
    /// After a failed card: written once more over the faint reference, graded, not rated.
    case rewrite(PromptState)
    case summary
  }

  public private(set) var phase: Phase
  public private(set) var cards: [SessionCard]
  /// The card being studied, asked or shown.
  public private(set) var index = 0
  public private(set) var layout: Layout
  public private(set) var stats: SessionStats
  public private(set) var showHelp = false
  public private(set) var now: Date
  public var settings: PracticeSettings
  public private(set) var outlook: SessionOutlook?
  /// The app runs the session from its home screen, to which the summary goes back; on its own
  /// (`practice`), leaving the summary ends the program. Only the summary's words change.
  public var returnsHome = false
  /// Today's session in the app: when its cards are done, the summary offers more new kanji
  /// (`n`) and reviews ahead (`a`).
  public var offersMore = false
  /// The learner stopped with `q` before the end: the summary says so, and leaving it quits.
  public private(set) var stopped = false
  /// A word shown on the next screen until the learner acts: how the last rewrite went
  /// ("Written again: right"), why `U` did nothing, or what the deck choice skipped.
  public private(set) var notice: String?
  let judge: any DrawingJudge
  /// The feedback saved last, to go back to if storing it fails.
  private var lastSaved: (index: Int, feedback: FeedbackState)?
  /// The answers stored this session, latest last: what `U` takes back, one at a time.
  private var answered: [(index: Int, feedback: FeedbackState)] = []
  /// The answer being taken back, until the App says it is.
  private var undoing: (index: Int, feedback: FeedbackState)?

  /// - Parameter deckIsEmpty: with no cards, ask what to study (first run) instead of saying
  ///   that nothing is due.
  public init(
    cards: [SessionCard], settings: PracticeSettings, judge: any DrawingJudge,
    columns: Int, rows: Int, now: Date, deckIsEmpty: Bool = false
  ) {
    self.cards = cards
    self.settings = settings
    self.judge = judge
    self.layout = Layout(columns: columns, rows: rows)
    self.now = now
    self.stats = SessionStats(startedAt: now)
    phase = .summary
    if cards.isEmpty {
      phase = deckIsEmpty ? .setup(SetupState()) : .summary
    } else {
      phase = firstPhase(for: cards[0])
    }
  }

  public var currentCard: SessionCard? { cards.indices.contains(index) ? cards[index] : nil }

  // MARK: Results of effects

  /// Starts studying after the first-run choice was added to the deck.
  mutating func begin(cards: [SessionCard]) {
    guard case .setup(var setup) = phase else { return }
    guard !cards.isEmpty else {
      setup.message = "Nothing to study in that choice; pick another."
      setup.typing = nil
      phase = .setup(setup)
      return
    }
    self.cards = cards
    index = 0
    stats = SessionStats(startedAt: now)
    phase = firstPhase(for: cards[0])
  }

  /// Goes on with more cards after the last one (learning cards come due again); from the
  /// summary only.
  mutating func append(_ more: [SessionCard]) {
    guard case .summary = phase, !more.isEmpty, index == cards.count else { return }
    cards += more
    phase = firstPhase(for: cards[index])
  }

  mutating func setupFailed(_ message: String) {
    guard case .setup(var setup) = phase else { return }
    setup.message = message
    phase = .setup(setup)
  }

  /// Storing the last review failed: go back to its feedback, with the reason, so the learner
  /// can try again or quit; nothing is lost.
  mutating func saveFailed(_ message: String) {
    guard let (savedIndex, feedback) = lastSaved else { return }
    stats.undo(feedback: feedback)
    var restored = feedback
    restored.error = "Could not save: \(message)"
    index = savedIndex
    phase = .feedback(restored)
    lastSaved = nil
    _ = answered.popLast()
    stopped = false
    notice = nil
  }

  /// `U`: asks the App to take back the last stored answer.
  private mutating func takeBack() -> [Effect] {
    guard undoing == nil else { return [] }
    guard let last = answered.popLast() else {
      tell("Nothing to take back: no answer stored in this session yet.")
      return []
    }
    undoing = last
    return [.undoReview(kanji: last.feedback.kanji)]
  }

  /// The App took the answer back: its card is asked again, and the session goes on from it.
  private mutating func undone() {
    guard let (undoneIndex, feedback) = undoing else { return }
    undoing = nil
    lastSaved = nil
    stats.undo(feedback: feedback)
    index = undoneIndex
    var prompt = PromptState(startedAt: now, canvas: layout.canvas)
    prompt.message =
      "Took back your \(feedback.chosen.label) for \(CardKey.display(feedback.kanji)): write it again."
    phase = .prompt(prompt)
  }

  private mutating func undoFailed(_ message: String) {
    guard let kept = undoing else { return }
    undoing = nil
    answered.append(kept)
    tell("Could not take it back: \(message)")
  }

  /// Shows `message` on the current screen's status line.
  private mutating func tell(_ message: String) {
    switch phase {
    case .prompt(var prompt):
      prompt.message = message
      phase = .prompt(prompt)
    case .feedback(var feedback):
      feedback.error = message
      phase = .feedback(feedback)
    default:
      notice = message
    }
  }

  // MARK: Events

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    now = time
    switch event {
    case .resize(let columns, let rows):
      resize(columns: columns, rows: rows)
      return []
    case .tick, .figures:
      return []
    case .saveFailed(let message):
      saveFailed(message)
      return []
    case .deckAdded(let cards, let note):
      begin(cards: cards)
      if case .setup = phase {} else { notice = note }
      return []
    case .deckFailed(let message):
      setupFailed(message)
      return []
    case .moreCards(let more):
      append(more)
      return []
    case .noMoreCards(let reason):
      notice = reason
      return []
    case .outlook(let outlook):
      self.outlook = outlook
      return []
    case .undone:
      undone()
      return []
    case .undoFailed(let message):
      undoFailed(message)
      return []
    case .intervals(let intervals):
      if case .feedback(var feedback) = phase, feedback.kanji == intervals.kanji {
        feedback.intervals = intervals.seconds
        phase = .feedback(feedback)
      }
      return []
    case .key(.interrupt):
      return quit()
    case .key, .press:
      notice = nil
    default:
      break
    }
    if layout.isTooSmall {
      return event == .key(.character("q")) ? quit() : []
    }
    if showHelp {
      if case .key = event { showHelp = false }
      return []
    }
    if event == .key(.character("U")) {
      if case .setup = phase { return [] }
      return takeBack()
    }
    switch phase {
    case .setup(var setup):
      let effects = handleSetup(event, &setup)
      if case .setup = phase { phase = .setup(setup) }
      return effects
    case .study(var study):
      return handleStudy(event, &study)
    case .prompt(var prompt):
      let effects = handlePrompt(event, &prompt)
      if case .prompt = phase { phase = .prompt(prompt) }
      return effects
    case .feedback(var feedback):
      let effects = handleFeedback(event, &feedback)
      if case .feedback = phase { phase = .feedback(feedback) }
      return effects
    case .rewrite(var rewrite):
      let effects = handleRewrite(event, &rewrite)
      if case .rewrite = phase { phase = .rewrite(rewrite) }
      return effects
    case .summary:
      switch event {
      case .key(.enter), .key(.character("q")), .key(.character(" ")), .key(.escape):
        return [stopped ? .quit : .close]
      case .key where stopped:
        return []
      case .key(.character("n")) where offersMore:
        return [.studyMore(.newKanji)]
      case .key(.character("a")) where offersMore:
        return [.studyMore(.reviewsAhead)]
      case .key(.character(let key)):
        return AppDestination(rawValue: key).map { [.open($0)] } ?? []
      default:
        return []
      }
    }
  }

  private mutating func resize(columns: Int, rows: Int) {
    layout = Layout(columns: columns, rows: rows)
    if case .prompt(var prompt) = phase {
      prompt.pad.resize(to: layout.canvas)
      phase = .prompt(prompt)
    }
    if case .rewrite(var rewrite) = phase {
      rewrite.pad.resize(to: layout.canvas)
      phase = .rewrite(rewrite)
    }
  }

  private mutating func quit() -> [Effect] {
    if case .feedback(let feedback) = phase, feedback.error == nil {
      // An answered card is saved on the way out.
      let review = feedback.review
      stats.count(feedback: feedback)
      return [.record(review), .quit]
    }
    return [.quit]
  }

  /// `q` before the end: saves an answered card as Ctrl-C does, then shows the summary of what
  /// was done; leaving it quits.
  private mutating func stop() -> [Effect] {
    var effects: [Effect] = []
    if case .feedback(let feedback) = phase, feedback.error == nil {
      stats.count(feedback: feedback)
      lastSaved = (index, feedback)
      effects.append(.record(feedback.review))
    }
    phase = .summary
    stopped = true
    return effects
  }

  private func firstPhase(for card: SessionCard) -> Phase {
    // A word's kanji are studied as kanji cards; a word is asked at once.
    if card.isNew && settings.studyNewCards && card.word == nil {
      return .study(StudyState(startedAt: now))
    }
    return .prompt(PromptState(startedAt: now, canvas: layout.canvas))
  }

  private mutating func advance() -> [Effect] {
    index += 1
    guard let card = currentCard else {
      phase = .summary
      return [.sessionFinished]
    }
    phase = firstPhase(for: card)
    return []
  }

  // MARK: Setup

  private mutating func handleSetup(_ event: Event, _ setup: inout SetupState)
    -> [Effect]
  {
    guard case .key(let key) = event else { return [] }
    if var typed = setup.typing {
      switch key {
      case .escape:
        setup.typing = nil
      case .backspace:
        if !typed.isEmpty { typed.removeLast() }
        setup.typing = typed
      case .enter:
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        setup.message = nil
        return [.addToDeck(SetupState.spec(forTyped: text))]
      case .character(let character):
        setup.typing = typed + String(character)
      case .interrupt, .up, .down:
        break
      }
      return []
    }
    switch key {
    case .character("q"), .escape:
      return [.quit]
    case .character(let character):
      guard let number = character.wholeNumberValue,
        SetupState.choices.indices.contains(number - 1)
      else { return [] }
      let choice = SetupState.choices[number - 1]
      setup.message = nil
      if let spec = choice.spec { return [.addToDeck(spec)] }
      setup.typing = ""
      return []
    default:
      return []
    }
  }

  // MARK: Study

  private mutating func handleStudy(_ event: Event, _ study: inout StudyState)
    -> [Effect]
  {
    switch event {
    case .key(.character("r")):
      phase = .study(StudyState(startedAt: now))
    case .key(.enter), .key(.character(" ")):
      phase = .prompt(PromptState(startedAt: now, canvas: layout.canvas))
      if let card = currentCard { return [.recordStudy(kanji: card.kanji.character, time: now)] }
    case .key(.character("?")):
      showHelp = true
    case .key(.character("q")), .key(.escape):
      return stop()
    default:
      break
    }
    return []
  }

  // MARK: Prompt

  private mutating func handlePrompt(_ event: Event, _ prompt: inout PromptState)
    -> [Effect]
  {
    guard let card = currentCard else { return [] }
    let canvas = layout.canvas
    switch event {
    case .press, .drag, .release:
      for change in prompt.pad.handle(event, on: canvas) {
        switch change {
        case .started:
          prompt.rejected = nil
          prompt.message = nil
        case .finished:
          judgeLastStroke(&prompt, kanji: Self.target(of: card, in: prompt))
        case .full:
          prompt.message = InkPad.fullMessage(enter: "check")
        case .tooLong:
          prompt.message = InkPad.tooLongMessage
        }
      }
    case .key(let key):
      return handlePromptKey(key, &prompt, card: card)
    default:
      break
    }
    return []
  }

  private mutating func handlePromptKey(
    _ key: Key, _ prompt: inout PromptState, card: SessionCard
  ) -> [Effect] {
    switch key {
    case .enter:
      guard !prompt.ink.strokes.isEmpty else {
        prompt.message = "Draw the kanji first, or press s to see the answer."
        return []
      }
      if let word = card.word {
        if prompt.finished.count + 1 < word.characters.count {
          // The next kanji of the word, on a clear canvas.
          var next = PromptState(startedAt: now, canvas: layout.canvas)
          var done = prompt
          done.finished = []
          next.finished = prompt.finished + [done]
          next.startedAt = prompt.startedAt
          next.message =
            "Kanji \(next.finished.count + 1) of \(word.characters.count): write the next one."
          prompt = next
          return []
        }
        phase = .feedback(wordFeedback(for: prompt, card: card, word: word, revealed: false))
        return [.previewIntervals(kanji: card.key)]
      }
      phase = .feedback(feedback(for: prompt, card: card, revealed: false))
      return [.previewIntervals(kanji: card.kanji.character)]
    case .character("u"), .backspace, .character("c"):
      Self.erase(key, &prompt)
    case .character("h"):
      prompt.hintLevel = min(3, prompt.hintLevel + 1)
      prompt.message = PromptState.hintMessages[prompt.hintLevel - 1]
    case .character("s"):
      if let word = card.word {
        phase = .feedback(wordFeedback(for: prompt, card: card, word: word, revealed: true))
        return [.previewIntervals(kanji: card.key)]
      }
      phase = .feedback(feedback(for: prompt, card: card, revealed: true))
      return [.previewIntervals(kanji: card.kanji.character)]
    case .character("?"):
      showHelp = true
    case .character("q"), .escape:
      return stop()
    default:
      break
    }
    return []
  }

  /// `u` (or Backspace) takes back the last stroke, `c` all of them: a mouse slip, which costs
  /// the rating nothing.
  private static func erase(_ key: Key, _ prompt: inout PromptState) {
    guard !prompt.ink.strokes.isEmpty else { return }
    prompt.rejected = nil
    if key == .character("c") {
      prompt.ink.strokes.removeAll()
      prompt.message = "Cleared."
    } else {
      prompt.ink.strokes.removeLast()
      prompt.message = "Undid the last stroke."
    }
  }

  /// Per-stroke mode: the stroke just finished is judged alone, and taken back if refused.
  private mutating func judgeLastStroke(_ prompt: inout PromptState, kanji: Kanji) {
    guard settings.perStrokeMode, let stroke = prompt.ink.strokes.last else { return }
    let strokeIndex = prompt.ink.strokes.count - 1
    let check = judge.checkLastStroke(prompt.ink, against: kanji)
    if check.accepted {
      prompt.message = nil
      return
    }
    prompt.ink.strokes.removeLast()
    prompt.rejected = stroke
    prompt.misses[strokeIndex, default: 0] += 1
    let reason = check.message ?? "Stroke \(strokeIndex + 1) is not right"
    if prompt.misses[strokeIndex] == PromptState.missesBeforeHint {
      prompt.shownStrokes.insert(strokeIndex)
      prompt.message = "\(reason). Here it is: trace it."
    } else {
      prompt.message = "\(reason). Draw it again."
    }
  }

  private func feedback(for prompt: PromptState, card: SessionCard, revealed: Bool)
    -> FeedbackState
  {
    let assessment = judge.assess(prompt.ink, against: card.kanji)
    let attempt = AttemptSummary(
      strokeCount: card.kanji.strokes.strokes.count,
      passed: assessment.passed,
      revealed: revealed || prompt.hintLevel >= 3,
      strokeHintShown: prompt.hintLevel >= 2 || !prompt.shownStrokes.isEmpty,
      startHintUsed: prompt.hintLevel >= 1,
      misses: prompt.misses.values.reduce(0, +),
      orderOrDirectionErrors: assessment.orderOrDirectionErrors)
    let proposed = RatingPolicy.propose(attempt)
    return FeedbackState(
      kanji: card.kanji.character, ink: prompt.ink, assessment: assessment, attempt: attempt,
      proposed: proposed, chosen: proposed,
      reason: RatingPolicy.reason(attempt, problem: Self.problem(in: assessment)),
      revealed: attempt.revealed,
      hintsUsed: prompt.hintLevel + prompt.shownStrokes.count,
      durationMs: max(0, Int(now.timeIntervalSince(prompt.startedAt) * 1000)))
  }

  /// The kanji being written: a kanji card's, or the word's next one.
  static func target(of card: SessionCard, in prompt: PromptState) -> Kanji {
    guard let word = card.word else { return card.kanji }
    return word.characters[min(prompt.finished.count, word.characters.count - 1)]
  }

  /// A word's feedback: each kanji graded as a kanji card is; the word's rating is the worst
  /// of theirs. Shown (`s`), every kanji not yet written counts as shown.
  private func wordFeedback(
    for prompt: PromptState, card: SessionCard, word: WordCard, revealed: Bool
  ) -> FeedbackState {
    let written = prompt.finished + [prompt]
    let parts = word.characters.enumerated().map { index, kanji in
      let state = written.indices.contains(index) ? written[index] : nil
      let ink = state?.ink ?? Ink(columns: layout.canvas.columns, rows: layout.canvas.rows)
      let assessment = judge.assess(ink, against: kanji)
      let hintLevel = state?.hintLevel ?? 0
      let attempt = AttemptSummary(
        strokeCount: kanji.strokes.strokes.count, passed: assessment.passed,
        revealed: (revealed && index >= prompt.finished.count) || hintLevel >= 3,
        strokeHintShown: hintLevel >= 2 || !(state?.shownStrokes.isEmpty ?? true),
        startHintUsed: hintLevel >= 1, misses: state?.misses.values.reduce(0, +) ?? 0,
        orderOrDirectionErrors: assessment.orderOrDirectionErrors)
      return WordPart(
        character: kanji.character, ink: ink, assessment: assessment, attempt: attempt,
        proposed: RatingPolicy.propose(attempt),
        hintsUsed: hintLevel + (state?.shownStrokes.count ?? 0))
    }
    // The first of the worst kanji speaks for the word, named when the others did better.
    let worst = parts.min { $0.proposed < $1.proposed }!
    let reason = RatingPolicy.reason(worst.attempt, problem: Self.problem(in: worst.assessment))
    var feedback = FeedbackState(
      kanji: word.key, ink: worst.ink, assessment: worst.assessment, attempt: worst.attempt,
      proposed: worst.proposed, chosen: worst.proposed,
      reason: parts.contains { $0.proposed != worst.proposed }
        ? "\(worst.character): \(reason)" : reason,
      revealed: parts.contains { $0.attempt.revealed },
      hintsUsed: parts.map(\.hintsUsed).reduce(0, +),
      durationMs: max(0, Int(now.timeIntervalSince(prompt.startedAt) * 1000)))
    feedback.parts = parts
    return feedback
  }

  /// The grader's first word on what was wrong: for a pass, an order or direction error, not
  /// a loose hand's forgiven slip; nil for a clean pass.
  static func problem(in assessment: Assessment) -> String? {
    guard assessment.passed else { return assessment.messages.first }
    guard assessment.orderOrDirectionErrors > 0 else { return nil }
    return assessment.messages.first { $0.contains("order") || $0.contains("backwards") }
  }

  // MARK: Feedback

  private mutating func handleFeedback(_ event: Event, _ feedback: inout FeedbackState)
    -> [Effect]
  {
    guard case .key(let key) = event else { return [] }
    switch key {
    case .character(let character) where ("1"..."4").contains(character):
      if let value = character.wholeNumberValue, let rating = Rating(rawValue: value) {
        feedback.chosen = rating
      }
    case .enter, .character(" "):
      feedback.error = nil
      let review = feedback.review
      stats.count(feedback: feedback)
      lastSaved = (index, feedback)
      answered.append((index, feedback))
      if settings.rewriteAfterFailure && feedback.parts.isEmpty
        && (feedback.revealed || !feedback.assessment.passed)
      {
        phase = .rewrite(PromptState(startedAt: now, canvas: layout.canvas))
        return [.record(review)]
      }
      return [.record(review)] + advance()
    case .character("?"):
      showHelp = true
    case .character("q"), .escape:
      feedback.error = nil
      phase = .feedback(feedback)
      return stop()
    default:
      break
    }
    return []
  }

  // MARK: Rewrite

  /// The failed card written once more, its review already stored: Enter grades it and goes
  /// on, Esc goes on without it.
  private mutating func handleRewrite(_ event: Event, _ rewrite: inout PromptState)
    -> [Effect]
  {
    guard let card = currentCard else { return [] }
    switch event {
    case .press, .drag, .release:
      for change in rewrite.pad.handle(event, on: layout.canvas) {
        switch change {
        case .started, .finished:
          rewrite.message = nil
        case .full:
          rewrite.message = InkPad.fullMessage(enter: "check")
        case .tooLong:
          rewrite.message = InkPad.tooLongMessage
        }
      }
    case .key(.enter):
      guard !rewrite.ink.strokes.isEmpty else {
        rewrite.message = "Write it over the faint strokes, or press Esc to skip."
        return []
      }
      let assessment = judge.assess(rewrite.ink, against: card.kanji)
      let effects = advance()
      let fallback = assessment.passed ? "right" : "not right"
      notice = "Written again: \(Self.problem(in: assessment) ?? fallback)"
      return effects
    case .key(.escape):
      return advance()
    case .key(let key) where key == .character("u") || key == .backspace || key == .character("c"):
      Self.erase(key, &rewrite)
    case .key(.character("?")):
      showHelp = true
    case .key(.character("q")):
      return stop()
    default:
      break
    }
    return []
  }
}

extension Session: Scene {
  /// A tenth of a second while a new kanji's strokes are animated.
  public var tickInterval: Int {
    if case .study = phase { return 100 }
    return 1000
  }
}

import Foundation
import KanjiData
import ProgressRecords
import Scheduler
import StrokeMatch

/// The ten-kanji self-test as a state machine: each kanji asked by meaning and readings only,
/// no hints and no feedback until the end, then the score and every drawing beside the right
/// character. Like `Session`, it does no I/O: the App stores what `.saveSelfTest` carries.
public struct SelfTestSession: Sendable {
  public enum Phase: Equatable, Sendable {
    case asking(AskState)
    /// The results, with the kanji whose drawing is shown beside its reference.
    case results(selected: Int)
  }

  public private(set) var phase: Phase
  public let kanji: [Kanji]
  /// A test on words: the words, whose kanji `kanji` lists in order; empty for a test on kanji.
  public let words: [WordCard]
  public private(set) var answers: [SelfTestAnswered] = []
  public private(set) var layout: Layout
  public private(set) var now: Date
  public let startedAt: Date
  public var asciiFrame: Bool
  /// Why storing the test failed, shown on the results screen.
  public private(set) var saveError: String?
  let judge: any DrawingJudge

  public init(
    kanji: [Kanji], judge: any DrawingJudge, columns: Int, rows: Int, now: Date,
    asciiFrame: Bool = false
  ) {
    self.init(
      kanji: kanji, words: [], judge: judge, columns: columns, rows: rows, now: now,
      asciiFrame: asciiFrame)
  }

  /// A test on `words`: each kanji of each word asked in turn, the word's reading and meaning
  /// its prompt; a word counts when all its kanji are written completely.
  public init(
    words: [WordCard], judge: any DrawingJudge, columns: Int, rows: Int, now: Date,
    asciiFrame: Bool = false
  ) {
    self.init(
      kanji: words.flatMap(\.characters), words: words, judge: judge, columns: columns,
      rows: rows, now: now, asciiFrame: asciiFrame)
  }

  private init(
    kanji: [Kanji], words: [WordCard], judge: any DrawingJudge, columns: Int, rows: Int,
    now: Date, asciiFrame: Bool
  ) {
    self.kanji = kanji
    self.words = words
    self.judge = judge
    self.layout = Layout(columns: columns, rows: rows)
    self.now = now
    self.startedAt = now
    self.asciiFrame = asciiFrame
    phase = .asking(AskState(startedAt: now, canvas: layout.canvas))
  }

  /// For a test on words: the word of the kanji at `index` and how many of its kanji come
  /// before it.
  func word(atKanji index: Int) -> (number: Int, word: WordCard, written: Int)? {
    var start = 0
    for (number, word) in words.enumerated() {
      if index < start + word.characters.count { return (number, word, index - start) }
      start += word.characters.count
    }
    return nil
  }

  /// The number of the kanji being asked, 0-based.
  public var index: Int { answers.count }

  /// The finished test as the store keeps it; nil until every kanji is answered.
  public var outcome: SelfTestOutcome? {
    guard answers.count == kanji.count else { return nil }
    return SelfTestOutcome(date: startedAt, answers: answers, words: words)
  }

  mutating func saveFailed(_ message: String) {
    saveError = "Could not save the test: \(message)"
  }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    now = time
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      if case .asking(var ask) = phase {
        ask.pad.resize(to: layout.canvas)
        phase = .asking(ask)
      }
      return []
    case .saveFailed(let message):
      saveFailed(message)
      return []
    case .tick, .deckAdded, .deckFailed, .moreCards, .outlook, .figures:
      return []
    case .key(.interrupt):
      return [.quit]
    default:
      break
    }
    if layout.isTooSmall {
      return event == .key(.character("q")) ? [.close] : []
    }
    switch phase {
    case .asking(var ask):
      let answered = answers.count
      let effects = handleAsking(event, &ask)
      // An answer moves on to a fresh canvas; anything else updates this one.
      if answers.count == answered { phase = .asking(ask) }
      return effects
    case .results(let selected):
      return handleResults(event, selected: selected)
    }
  }

  private mutating func handleAsking(_ event: Event, _ ask: inout AskState)
    -> [Effect]
  {
    let canvas = layout.canvas
    switch event {
    case .press, .drag, .release:
      for change in ask.pad.handle(event, on: canvas) {
        switch change {
        case .started: ask.message = nil
        case .finished: break
        case .full: ask.message = InkPad.fullMessage(enter: "answer")
        case .tooLong: ask.message = InkPad.tooLongMessage
        }
      }
    case .key(.enter):
      ask.pad.finishStroke()
      guard !ask.ink.strokes.isEmpty else {
        ask.message = "Draw the kanji, or press x if you cannot write it."
        return []
      }
      return answer(ask, cannot: false)
    case .key(.character("x")):
      return answer(ask, cannot: true)
    case .key(.character("u")), .key(.backspace):
      if !ask.ink.strokes.isEmpty { ask.ink.strokes.removeLast() }
    case .key(.character("c")):
      ask.ink.strokes.removeAll()
    case .key(.character("q")), .key(.escape):
      return [.close]
    default:
      break
    }
    return []
  }

  /// Grades the drawing without showing anything and moves on; after the last kanji, asks the
  /// host to store the test before the results show.
  private mutating func answer(_ ask: AskState, cannot: Bool) -> [Effect] {
    guard kanji.indices.contains(answers.count) else { return [] }
    let current = kanji[answers.count]
    let assessment = judge.assess(ask.ink, against: current)
    answers.append(
      SelfTestAnswered(
        kanji: current.character, ink: ask.ink, assessment: assessment, cannot: cannot,
        time: now, durationMs: max(0, Int(now.timeIntervalSince(ask.startedAt) * 1000))))
    guard let outcome else {
      phase = .asking(AskState(startedAt: now, canvas: layout.canvas))
      return []
    }
    phase = .results(selected: 0)
    return [.saveSelfTest(outcome)]
  }

  private mutating func handleResults(_ event: Event, selected: Int) -> [Effect] {
    guard case .key(let key) = event else { return [] }
    switch key {
    case .character("n"), .character("j"), .character(" "):
      phase = .results(selected: (selected + 1) % kanji.count)
    case .character("p"), .character("k"), .backspace:
      phase = .results(selected: (selected + kanji.count - 1) % kanji.count)
    case .character(let digit) where digit.isNumber:
      // 1-9 and 0 for the tenth, as on the keyboard.
      guard let value = digit.wholeNumberValue else { return [] }
      let target = value == 0 ? 9 : value - 1
      if kanji.indices.contains(target) { phase = .results(selected: target) }
    case .enter, .escape, .character("q"):
      return [.close]
    default:
      break
    }
    return []
  }
}

/// The canvas while one kanji is asked.
public struct AskState: InkCapturing, Equatable, Sendable {
  public var startedAt: Date
  public var pad: InkPad
  public var message: String?

  public init(startedAt: Date, canvas: CellRect) {
    self.startedAt = startedAt
    pad = InkPad(canvas: canvas)
  }
}

/// One answered kanji of a self-test.
public struct SelfTestAnswered: Equatable, Sendable {
  public var kanji: String
  public var ink: Ink
  public var assessment: Assessment
  /// The learner pressed "I can't".
  public var cannot: Bool
  public var time: Date
  public var durationMs: Int

  public var answer: SelfTestAnswer {
    guard !cannot, let grade = Grade.stored(assessment.json) else { return .cannot }
    return .drawn(grade)
  }

  public var item: SelfTestEntry { SelfTestEntry(kanji: kanji, answer: answer) }
}

/// A finished self-test: the score with its date, and the reviews it gives the scheduler.
public struct SelfTestOutcome: Equatable, Sendable {
  public var date: Date
  public var answers: [SelfTestAnswered]
  /// A test on words: the words, whose kanji `answers` answer in order.
  public var words: [WordCard] = []

  /// Each word with the answers to its kanji.
  var answersByWord: [(word: WordCard, answers: [SelfTestAnswered])] {
    var rest = answers[...]
    return words.map { word in
      let mine = Array(rest.prefix(word.characters.count))
      rest = rest.dropFirst(word.characters.count)
      return (word, mine)
    }
  }

  /// The share of kanji, or for a test on words of words, written completely.
  public var score: SelfTestScore {
    guard !words.isEmpty else { return SelfTestScore(date: date, items: answers.map(\.item)) }
    let byWord = answersByWord
    return SelfTestScore(
      date: date, kanji: byWord.map(\.word.key),
      produced: byWord.filter { $0.answers.allSatisfy(\.item.produced) }.count)
  }

  /// What the store keeps: one item per kanji, or per word (its drawings and each kanji's
  /// grade, as a word review logs them).
  public var items: [SelfTestItem] {
    guard !words.isEmpty else {
      return answers.map {
        SelfTestItem(
          kanji: $0.kanji, produced: $0.item.produced, drawingJSON: $0.assessment.drawingJSON,
          gradeJSON: $0.assessment.json)
      }
    }
    return answersByWord.map { word, answers in
      let parts = Self.parts(answers)
      return SelfTestItem(
        kanji: word.key, produced: answers.allSatisfy(\.item.produced),
        drawingJSON: "[" + answers.map(\.assessment.drawingJSON).joined(separator: ",") + "]",
        gradeJSON: WordGrade.json(word: word.word.written, parts: parts))
    }
  }

  /// A word's answers as the parts of a word review: Good when produced, Again otherwise.
  static func parts(_ answers: [SelfTestAnswered]) -> [WordPart] {
    answers.map { answered in
      let produced = answered.item.produced
      return WordPart(
        character: answered.kanji, ink: answered.ink, assessment: answered.assessment,
        attempt: AttemptSummary(
          strokeCount: 0, passed: produced, revealed: answered.cannot, strokeHintShown: false,
          startHintUsed: false, misses: 0,
          orderOrDirectionErrors: answered.assessment.orderOrDirectionErrors),
        proposed: produced ? .good : .again, hintsUsed: 0)
    }
  }

  /// A kanji produced is a clean recall (Good); anything else is forgotten (Again), which
  /// brings it back soon.
  public var reviews: [ReviewInput] {
    guard words.isEmpty else {
      return zip(answersByWord, items).map { word, item in
        let rating: Rating = item.produced ? .good : .again
        return ReviewInput(
          kanji: word.word.key, time: word.answers.last?.time ?? date, rating: rating,
          proposedRating: rating,
          durationMs: word.answers.map(\.durationMs).reduce(0, +), hintsUsed: 0,
          drawingJSON: item.drawingJSON, gradeJSON: item.gradeJSON)
      }
    }
    return answers.map { answered in
      let rating: Rating = answered.item.produced ? .good : .again
      return ReviewInput(
        kanji: answered.kanji, time: answered.time, rating: rating, proposedRating: rating,
        durationMs: answered.durationMs, hintsUsed: 0,
        drawingJSON: answered.assessment.drawingJSON, gradeJSON: answered.assessment.json)
    }
  }
}

extension SelfTestSession: Scene {
  public var tickInterval: Int { 1000 }
}

import Foundation
import StrokeMatch

/// The ten-kanji self-test: write kanji you can read from their meaning and readings alone, with
/// no hints and no feedback, and count how many you produce completely.
public enum SelfTest {
  public static let size = 10
}

/// How the learner answered one kanji of a self-test.
public enum SelfTestAnswer: Equatable, Sendable {
  /// The learner drew it and the grader judged the drawing.
  case drawn(Grade)
  /// The learner pressed the "I can't" key.
  case cannot

  /// Produced completely: the grader passes the drawing with every stroke present, none extra,
  /// each the right way round, in an accepted stroke order, and it is the asked kanji.
  /// Tolerances the grader may still note (shape, position) do not undo a pass.
  public var produced: Bool {
    guard case .drawn(let grade) = self, grade.pass else { return false }
    let disqualifying: Set<Grade.Problem.Kind> = [
      .missing, .extra, .reversed, .order, .character, .joined, .split,
    ]
    return !grade.errors.contains { disqualifying.contains($0.type) }
  }
}

/// One kanji's result in a self-test.
public struct SelfTestEntry: Equatable, Sendable {
  public var kanji: String
  public var answer: SelfTestAnswer

  public init(kanji: String, answer: SelfTestAnswer) {
    self.kanji = kanji
    self.answer = answer
  }

  public var produced: Bool { answer.produced }

  /// What went wrong, in words for the results screen; empty when produced.
  public func problems(parts: KanjiParts?) -> [String] {
    switch answer {
    case .cannot: return ["could not write it"]
    case .drawn(let grade):
      if produced { return [] }
      let parts = parts ?? KanjiParts(unknown: kanji)
      let phrases = Mistake.found(in: grade, kanji: parts).map { $0.phrase(kanji: kanji) }
      return phrases.isEmpty ? grade.errors.map(\.message) : phrases
    }
  }
}

/// A finished self-test: its date and the kanji produced.
public struct SelfTestScore: Hashable, Sendable {
  public var date: Date
  public var kanji: [String]
  public var produced: Int

  public init(date: Date, kanji: [String], produced: Int) {
    self.date = date
    self.kanji = kanji
    self.produced = produced
  }

  public init(date: Date, items: [SelfTestEntry]) {
    self.init(date: date, kanji: items.map(\.kanji), produced: items.filter(\.produced).count)
  }

  /// The share of kanji produced, 0-100.
  public var percent: Double {
    kanji.isEmpty ? 0 : 100 * Double(produced) / Double(kanji.count)
  }
}

import Foundation
import KanjiData

/// A finished self-test as plain text, printed when the terminal is handed back: the score and
/// what was wrong with each kanji not written completely.
public struct SelfTestResultReport: Sendable {
  public var outcome: SelfTestOutcome
  public var kanji: [Kanji]

  public init(outcome: SelfTestOutcome, kanji: [Kanji]) {
    self.outcome = outcome
    self.kanji = kanji
  }

  public var lines: [String] {
    let score = outcome.score
    var lines = [
      "Self-test: \(score.produced) of \(score.kanji.count) written completely "
        + "(\(Int(score.percent.rounded()))%)."
    ]
    for (answered, reference) in zip(outcome.answers, kanji) {
      let entry = answered.item
      let problems = entry.problems(parts: KanjiParts(kanji: reference))
      lines.append(
        "  \(entry.produced ? "✓" : "✗") \(entry.kanji)"
          + (problems.isEmpty ? "" : "  " + problems.joined(separator: "; ")))
    }
    lines.append("Stored. Every test and the trend: kanji-write test --history")
    return lines
  }
}

import Foundation
import KanjiData

/// A finished self-test as plain text, printed when the terminal is handed back: the score and
/// what was wrong with each kanji not written completely.
public struct SelfTestResultReport: Sendable {
  public var outcome: SelfTestOutcome
  public var kanji: [Kanji]
  /// The gap with this test counted, and as it stood before it; nil leaves the line out.
  public var gap: WritingGap?
  public var previousGap: WritingGap?

  public init(
    outcome: SelfTestOutcome, kanji: [Kanji], gap: WritingGap? = nil,
    previousGap: WritingGap? = nil
  ) {
    self.outcome = outcome
    self.kanji = kanji
    self.gap = gap
    self.previousGap = previousGap
  }

  /// "Writable: ≈24 of the 30 you read (was ≈21)."
  var writableLine: String? {
    guard let gap, let writable = gap.writable else { return nil }
    let was = previousGap?.writable.map { " (was ≈\($0))" } ?? ""
    return "Writable: ≈\(writable) of the \(gap.readingLevel) kanji you read\(was)."
  }

  public var lines: [String] {
    let score = outcome.score
    var lines = [
      "Self-test: \(score.produced) of \(score.kanji.count)"
        + "\(outcome.words.isEmpty ? "" : " words") written completely "
        + "(\(Int(score.percent.rounded()))%)."
    ]
    for (answered, reference) in zip(outcome.answers, kanji) {
      let entry = answered.item
      let problems = entry.problems(parts: KanjiParts(kanji: reference))
      lines.append(
        "  \(entry.produced ? "✓" : "✗") \(entry.kanji)"
          + (problems.isEmpty ? "" : "  " + problems.joined(separator: "; ")))
    }
    if let writableLine { lines.append(writableLine) }
    lines.append(
      "Stored. Every test and the trend: kanji-write test \(outcome.words.isEmpty ? "" : "--words ")--history"
    )
    return lines
  }
}

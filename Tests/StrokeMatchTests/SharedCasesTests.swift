import Foundation
import KanjiData
import SimulatedWriting
import StrokeMatch
import Testing

/// `../shared/bench/dev-cases.jsonl`, a writer the project did not design; skipped when absent.
@Suite struct SharedCasesTests {
  @Test(.enabled(if: FileManager.default.fileExists(atPath: Reference.shared.path)))
  func devCasesAreJudgedLikeATeacher() throws {
    _ = try Reference.kanji("学")
    let text = try String(contentsOf: Reference.shared, encoding: .utf8)
    let cases = try text.split(separator: "\n").map {
      try JSONDecoder().decode(SimulatedCase.self, from: Data($0.utf8))
    }
    var counts: [String: (total: Int, good: Int)] = [:]
    // Every other line keeps the debug-build run short; the benchmark reads them all.
    for item in cases.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
      guard let kanji = Reference.byCharacter[item.kanji] else { continue }
      let grade = graded(kanji, item.drawing)
      let good = item.case == .correct ? grade.pass && grade.errors.isEmpty : !grade.pass
      let key = item.case == .correct ? "correct-\(item.level)" : item.case.rawValue
      counts[key, default: (0, 0)].total += 1
      if good { counts[key, default: (0, 0)].good += 1 }
    }
    func rate(_ key: String) -> Double {
      guard let count = counts[key], count.total > 0 else { return 0 }
      return Double(count.good) / Double(count.total)
    }
    #expect(rate("correct-neat") >= 0.98, "\(counts)")
    #expect(rate("correct-typical") >= 0.97, "\(counts)")
    #expect(rate("correct-sloppy") >= 0.95, "\(counts)")
    for kind in ["swap", "reverse", "missing", "extra", "lookalike", "other"] {
      #expect(rate(kind) >= 0.97, "\(kind): \(counts[kind].map { "\($0)" } ?? "none")")
    }
  }
}

import Foundation
import SeededRandom

/// Chooses the kanji for a self-test from those the learner can read, preferring the ones
/// tested longest ago (never tested first), so each test is a fresh set.
public struct SelfTestPicker: Sendable {
  public var size: Int

  public init(size: Int = SelfTest.size) {
    self.size = size
  }

  /// - Parameters:
  ///   - pool: the deck's reviewed kanji and the declared known set.
  ///   - history: earlier tests, in any order.
  ///   - seed: the same seed and inputs give the same choice.
  /// - Returns: `size` kanji in the order to ask them, or fewer when the pool is smaller.
  public func pick(pool: [String], history: [SelfTestScore], seed: UInt64) -> [String] {
    var lastTested: [String: Date] = [:]
    for test in history {
      for kanji in test.kanji where lastTested[kanji].map({ $0 < test.date }) ?? true {
        lastTested[kanji] = test.date
      }
    }
    var generator = SeededGenerator(seed: seed)
    // Shuffling first makes the order among equally fresh kanji random; the sort is stable.
    var candidates = Array(Set(pool)).sorted().shuffled(using: &generator)
    candidates = candidates.enumerated().sorted { a, b in
      let (dateA, dateB) = (lastTested[a.element], lastTested[b.element])
      if dateA != dateB {
        guard let dateA else { return true }
        guard let dateB else { return false }
        return dateA < dateB
      }
      return a.offset < b.offset
    }.map(\.element)
    return Array(candidates.prefix(size)).shuffled(using: &generator)
  }
}

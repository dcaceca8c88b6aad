import App
import Foundation
import Practice
import Progress
import ProgressRecords
import TestSupport
import Testing

/// A kanji the learner suspended is set aside everywhere: not asked by the self-test, not
/// listed as weak.
@Suite struct SuspendedTests {
  let start = Date(timeIntervalSince1970: 1_780_000_000)

  @Test func theSelfTestDoesNotAskASuspendedKanji() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    let characters = Fixtures.selfTestCharacters + ["人"]
    _ = try store.addCards(characters, at: start)
    for kanji in characters {
      _ = try store.recordReview(ReviewInput(kanji: kanji, time: start, rating: .good))
    }
    try store.setSuspended("人", true)
    for seed in UInt64(1)...5 {
      let picked = try SelfTestPicker().pick(store: store, seed: seed)
      #expect(picked.sorted() == Fixtures.selfTestCharacters.sorted())
    }
  }

  @Test func aSuspendedKanjiIsNotOnTheWeakList() throws {
    let temporary = try TemporaryStore()
    let store = temporary.store
    _ = try store.addCards(["一", "二"], at: start)
    for kanji in ["一", "二"] {
      _ = try store.recordReview(ReviewInput(kanji: kanji, time: start, rating: .again))
    }
    let now = start.addingTimeInterval(86_400)
    let before = try WeakListAnalysis().weakList(store: store, now: now) { _ in [:] }
    #expect(Set(before.kanji.map(\.kanji)) == ["一", "二"])
    try store.setSuspended("二", true)
    let after = try WeakListAnalysis().weakList(store: store, now: now) { _ in [:] }
    #expect(after.kanji.map(\.kanji) == ["一"])
  }
}

import Foundation
import ProgressRecords
import SQLite
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// Fitted weights are stored as versions with their figures, used by the next review, and
/// set aside (not deleted) by a revert.
@Suite struct ModelVersionTests {
  static let figures = FitFigures(
    reviews: 500, logLoss: 0.41, rmseBins: 0.03, defaultLogLoss: 0.45, defaultRmseBins: 0.07)

  static func fitted(_ w0: Double) -> ModelParameters {
    var weights = ModelParameters.fsrs6Default.weights
    weights[0] = w0
    weights[2] = 4.5
    return ModelParameters(model: FSRS.modelName, weights: weights)
  }

  @Test func savedWeightsAreUsedByTheNextReviewAndRevertGoesBack() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["学", "校"], at: Date(iso8601: "2024-05-01T00:00:00Z"))
    let saved = Date(iso8601: "2024-05-02T00:00:00Z")
    try store.saveFittedModel(Self.fitted(0.5), figures: Self.figures, at: saved)
    #expect(try store.modelParameters() == Self.fitted(0.5))
    let versions = try store.modelVersions()
    #expect(versions.count == 2)
    #expect(versions[0].fit == nil && versions[0].parameters == .fsrs6Default)
    #expect(versions[1].fit == Self.figures && versions[1].created == saved)

    let reviewed = try store.recordReview(
      ReviewInput(kanji: "学", time: Date(iso8601: "2024-05-03T00:00:00Z"), rating: .good))
    #expect(reviewed.card.memory?.stability == 4.5)

    let back = try store.revertModel(at: Date(iso8601: "2024-05-04T00:00:00Z"))
    #expect(back.parameters == .fsrs6Default)
    #expect(try store.modelParameters() == .fsrs6Default)
    // Set aside, not deleted: the fitted version and its figures are still there.
    #expect(try store.modelVersions().last?.reverted == Date(iso8601: "2024-05-04T00:00:00Z"))
    let next = try store.recordReview(
      ReviewInput(kanji: "校", time: Date(iso8601: "2024-05-05T00:00:00Z"), rating: .good))
    #expect(next.card.memory?.stability == ModelParameters.fsrs6Default.weights[2])

    #expect(throws: ProgressError.nothingToRevert) { try store.revertModel() }
  }

  /// A card's state is its log replayed with the weights in use: saving or reverting weights
  /// rebuilds every card, so `check` (and undo, and sync) agree with the stored cards.
  @Test func savingAndRevertingWeightsRebuildsEveryCardFromItsLog() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let start = Date(iso8601: "2024-05-01T00:00:00Z")
    _ = try store.addCards(["学", "校"], at: start)
    for (day, rating) in [(0.0, Rating.good), (3, .good), (10, .again), (12, .good)] {
      for kanji in ["学", "校"] {
        _ = try store.recordReview(
          ReviewInput(kanji: kanji, time: start.addingTimeInterval(day * 86_400), rating: rating))
      }
    }
    let before = try store.card("学")!.card
    try store.saveFittedModel(
      Self.fitted(0.5), figures: Self.figures, at: start.addingTimeInterval(20 * 86_400))
    let fitted = try store.card("学")!.card
    #expect(fitted.memory != before.memory)
    #expect(try store.check().isHealthy)
    #expect(try store.reviewLog(kanji: "学").last?.stability == fitted.memory?.stability)
    try store.revertModel()
    #expect(try store.card("学")!.card == before)
    #expect(try store.check().isHealthy)
  }

  @Test func revertGoesBackOneVersionAtATime() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    try store.saveFittedModel(Self.fitted(0.5), figures: Self.figures)
    try store.saveFittedModel(Self.fitted(0.7), figures: Self.figures)
    #expect(try store.revertModel().parameters == Self.fitted(0.5))
    #expect(try store.modelParameters() == Self.fitted(0.5))
    #expect(try store.revertModel().parameters == .fsrs6Default)
    // A backup lists only the versions in use, so a restore ends on the same weights.
    #expect(try store.backup(now: Date()).models == [.fsrs6Default])
  }

  @Test func outOfBoundsWeightsAreRefusedAndNothingIsStored() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    var weights = ModelParameters.fsrs6Default.weights
    weights[20] = 0.95
    #expect(throws: ModelError.self) {
      try store.saveFittedModel(
        ModelParameters(model: FSRS.modelName, weights: weights), figures: Self.figures)
    }
    #expect(try store.modelVersions().count == 1)
  }

  @Test func optimizerLogSkipsStudiesAndReviewsBeforeAReset() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    _ = try store.addCards(["学", "校"], at: Date(iso8601: "2024-05-01T00:00:00Z"))
    _ = try store.recordReview(
      ReviewInput(
        kanji: "学", time: Date(iso8601: "2024-05-01T10:00:00Z"), rating: .good, isStudy: true))
    for (day, rating) in [(2, Rating.good), (4, .again), (5, .good)] {
      _ = try store.recordReview(
        ReviewInput(
          kanji: "学", time: Date(iso8601: "2024-05-0\(day)T10:00:00Z"), rating: rating))
    }
    _ = try store.recordReview(
      ReviewInput(kanji: "校", time: Date(iso8601: "2024-05-02T11:00:00Z"), rating: .hard))
    try store.resetCard("校", at: Date(iso8601: "2024-05-03T00:00:00Z"))
    _ = try store.recordReview(
      ReviewInput(kanji: "校", time: Date(iso8601: "2024-05-06T11:00:00Z"), rating: .easy))
    let log = try store.optimizerLog()
    #expect(log.map(\.cardID) == ["学", "学", "学", "校"])
    #expect(log.map(\.rating) == [.good, .again, .good, .easy])
    #expect(log.last?.time == Date(iso8601: "2024-05-06T11:00:00Z"))
  }
}

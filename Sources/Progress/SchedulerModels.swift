import Foundation
import ProgressRecords
import SQLite
import Scheduler

extension ProgressStore {
  /// The graded reviews the optimiser fits, per card after its last reset (studies and manual
  /// changes are not recalls), with the kanji as the card id.
  public func optimizerLog() throws -> [LoggedReview] {
    try read {
      try db.query(
        """
        SELECT r.kanji, r.time_ms, r.rating FROM review_log r JOIN cards c ON c.kanji = r.kanji
        WHERE r.kind = 'review' AND r.rating BETWEEN 1 AND 4
          AND r.time_ms > coalesce(c.reset_ms, -1)
        ORDER BY r.time_ms, r.id
        """
      ).compactMap { row in
        guard let kanji = row.string(0), let ms = row.int64(1),
          let rating = row.int(2).flatMap(Rating.init(rawValue:))
        else { return nil }
        return LoggedReview(cardID: kanji, time: Millis.date(ms), rating: rating)
      }
    }
  }

  /// Every stored version of the weights, oldest first.
  public func modelVersions() throws -> [ModelVersion] {
    try read {
      try db.query(
        """
        SELECT id, name, weights, created_ms, reviews, log_loss, rmse_bins, default_log_loss,
          default_rmse_bins, reverted_ms
        FROM scheduler_models ORDER BY created_ms, id
        """
      ).compactMap { row in
        guard let id = row.int64(0), let name = row.string(1), let text = row.string(2),
          let weights = try? JSONDecoder().decode([Double].self, from: Data(text.utf8))
        else { return nil }
        var fit: FitFigures?
        if let reviews = row.int(4), let logLoss = row.double(5), let rmse = row.double(6),
          let defaultLogLoss = row.double(7), let defaultRmse = row.double(8)
        {
          fit = FitFigures(
            reviews: reviews, logLoss: logLoss, rmseBins: rmse, defaultLogLoss: defaultLogLoss,
            defaultRmseBins: defaultRmse)
        }
        return ModelVersion(
          id: id, parameters: ModelParameters(model: name, weights: weights),
          created: Millis.date(row.int64(3) ?? 0), fit: fit,
          reverted: row.int64(9).map(Millis.date))
      }
    }
  }

  /// Stores fitted weights (after validating them) with their figures, and rebuilds every card
  /// from its log with them; the next review uses them.
  public func saveFittedModel(
    _ parameters: ModelParameters, figures: FitFigures, at time: Date = Date()
  ) throws {
    _ = try FSRS(parameters: parameters)
    try write {
      try insertModel(parameters, at: time, figures: figures)
      try rebuildAllCards()
    }
  }

  /// Sets the weights in use aside, so the version before them is used again (every card is
  /// rebuilt with it), and returns that one. The first version has nothing before it and cannot be reverted.
  @discardableResult
  public func revertModel(at time: Date = Date()) throws -> ModelVersion {
    let active = try modelVersions().filter { $0.reverted == nil }
    guard active.count > 1, let current = active.last else {
      throw ProgressError.nothingToRevert
    }
    try write {
      try db.run(
        "UPDATE scheduler_models SET reverted_ms = ? WHERE id = ? AND reverted_ms IS NULL",
        [.integer(Millis.from(time)), .integer(current.id)])
      guard db.changes == 1 else { throw ProgressError.nothingToRevert }
      try rebuildAllCards()
    }
    return active[active.count - 2]
  }
}

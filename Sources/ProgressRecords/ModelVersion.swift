import Foundation
import Scheduler

/// One stored set of scheduler weights: the defaults the store starts with, or a fit to the
/// learner's log with the figures it was saved with. The newest version not reverted is used.
public struct ModelVersion: Equatable, Sendable {
  public var id: Int64
  public var parameters: ModelParameters
  public var created: Date
  /// The fit's figures; nil for the defaults and for weights set by other means.
  public var fit: FitFigures?
  /// When `optimize --revert` set it aside; nil while it counts.
  public var reverted: Date?

  public init(
    id: Int64, parameters: ModelParameters, created: Date, fit: FitFigures?, reverted: Date?
  ) {
    self.id = id
    self.parameters = parameters
    self.created = created
    self.fit = fit
    self.reverted = reverted
  }
}

/// What a fit was measured at when saved: the reviews it used (graded reviews in the log, as
/// Anki counts them for its "optimise again when they have doubled" rule), and the in-sample
/// log loss and RMSE(bins) of the defaults and of the fitted weights.
public struct FitFigures: Equatable, Sendable, Codable {
  public var reviews: Int
  public var logLoss: Double
  public var rmseBins: Double
  public var defaultLogLoss: Double
  public var defaultRmseBins: Double

  public init(
    reviews: Int, logLoss: Double, rmseBins: Double, defaultLogLoss: Double,
    defaultRmseBins: Double
  ) {
    self.reviews = reviews
    self.logLoss = logLoss
    self.rmseBins = rmseBins
    self.defaultLogLoss = defaultLogLoss
    self.defaultRmseBins = defaultRmseBins
  }
}

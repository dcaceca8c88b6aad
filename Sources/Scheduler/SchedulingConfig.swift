/// The learner's scheduling options, with Anki's defaults.
public struct SchedulingConfig: Sendable, Equatable {
  /// Learning steps in seconds.
  public var learningSteps: [Double]
  public var relearningSteps: [Double]
  public var desiredRetention: Double
  public var maximumInterval: Int
  public var fuzz: Bool
  public var leechThreshold: Int
  public var clock: DayClock

  public init(
    learningSteps: [Double] = [60, 600], relearningSteps: [Double] = [600],
    desiredRetention: Double = 0.9, maximumInterval: Int = 36500, fuzz: Bool = true,
    leechThreshold: Int = 8, clock: DayClock = DayClock()
  ) {
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.desiredRetention = desiredRetention
    self.maximumInterval = maximumInterval
    self.fuzz = fuzz
    self.leechThreshold = leechThreshold
    self.clock = clock
  }

  /// Whether a card that now has `lapses` lapses is (again) flagged as a leech: at the threshold,
  /// then every half threshold (rounded up) further lapses, as Anki warns.
  public func isLeechFlag(lapses: Int) -> Bool {
    guard leechThreshold > 0, lapses >= leechThreshold else { return false }
    let every = max(1, (leechThreshold + 1) / 2)
    return (lapses - leechThreshold) % every == 0
  }
}

import Foundation

public enum SchedulerError: Error, CustomStringConvertible, Equatable {
  case reviewBeforeLastReview(last: Date, attempted: Date)

  public var description: String {
    switch self {
    case .reviewBeforeLastReview(let last, let attempted):
      let f = ISO8601DateFormatter()
      return
        "review time \(f.string(from: attempted)) is earlier than the card's last review \(f.string(from: last))"
    }
  }
}

/// FSRS-6 memory model plus Anki's learning steps, day boundary, fuzz, interval ordering and
/// leech counting. Pure: the caller supplies the time and a stable key per card.
public struct Scheduler: Sendable {
  public var model: FSRS
  public var config: SchedulingConfig

  public init(model: FSRS = .standard, config: SchedulingConfig = SchedulingConfig()) {
    self.model = model
    self.config = config
  }

  /// A new kanji's first showing: it is taught, not recalled, so it moves to the first learning
  /// step without touching the memory state or the review count.
  public func study(_ card: Card, at now: Date) -> Card {
    guard card.state == .new else { return card }
    var next = card
    next.state = .learning
    next.step = 0
    next.due = now.addingTimeInterval(config.learningSteps.first ?? 0)
    return next
  }

  /// Applies one graded review at `now`; `cardKey` seeds the fuzz.
  public func review(_ card: Card, rating: Rating, at now: Date, cardKey: String) throws
    -> ReviewOutcome
  {
    if let last = card.lastReview, now < last {
      throw SchedulerError.reviewBeforeLastReview(last: last, attempted: now)
    }
    let elapsed = card.lastReview.map { config.clock.elapsedDays(from: $0, to: now) } ?? 0
    let retrievability = card.memory.map {
      model.retrievability(elapsedDays: Double(elapsed), stability: $0.stability)
    }
    let memory = model.nextState(card.memory, elapsedDays: elapsed, rating: rating)
    let fuzzUnit = config.fuzz ? Fuzz.unit(cardKey: cardKey, reps: card.reps) : nil

    var next = card
    next.memory = memory
    next.lastReview = now
    next.reps += 1
    var flagged = false

    switch card.state {
    case .new, .learning:
      applySteps(&next, steps: config.learningSteps, rating: rating, now: now, fuzz: fuzzUnit)
    case .relearning:
      applySteps(&next, steps: config.relearningSteps, rating: rating, now: now, fuzz: fuzzUnit)
    case .review:
      if rating == .again {
        next.lapses += 1
        if config.isLeechFlag(lapses: next.lapses) {
          next.isLeech = true
          flagged = true
        }
        if let first = config.relearningSteps.first {
          setStep(&next, state: .relearning, step: 0, delay: first, now: now)
        } else {
          graduate(&next, days: reviewDays(memory.stability, minimum: 1, fuzz: fuzzUnit), now: now)
        }
      } else {
        let days = passingIntervals(card.memory, elapsed: elapsed, fuzz: fuzzUnit)
        graduate(&next, days: days[rating]!, now: now)
      }
    }
    return ReviewOutcome(
      card: next, stateBefore: card.state, elapsedDays: elapsed,
      retrievability: retrievability, leechFlagged: flagged)
  }

  /// Learning and relearning: Again restarts, Hard repeats (the first step waits between the
  /// first two steps), Good advances or graduates, Easy graduates.
  private func applySteps(
    _ card: inout Card, steps: [Double], rating: Rating, now: Date, fuzz: Double?
  ) {
    let state: CardState = card.state == .relearning ? .relearning : .learning
    let step = card.state == .new ? 0 : card.step
    let graduateNow = { (c: inout Card) in
      c.state = .review
      self.graduate(
        &c, days: self.reviewDays(c.memory!.stability, minimum: 1, fuzz: fuzz), now: now)
    }
    guard !steps.isEmpty, step < steps.count || rating == .again else {
      graduateNow(&card)
      return
    }
    switch rating {
    case .again:
      if let first = steps.first {
        setStep(&card, state: state, step: 0, delay: first, now: now)
      } else {
        graduateNow(&card)
      }
    case .hard:
      let delay: Double
      if step == 0 && steps.count == 1 {
        delay = min(steps[0] * 1.5, steps[0] + 86400)
      } else if step == 0 {
        delay = (steps[0] + steps[1]) / 2
      } else {
        delay = steps[step]
      }
      setStep(&card, state: state, step: step, delay: delay, now: now)
    case .good:
      if step + 1 < steps.count {
        setStep(&card, state: state, step: step + 1, delay: steps[step + 1], now: now)
      } else {
        graduateNow(&card)
      }
    case .easy:
      graduateNow(&card)
    }
  }

  private func setStep(_ card: inout Card, state: CardState, step: Int, delay: Double, now: Date) {
    card.state = state
    card.step = step
    card.intervalDays = 0
    card.due = now.addingTimeInterval(delay)
  }

  private func graduate(_ card: inout Card, days: Int, now: Date) {
    card.state = .review
    card.step = 0
    card.intervalDays = days
    card.due = config.clock.adding(days: days, to: now)
  }

  private func reviewDays(_ stability: Double, minimum: Int, fuzz: Double?) -> Int {
    Fuzz.apply(
      interval: model.interval(stability: stability, desiredRetention: config.desiredRetention),
      minimum: minimum, maximum: config.maximumInterval, unit: fuzz)
  }

  /// Hard, Good and Easy intervals of a review card, kept strictly increasing as Anki does.
  public func passingIntervals(_ memory: MemoryState?, elapsed: Int, fuzz: Double?) -> [Rating:
    Int]
  {
    let s = { (r: Rating) in self.model.nextState(memory, elapsedDays: elapsed, rating: r).stability
    }
    let hard = reviewDays(s(.hard), minimum: 1, fuzz: fuzz)
    let good = reviewDays(s(.good), minimum: hard + 1, fuzz: fuzz)
    let easy = reviewDays(s(.easy), minimum: good + 1, fuzz: fuzz)
    return [.hard: hard, .good: good, .easy: easy]
  }
}

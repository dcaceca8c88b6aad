import Foundation
import Scheduler

extension CardStanding {
  /// A card's standing now: its recall probability as the scheduler predicts it, counting
  /// elapsed days the way the scheduler does (calendar days from the day start).
  public init(kanji: String, card: Card, scheduler: Scheduler, now: Date) {
    let recall: Double? =
      if let memory = card.memory, let last = card.lastReview {
        scheduler.model.retrievability(
          elapsedDays: Double(scheduler.config.clock.elapsedDays(from: last, to: now)),
          stability: memory.stability)
      } else {
        nil
      }
    self.init(
      kanji: kanji, recall: recall, steps: card.state == .learning || card.state == .relearning,
      lapses: card.lapses, leech: card.isLeech)
  }
}

import Foundation
import StrokeMatch

/// The weak list: the kanji most at risk of being forgotten, each with its reasons in words,
/// and the components the learner keeps getting wrong across kanji.
public struct WeakList: Codable, Hashable, Sendable {
  public var kanji: [WeakKanji]
  public var components: [WeakComponent]

  public init(kanji: [WeakKanji], components: [WeakComponent]) {
    self.kanji = kanji
    self.components = components
  }
}

/// One kanji at risk and why.
public struct WeakKanji: Codable, Hashable, Sendable {
  public var kanji: String
  /// Higher is more at risk; the ranking key.
  public var risk: Double
  /// The current probability of recall, from the scheduler.
  public var recall: Double
  /// In learning or relearning steps: just failed or new, so the recall figure (counted in
  /// whole days) says little yet.
  public var steps: Bool
  public var lapses: Int
  public var leech: Bool
  /// Reviews rated Again within the recent window.
  public var recentFailures: Int
  /// Reviews within the recent window, failed or not: what `recentFailures` is out of.
  public var recentReviews: Int
  /// What goes wrong in the learner's drawings, in words, most frequent first.
  public var reasons: [String]

  public init(
    kanji: String, risk: Double, recall: Double, steps: Bool = false, lapses: Int, leech: Bool,
    recentFailures: Int, recentReviews: Int? = nil, reasons: [String]
  ) {
    self.kanji = kanji
    self.risk = risk
    self.recall = recall
    self.steps = steps
    self.lapses = lapses
    self.leech = leech
    self.recentFailures = recentFailures
    self.recentReviews = recentReviews ?? recentFailures
    self.reasons = reasons
  }
}

/// A KanjiVG component the learner keeps getting wrong, whichever kanji it is in.
public struct WeakComponent: Codable, Hashable, Sendable {
  public var element: String
  /// Graded drawings with a mistake in this component.
  public var failures: Int
  /// The kanji in which it went wrong, most failures first.
  public var failedIn: [String]
  /// Kanji of the learner's that share the component, to practise it.
  public var practice: [String]

  public init(element: String, failures: Int, failedIn: [String], practice: [String]) {
    self.element = element
    self.failures = failures
    self.failedIn = failedIn
    self.practice = practice
  }
}

/// What the weak list needs to know of one card.
public struct CardStanding: Hashable, Sendable {
  public var kanji: String
  /// The current probability of recall; nil for a card never reviewed.
  public var recall: Double?
  /// In learning or relearning steps.
  public var steps: Bool
  public var lapses: Int
  public var leech: Bool

  public init(kanji: String, recall: Double?, steps: Bool = false, lapses: Int, leech: Bool) {
    self.kanji = kanji
    self.recall = recall
    self.steps = steps
    self.lapses = lapses
    self.leech = leech
  }
}

/// What the weak list needs to know of one logged review.
public struct ReviewEvidence: Equatable, Sendable {
  public var time: Date
  public var kanji: String
  /// Rated Again.
  public var failed: Bool
  public var hints: Int
  /// The grade of the drawing; nil when nothing was graded (the answer was shown).
  public var grade: Grade?

  public init(time: Date, kanji: String, failed: Bool, hints: Int, grade: Grade?) {
    self.time = time
    self.kanji = kanji
    self.failed = failed
    self.hints = hints
    self.grade = grade
  }
}

/// Builds the weak list from the cards and the review log.
public struct WeakListAnalysis: Sendable {
  /// Failures within this many days count as recent.
  public var recentDays = 30
  /// How many of a kanji's latest reviews its reasons are drawn from, so a fixed habit drops out.
  public var reviewsPerKanji = 10
  /// Below this recall probability a card counts as at risk (the scheduler's desired retention).
  public var recallThreshold = 0.9
  public var limit = 20
  /// A component is listed once it went wrong in at least this many different kanji: a habit
  /// of one kanji alone is already among that kanji's reasons.
  public var componentThreshold = 2
  public var practicePerComponent = 8

  public init() {}

  /// - Parameters:
  ///   - parts: the components of each kanji, for kanji the reference data knows.
  ///   - pool: the learner's kanji (deck and known set), offered to practise a weak component.
  public func weakList(
    cards: [CardStanding], reviews: [ReviewEvidence], parts: [String: KanjiParts],
    pool: [String], now: Date
  ) -> WeakList {
    let histories = Dictionary(grouping: reviews, by: \.kanji).mapValues { log in
      let latest = Array(log.sorted { $0.time < $1.time }.suffix(reviewsPerKanji))
      return History(log: latest, parts: parts[latest[0].kanji])
    }
    let recentStart = now.addingTimeInterval(-Double(recentDays) * 86_400)
    var ranked: [WeakKanji] = []
    for card in cards {
      guard let recall = card.recall else { continue }
      let history = histories[card.kanji]
      let recent = history?.log.filter { $0.time >= recentStart } ?? []
      let recentFailures = recent.filter(\.failed).count
      let atRisk =
        card.leech || recentFailures > 0 || recall < recallThreshold || card.lapses > 0
      guard atRisk else { continue }
      let risk =
        (card.leech ? 1 : 0) + (1 - recall) + 0.05 * Double(min(card.lapses, 20))
        + 0.2 * Double(recentFailures)
      ranked.append(
        WeakKanji(
          kanji: card.kanji, risk: risk, recall: recall, steps: card.steps, lapses: card.lapses,
          leech: card.leech,
          recentFailures: recentFailures, recentReviews: recent.count,
          reasons: history?.reasons(kanji: card.kanji) ?? []))
    }
    ranked.sort { ($0.risk, $1.kanji) > ($1.risk, $0.kanji) }
    let components = weakComponents(histories, parts: parts, pool: pool)
    return WeakList(kanji: Array(ranked.prefix(limit)), components: components)
  }

  /// A kanji's latest reviews, each with the mistakes found in its drawing.
  struct History {
    var log: [ReviewEvidence]
    var parts: KanjiParts?
    /// Per review, in the same order as `log`; empty when nothing was graded.
    var mistakes: [[Mistake]]

    init(log: [ReviewEvidence], parts: KanjiParts?) {
      self.log = log
      self.parts = parts
      let known = parts ?? KanjiParts(unknown: log.first?.kanji ?? "")
      mistakes = log.map { review in
        review.grade.map { Mistake.found(in: $0, kanji: known) } ?? []
      }
    }

    /// The mistakes in words, most frequent first (the latest first among equals), then what
    /// the log says without a grade.
    func reasons(kanji: String) -> [String] {
      var counts: [Mistake: Int] = [:]
      var firstSeen: [Mistake: Int] = [:]
      for mistake in mistakes.reversed().joined() {
        counts[mistake, default: 0] += 1
        firstSeen[mistake] = firstSeen[mistake] ?? firstSeen.count
      }
      let ordered = counts.keys.sorted {
        (counts[$0]!, -firstSeen[$0]!) > (counts[$1]!, -firstSeen[$1]!)
      }
      var reasons = ordered.map { $0.phrase(kanji: kanji) + timesSuffix(counts[$0]!) }
      let revealed = log.filter { $0.failed && $0.grade == nil }.count
      if revealed > 0 { reasons.append("needed the answer shown" + timesSuffix(revealed)) }
      let hinted = log.filter { $0.hints > 0 }.count
      if hinted > 0 {
        reasons.append(hinted == 1 ? "needed a hint once" : "needed hints in \(hinted) reviews")
      }
      return reasons
    }

    /// The components each graded drawing went wrong in.
    var touchedComponents: [Set<String>] {
      guard let parts else { return [] }
      return mistakes.map { found in
        found.reduce(into: Set<String>()) { $0.formUnion(parts.components(touchedBy: $1)) }
      }
    }
  }

  func weakComponents(
    _ histories: [String: History], parts: [String: KanjiParts], pool: [String]
  ) -> [WeakComponent] {
    // Drawings with a mistake in each component, by kanji.
    var failures: [String: [String: Int]] = [:]
    for (kanji, history) in histories {
      for element in history.touchedComponents.joined() {
        failures[element, default: [:]][kanji, default: 0] += 1
      }
    }
    let total = failures.mapValues { $0.values.reduce(0, +) }
    let weak = failures.filter { $0.value.count >= componentThreshold }.keys.sorted {
      (total[$0]!, failures[$0]!.count, $1) > (total[$1]!, failures[$1]!.count, $0)
    }
    return weak.map { element in
      let inKanji = failures[element]!
      let failedIn = inKanji.keys.sorted { (inKanji[$0]!, $1) > (inKanji[$1]!, $0) }
      let sharing = pool.filter { parts[$0]?.elements.contains(element) ?? false }
      let practice = failedIn + sharing.filter { inKanji[$0] == nil }
      return WeakComponent(
        element: element, failures: total[element]!, failedIn: failedIn,
        practice: Array(practice.prefix(practicePerComponent)))
    }
  }
}

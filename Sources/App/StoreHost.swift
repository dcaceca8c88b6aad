import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords
import Scheduler
import StrokeMatch

/// What the app's scenes need from the learner's store and the reference data, in their terms.
public struct StoreHost {
  public let store: ProgressStore
  public let reference: ReferenceDatabase

  public init(store: ProgressStore, reference: ReferenceDatabase) {
    self.store = store
    self.reference = reference
  }

  /// The learner's practice settings from the store; the daily session studies new kanji
  /// and learns ahead, `practice` does neither.
  public func settings(dailySession: Bool) throws -> (PracticeSettings, Strictness) {
    let settings = PracticeSettings(
      perStrokeMode: try store.bool("per_stroke_mode"),
      showStrokeCount: try store.bool("show_stroke_count"),
      asciiFrame: try store.bool("ascii_frame"), studyNewCards: dailySession,
      learnAhead: dailySession, rewriteAfterFailure: try store.bool("rewrite_after_failure"),
      promptWords: try store.bool("prompt_words"))
    return (settings, Strictness(rawValue: try store.setting("strictness")) ?? .standard)
  }

  /// The settings the app's settings screen offers, in its order.
  public static let screenSettings = [
    "new_per_day", "reviews_per_day", "learning_steps", "relearning_steps", "desired_retention",
    "show_stroke_count", "prompt_words", "rewrite_after_failure", "ascii_frame", "per_stroke_mode",
    "strictness",
    "self_test_every_days",
  ]

  /// The settings screen's settings with their current values, as the catalog describes them.
  public func settingItems() throws -> [SettingItem] {
    let values = try store.settings()
    return Self.screenSettings.compactMap { key in
      guard let definition = SettingsCatalog.definition(key),
        let value = values.first(where: { $0.key == key })?.value
      else { return nil }
      let kind: SettingItem.Kind
      switch definition.kind {
      case .toggle: kind = .toggle
      case .choice(let options): kind = .choice(options)
      case .integer, .decimal, .steps, .dailyCount, .folder: kind = .typed
      }
      return SettingItem(key: key, help: definition.help, kind: kind, value: value)
    }
  }

  /// Validates `value` with the catalog, as `kanji-write config` does, and stores it.
  public func changeSetting(_ key: String, _ value: String) -> Event {
    guard let definition = SettingsCatalog.definition(key) else {
      return .settingRefused(key: key, reason: "\(ProgressError.unknownSetting(key))")
    }
    do {
      _ = try definition.validated(value)
      return .settingChanged(key: key, value: try store.setSetting(key, value))
    } catch {
      return .settingRefused(key: key, reason: "\(error)")
    }
  }

  public var deckIsEmpty: Bool {
    get throws { try store.cards().isEmpty }
  }

  /// Today's session: due reviews, then new kanji up to the daily limit.
  public func dueCards(now: Date) throws -> [SessionCard] {
    try sessionCards(store.sessionQueue(now: now))
  }

  /// The queued kanji the reference data has, as session cards.
  private func sessionCards(_ queued: [QueuedCard]) throws -> [SessionCard] {
    try distinguishingSamePrompts(
      queued.compactMap { queued in
        if CardKey.isWord(queued.kanji) {
          return try wordCard(queued.kanji).map { SessionCard(word: $0, state: queued.state) }
        }
        return try reference.kanji(queued.kanji).map {
          SessionCard(kanji: $0, isNew: queued.isNew, state: queued.state)
        }
      })
  }

  /// The given kanji, in order, added to the deck if they are not in it, to be asked at once.
  public func practiceCards(_ characters: [String], now: Date) throws -> [SessionCard] {
    var cards: [SessionCard] = []
    var unknown: [String] = []
    for character in characters {
      if CardKey.isWord(character), let word = try wordCard(character) {
        cards.append(SessionCard(word: word, state: .review))
      } else if let kanji = try reference.kanji(character) {
        cards.append(SessionCard(kanji: kanji, isNew: false))
      } else {
        unknown.append(character)
      }
    }
    guard unknown.isEmpty else {
      throw AppError(
        "no stroke data for \(unknown.joined(separator: " ")) in \(reference.path)")
    }
    _ = try store.addCards(characters, at: now)
    return try distinguishingSamePrompts(cards)
  }

  /// The word card of a `word:` key, or nil when the reference data lacks the word or one of
  /// its kanji.
  public func wordCard(_ key: String) throws -> WordCard? {
    guard let written = CardKey.wordWritten(key),
      let word = try reference.words(written: written).first
    else { return nil }
    var characters: [Kanji] = []
    for character in word.writtenCharacters {
      guard let kanji = try reference.kanji(character) else { return nil }
      characters.append(kanji)
    }
    return characters.isEmpty ? nil : WordCard(word: word, characters: characters)
  }

  public func record(_ review: ReviewInput) throws {
    _ = try store.recordReview(review)
  }

  /// What each rating would do to `kanji`'s card if it were recorded at `now`, worked out as
  /// `ProgressStore.recordReview` does (the same scheduler, the time moved past the card's last
  /// review), and nothing stored. Nil for a kanji not in the deck.
  public func previewIntervals(kanji: String, now: Date) throws -> RatingIntervals? {
    guard let card = try store.card(kanji)?.card else { return nil }
    let scheduler = try store.scheduler()
    var time = now
    if let last = card.lastReview, time <= last { time = last.addingTimeInterval(0.001) }
    var seconds: [Rating: TimeInterval] = [:]
    for rating in Rating.allCases {
      let next = try scheduler.review(card, rating: rating, at: time, cardKey: kanji).card
      // A graduated card is due in whole learner days; a (re)learning step in seconds.
      seconds[rating] =
        next.state == .review
        ? Double(next.intervalDays) * 86400 : (next.due ?? time).timeIntervalSince(time)
    }
    return RatingIntervals(kanji: kanji, seconds: seconds)
  }

  public func recordStudy(kanji: String) throws {
    _ = try store.recordReview(ReviewInput(kanji: kanji, rating: .good, isStudy: true))
  }

  /// The first run's deck choice: the kanji of `spec` the reference database has are added,
  /// and today's cards come back with a note naming the characters skipped, if any. A choice
  /// with no kanji to add is refused.
  public func addToDeck(_ spec: String) throws -> (cards: [SessionCard], note: String?) {
    let selection = try DeckSelection(DeckSelection.selector(spec), reference: reference)
    guard !selection.known.isEmpty else {
      throw AppError(
        selection.skipped.isEmpty
          ? "\(spec) names no kanji with stroke data"
          : "nothing added; skipped \(DeckSelection.note(skipped: selection.skipped))")
    }
    let added = try store.addCards(selection.known, at: Date()).added
    let note =
      selection.skipped.isEmpty
      ? nil
      : "Added \(added.count) kanji; skipped \(DeckSelection.note(skipped: selection.skipped))"
    return (try dueCards(now: Date()), note)
  }

  /// The cards, each with the other kanji of the deck that its meanings and readings would ask
  /// for as well (国 and 國), so that the prompt can say which is meant.
  func distinguishingSamePrompts(_ cards: [SessionCard]) throws -> [SessionCard] {
    guard !cards.isEmpty else { return cards }
    // The deck is read once, and only if a prompt needs it.
    var deckKeys: Set<String>?
    func deck() throws -> Set<String> {
      if let deckKeys { return deckKeys }
      let keys = Set(try store.cards().map(\.kanji))
      deckKeys = keys
      return keys
    }
    let cards = try withPromptWords(cards, deck: deck)
    // Only the few hundred kanji that share a prompt are looked at, not the whole deck.
    var group: [String: [String]] = [:]
    for members in try reference.kanjiSharingPrompts() {
      for character in members { group[character] = members }
    }
    let asked = cards.filter { group[$0.kanji.character] != nil }
    guard !asked.isEmpty else { return cards }
    let inDeck = try deck()
    return try cards.map { card in
      var card = card
      card.samePrompt = try (group[card.kanji.character] ?? []).filter {
        $0 != card.kanji.character && inDeck.contains($0)
      }.compactMap { try reference.kanji($0) }
      return card
    }
  }

  /// Words a prompt may choose its cues from, per kanji: the most frequent ones.
  static let promptWordCandidates = 40

  /// The cards, each with its prompt's word cues (the setting `prompt_words` on).
  func withPromptWords(_ cards: [SessionCard], deck: () throws -> Set<String>) throws
    -> [SessionCard]
  {
    guard try store.bool("prompt_words") else { return cards }
    let deck = try deck()
    return try cards.map { card in
      var card = card
      let character = card.kanji.character
      card.promptWords = PromptWord.choose(
        for: character,
        from: try reference.words(containing: character, limit: Self.promptWordCandidates),
        deck: deck)
      return card
    }
  }

  /// Anki's default learn-ahead limit.
  public static let learnAheadLimit: TimeInterval = 20 * 60

  public func learnAhead(now: Date) throws -> [SessionCard] {
    let learning = try store.sessionQueue(now: now) + store.laterToday(now: now)
    return try sessionCards(
      learning.filter { queued in
        (queued.state == .learning || queued.state == .relearning)
          && (queued.due ?? now) <= now + Self.learnAheadLimit
      })
  }

  /// How many new kanji each `n` on the summary adds to today's limit.
  public static let extraNewStep = 5
  /// The most reviews ahead one `a` brings.
  public static let reviewsAheadLimit = 20

  /// Study more after today's cards: five more new kanji on today's limit (kept for the day,
  /// up to the cap), or the earliest reviews due after today. The cards, or why there are none.
  public func studyMore(_ kind: StudyMore, now: Date) -> Event {
    do {
      switch kind {
      case .newKanji:
        let before = try store.extraNewToday(now: now)
        guard before < ProgressStore.extraNewCap else {
          return .noMoreCards(
            "Today already has \(ProgressStore.extraNewCap) extra new kanji; more tomorrow.")
        }
        try store.setExtraNewToday(before + Self.extraNewStep, now: now)
        let fresh = try dueCards(now: now).filter(\.isNew)
        guard !fresh.isEmpty else {
          // Nothing to introduce: the raise would only show as unused room.
          try store.setExtraNewToday(before, now: now)
          return .noMoreCards("No new kanji left in the deck (kanji-write add adds some).")
        }
        return .moreCards(fresh)
      case .reviewsAhead:
        let ahead = try sessionCards(
          store.reviewsAhead(now: now, limit: Self.reviewsAheadLimit))
        guard !ahead.isEmpty else {
          return .noMoreCards("No review is scheduled after today.")
        }
        return .moreCards(ahead)
      }
    } catch {
      return .noMoreCards("\(error)")
    }
  }

  public func outlook() throws -> SessionOutlook {
    let now = Date()
    return SessionOutlook(
      streak: try store.streak(now: now), nextDue: try store.nextDue(after: now))
  }
}

/// The kanji a selector names, split into those the reference database has and the characters
/// it does not, so that `add` and the first run's deck choice add what they can of a typed list
/// or a file and name the rest, rather than refuse all of it.
public struct DeckSelection {
  public var known: [String] = []
  public var skipped: [String] = []

  public init(_ selector: KanjiSelector, reference: ReferenceDatabase) throws {
    let candidates: [String]
    switch selector {
    case .literal(let characters): candidates = characters
    case .file(let path): candidates = try Self.kanji(inFile: path)
    case let selector:
      known = try reference.characters(matching: selector)
      return
    }
    var seen = Set<String>()
    for character in candidates where seen.insert(character).inserted {
      if try reference.strokes(character) == nil {
        skipped.append(character)
      } else {
        known.append(character)
      }
    }
  }

  /// "x, 𠀋: not in the reference database".
  public static func note(skipped: [String]) -> String {
    let shown = skipped.prefix(40).joined(separator: ", ") + (skipped.count > 40 ? ", ..." : "")
    return "\(shown): not in the reference database"
  }

  /// A selector; kanji typed with other characters (学校x) are taken as a list of characters
  /// to check one by one, where `KanjiSelector` refuses the whole.
  public static func selector(_ spec: String) throws -> KanjiSelector {
    do {
      return try KanjiSelector(parsing: spec)
    } catch {
      let scalars = spec.unicodeScalars.filter { !$0.properties.isWhitespace }
      guard !spec.contains(":"), scalars.contains(where: \.properties.isIdeographic) else {
        throw AppError("\(error)")
      }
      return .literal(scalars.map { String(Character($0)) })
    }
  }

  /// The kanji of a UTF-8 text file in order of first appearance, skipping `#` lines.
  public static func kanji(inFile path: String) throws -> [String] {
    try TextFile.read(path).split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
      line.unicodeScalars.filter {
        $0.properties.isIdeographic || "々〆〇".unicodeScalars.contains($0)
      }
      .map { String(Character($0)) }
    }
  }
}

/// A text file the learner names (a kanji list, a batch of reviews).
public enum TextFile {
  /// The text of a UTF-8 file, or which of the ways to fail it was.
  public static func read(_ path: String) throws -> String {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw AppError("\(path) does not exist")
    }
    if isFolder.boolValue { throw AppError("\(path) is a folder, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw AppError("\(path) cannot be read (check its permissions)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw AppError("\(path) is not UTF-8 text")
    }
    return text
  }
}

/// A request the app cannot serve, in words for the learner.
public struct AppError: Error, CustomStringConvertible {
  public var description: String

  public init(_ description: String) {
    self.description = description
  }
}

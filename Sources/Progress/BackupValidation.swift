import Foundation
import ProgressRecords
import Scheduler

/// A backup whose every field `ProgressBackup.validated(now:isKnownKanji:)` checked: the only
/// kind `ProgressStore.restore` takes, so nothing unchecked is stored and nothing is checked
/// twice.
public struct ValidatedBackup: Sendable {
  public let backup: ProgressBackup

  fileprivate init(_ backup: ProgressBackup) { self.backup = backup }
}

extension ProgressBackup {
  /// Checks every field, throwing a `BackupProblem` that names the record and field: times the
  /// store's milliseconds cannot hold (they would trap), values FSRS never produces, counts
  /// below zero, settings the catalog refuses, duplicates. `isKnownKanji`, when given, says
  /// whether a character is in the reference database.
  public func validated(now: Date, isKnownKanji: ((String) throws -> Bool)? = nil) throws
    -> ValidatedBackup
  {
    var check = BackupCheck(now: now, isKnownKanji: isKnownKanji)
    try check.backup(self)
    return ValidatedBackup(self)
  }
}

/// Milliseconds since 1970 without the trap of `Millis.from` on times out of Int64 range.
enum CheckedMillis {
  static func from(_ date: Date) -> Int64? {
    Int64(exactly: (date.timeIntervalSince1970 * 1000).rounded())
  }
}

private struct BackupCheck {
  let now: Date
  let isKnownKanji: ((String) throws -> Bool)?
  var knownKanji: [String: Bool] = [:]
  let jsonDecoder = JSONDecoder()

  /// No kanji-write existed before; an earlier time is a unit mistake or damage.
  static let earliest = Date(timeIntervalSince1970: 946_684_800)
  static let day: TimeInterval = 86400
  /// Longest interval: the `max_interval` setting's bound, FSRS's largest stability.
  static let maximumIntervalDays = 36500
  static let maximumReps = 1_000_000
  static let maximumHints = 1000
  static let maximumDurationMs = 366 * 86_400_000

  init(now: Date, isKnownKanji: ((String) throws -> Bool)?) {
    self.now = now
    self.isKnownKanji = isKnownKanji
  }

  mutating func backup(_ backup: ProgressBackup) throws {
    try ProgressBackup.checkHeader(backup)
    try event(backup.exportedAt, "exportedAt", "")
    for (i, model) in backup.models.enumerated() {
      try self.model(model, "models[\(i)]")
    }
    for key in backup.settings.keys.sorted() {
      try setting(key, backup.settings[key] ?? "")
    }
    var cardIndex: [String: Int] = [:]
    for (i, entry) in backup.cards.enumerated() {
      let record = label("cards", i, entry.kanji)
      try cardKey(entry.kanji, record)
      if let first = cardIndex[entry.kanji] {
        throw BackupProblem(record, "kanji \(entry.kanji) is also cards[\(first)]")
      }
      cardIndex[entry.kanji] = i
      try event(entry.addedAt, "addedAt", record)
      try card(entry.card, record)
      if let reset = entry.resetAt { try event(reset, "resetAt", record) }
    }
    var reviewIndex: [String: [Int64: Int]] = [:]
    for (i, entry) in backup.reviewLog.enumerated() {
      let record = label("reviewLog", i, entry.kanji)
      let time = try review(entry, record)
      guard cardIndex[entry.kanji] != nil else {
        throw BackupProblem(record, "kanji \(entry.kanji) has no card in the backup's cards")
      }
      if let first = reviewIndex[entry.kanji, default: [:]][time] {
        throw BackupProblem(record, "time is the same as reviewLog[\(first)] of the same kanji")
      }
      reviewIndex[entry.kanji, default: [:]][time] = i
    }
    var testIndex: [Int64: Int] = [:]
    for (i, test) in backup.selfTests.enumerated() {
      let record = "selfTests[\(i)]"
      let time = try selfTest(test, record)
      if let first = testIndex[time] {
        throw BackupProblem(record, "time is the same as selfTests[\(first)]")
      }
      testIndex[time] = i
    }
    var knownIndex: [String: Int] = [:]
    for (i, known) in backup.known.enumerated() {
      let record = label("known", i, known.kanji)
      try kanji(known.kanji, record)
      if let first = knownIndex[known.kanji] {
        throw BackupProblem(record, "kanji \(known.kanji) is also known[\(first)]")
      }
      knownIndex[known.kanji] = i
      try event(known.addedAt, "addedAt", record)
    }
  }

  // MARK: Records

  func model(_ model: ModelParameters, _ record: String) throws {
    guard model.model == FSRS.modelName else {
      throw BackupProblem(
        record, "model \(quoted(model.model)) is not one this kanji-write knows (\(FSRS.modelName))"
      )
    }
    do { _ = try FSRS(parameters: model) } catch {
      throw BackupProblem(record, "weights: \(error)")
    }
  }

  func setting(_ key: String, _ value: String) throws {
    guard let definition = SettingsCatalog.definition(key) else {
      throw BackupProblem(
        "settings",
        "unknown setting \(quoted(key)) (known: "
          + "\(SettingsCatalog.all.map(\.key).joined(separator: ", ")))")
    }
    do { _ = try definition.validated(value) } catch {
      throw BackupProblem("settings.\(key)", "\(error)")
    }
  }

  func card(_ card: Card, _ record: String) throws {
    try whole(card.step, 0...(SettingDefinition.maximumSteps - 1), "card.step", record)
    if let memory = card.memory {
      try number(memory.stability, FSRS.stabilityRange, "card.memory.stability", record)
      try number(memory.difficulty, FSRS.difficultyRange, "card.memory.difficulty", record)
    }
    if let due = card.due { try self.due(due, "card.due", record) }
    if let last = card.lastReview { try event(last, "card.lastReview", record) }
    try whole(card.reps, 0...Self.maximumReps, "card.reps", record)
    guard (0...card.reps).contains(card.lapses) else {
      throw BackupProblem(
        record,
        "card.lapses \(card.lapses) is out of range (0...\(card.reps), at most card.reps)")
    }
    try whole(card.intervalDays, 0...Self.maximumIntervalDays, "card.intervalDays", record)
  }

  /// Checks one log entry; returns its time in milliseconds.
  mutating func review(_ entry: ReviewLogEntry, _ record: String) throws -> Int64 {
    try cardKey(entry.kanji, record)
    let time = try event(entry.time, "time", record)
    switch (entry.kind, entry.rating) {
    case (.review, nil): throw BackupProblem(record, "rating is missing from a review")
    case (.study, let rating?):
      throw BackupProblem(record, "rating \(rating.rawValue) given to a study, which has none")
    default: break
    }
    try whole(entry.durationMs, 0...Self.maximumDurationMs, "durationMs", record)
    try whole(entry.hintsUsed, 0...Self.maximumHints, "hintsUsed", record)
    try json(entry.drawingJSON, "drawingJSON", record)
    try json(entry.gradeJSON, "gradeJSON", record)
    try whole(entry.elapsedDays, 0...Self.maximumIntervalDays, "elapsedDays", record)
    if let stability = entry.stability {
      try number(stability, FSRS.stabilityRange, "stability", record)
    }
    if let difficulty = entry.difficulty {
      try number(difficulty, FSRS.difficultyRange, "difficulty", record)
    }
    try whole(entry.intervalDays, 0...Self.maximumIntervalDays, "intervalDays", record)
    if let due = entry.due { try self.due(due, "due", record) }
    guard entry.model == FSRS.modelName else {
      throw BackupProblem(
        record, "model \(quoted(entry.model)) is not one this kanji-write knows (\(FSRS.modelName))"
      )
    }
    return time
  }

  /// Checks one self-test; returns its time in milliseconds.
  mutating func selfTest(_ test: SelfTestRecord, _ record: String) throws -> Int64 {
    let time = try event(test.time, "time", record)
    try number(test.score, 0...100, "score", record)
    for (i, item) in test.items.enumerated() {
      if test.isWordTest {
        try cardKey(item.kanji, record)
      } else {
        try kanji(item.kanji, record, field: "items[\(i)].kanji")
      }
      try json(item.drawingJSON, "items[\(i)].drawingJSON", record)
      try json(item.gradeJSON, "items[\(i)].gradeJSON", record)
    }
    return time
  }

  // MARK: Fields

  /// A card's key: a kanji, or `word:` and a word whose characters other than kana are kanji
  /// of the reference database.
  mutating func cardKey(_ text: String, _ record: String) throws {
    guard let written = CardKey.wordWritten(text) else { return try kanji(text, record) }
    let characters = written.unicodeScalars.filter {
      !(0x3041...0x30FF).contains($0.value) && !(0x31F0...0x31FF).contains($0.value)
    }
    guard !characters.isEmpty, written.count <= 32 else {
      throw BackupProblem(record, "kanji \(quoted(text)) is not a word card's key")
    }
    for character in characters { try kanji(String(Character(character)), record) }
  }

  /// A kanji is one character, and one the reference database has.
  mutating func kanji(_ text: String, _ record: String, field: String = "kanji") throws {
    guard text.count == 1 else {
      throw BackupProblem(
        record,
        text.isEmpty
          ? "\(field) is empty, not one character"
          : "\(field) \(quoted(text)) is not one character")
    }
    guard let isKnownKanji else { return }
    if knownKanji[text] == nil { knownKanji[text] = try isKnownKanji(text) }
    guard knownKanji[text] == true else {
      throw BackupProblem(record, "\(field) \(quoted(text)) is not in the reference database")
    }
  }

  /// When something happened: from 2000 to a day from now (a clock a little ahead is allowed).
  @discardableResult
  func event(_ date: Date, _ field: String, _ record: String) throws -> Int64 {
    try time(date, field, record, latest: now.addingTimeInterval(Self.day), after: "in the future")
  }

  /// When a card comes due: up to the longest interval from now.
  func due(_ date: Date, _ field: String, _ record: String) throws {
    _ = try time(
      date, field, record,
      latest: now.addingTimeInterval(Double(Self.maximumIntervalDays + 2) * Self.day),
      after: "beyond the longest interval, \(Self.maximumIntervalDays) days from now")
  }

  func time(_ date: Date, _ field: String, _ record: String, latest: Date, after: String) throws
    -> Int64
  {
    guard let milliseconds = CheckedMillis.from(date) else {
      let shown = MessageText.number(date.timeIntervalSince1970 * 1000)
      throw BackupProblem(record, "\(field) \(shown) is not a valid time (milliseconds since 1970)")
    }
    guard date >= Self.earliest else {
      throw BackupProblem(record, "\(field) \(milliseconds) is before 2000-01-01")
    }
    guard date <= latest else {
      let iso = ISO8601DateFormatter().string(from: date)
      throw BackupProblem(record, "\(field) \(milliseconds) (\(iso)) is \(after)")
    }
    return milliseconds
  }

  func number(_ value: Double, _ range: ClosedRange<Double>, _ field: String, _ record: String)
    throws
  {
    guard value.isFinite, range.contains(value) else {
      throw BackupProblem(
        record,
        "\(field) \(MessageText.number(value)) is out of range (\(MessageText.range(range)))")
    }
  }

  func whole(_ value: Int, _ range: ClosedRange<Int>, _ field: String, _ record: String) throws {
    guard range.contains(value) else {
      throw BackupProblem(record, "\(field) \(value) is out of range (\(range))")
    }
  }

  /// Stored drawings and grades are JSON the app reads back. Only the syntax is checked, by a
  /// decoder that builds nothing: several times faster than JSONSerialization on a long log.
  func json(_ text: String?, _ field: String, _ record: String) throws {
    guard let text else { return }
    guard (try? jsonDecoder.decode(AnyJSON.self, from: Data(text.utf8))) != nil else {
      throw BackupProblem(record, "\(field) \(quoted(text)) is not JSON")
    }
  }

  // MARK: Messages

  /// `cards[12] (学)`, or just `cards[12]` when the kanji is not one printable character.
  func label(_ collection: String, _ index: Int, _ kanji: String) -> String {
    let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .spaceSeparator]
    let printable =
      kanji.count == 1
      && !kanji.unicodeScalars.contains { invisible.contains($0.properties.generalCategory) }
    return "\(collection)[\(index)]" + (printable ? " (\(kanji))" : "")
  }

  func quoted(_ text: String) -> String { MessageText.quoted(text) }
}

/// Any JSON value, read for its syntax alone.
private struct AnyJSON: Decodable {
  init(from decoder: any Decoder) throws {}
}

import Foundation

/// One learner setting: its key, the values it accepts and its default. Values are stored as
/// normalised text in the `settings` table; typed accessors parse them back.
public struct SettingDefinition: Sendable {
  public enum Kind: Sendable {
    case integer(ClosedRange<Int>)
    case decimal(ClosedRange<Double>)
    case toggle
    case choice([String])
    /// Durations such as "1m 10m" (s, m, h, d units); "none" for no steps.
    case steps
    /// A count that holds for one learner day, as "DAY:COUNT" (the day's number); "none".
    case dailyCount(ClosedRange<Int>)
    /// A folder, stored as an absolute path (a relative one is taken from the current
    /// folder); "off" for none.
    case folder
  }

  public let key: String
  public let kind: Kind
  public let defaultValue: String
  public let help: String

  public init(key: String, kind: Kind, defaultValue: String, help: String) {
    self.key = key
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
  }

  var expected: String {
    switch kind {
    case .integer(let range): "an integer in \(range.lowerBound)...\(range.upperBound)"
    case .decimal(let range): "a number in \(range.lowerBound)...\(range.upperBound)"
    case .toggle: "on or off"
    case .choice(let options): options.joined(separator: ", ")
    case .steps:
      "up to \(Self.maximumSteps) durations from 1s to 1d like \"1m 10m\" (units s, m, h, d), "
        + "or none"
    case .dailyCount(let range):
      "none, or DAY:COUNT with a learner day number and a count in \(range)"
    case .folder: "a folder's path, or off"
    }
  }

  /// Most (re)learning steps a setting may hold: a card is meant to leave them within a day,
  /// and the scheduler's step index must stay small.
  public static let maximumSteps = 10
  /// Each step's length in seconds: FSRS takes over from a day on, so longer steps only delay it.
  static let stepLengths: ClosedRange<Double> = 1...86400

  /// The canonical text for `raw`, or nil when `raw` is not acceptable.
  public func normalise(_ raw: String) -> String? { try? validated(raw) }

  /// The canonical text for `raw`; the error says what is wrong with it and names the limit.
  public func validated(_ raw: String) throws(InvalidSettingValue) -> String {
    if case .folder = kind { return Self.folder(raw.trimmingCharacters(in: .whitespaces)) }
    let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
    switch kind {
    case .integer(let range):
      guard let value = Int(text) else {
        throw InvalidSettingValue("\(MessageText.quoted(text)) is not a whole number (\(range))")
      }
      guard range.contains(value) else {
        throw InvalidSettingValue("\(value) is out of range (\(range))")
      }
      return String(value)
    case .decimal(let range):
      guard let value = Double(text), value.isFinite else {
        throw InvalidSettingValue(
          "\(MessageText.quoted(text)) is not a number (\(MessageText.range(range)))")
      }
      guard range.contains(value) else {
        throw InvalidSettingValue(
          "\(MessageText.number(value)) is out of range (\(MessageText.range(range)))")
      }
      return String(value)
    case .toggle:
      if ["on", "true", "yes", "1"].contains(text) { return "on" }
      if ["off", "false", "no", "0"].contains(text) { return "off" }
      throw InvalidSettingValue("\(MessageText.quoted(text)) is not on or off")
    case .choice(let options):
      let text = SettingsCatalog.formerValues[key]?[text] ?? text
      guard options.contains(text) else {
        throw InvalidSettingValue(
          "\(MessageText.quoted(text)) is not one of \(options.joined(separator: ", "))")
      }
      return text
    case .steps:
      return SettingDefinition.formatSteps(try SettingDefinition.steps(text).get())
    case .dailyCount(let range):
      if text.isEmpty || text == "none" { return "none" }
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, let day = Int(parts[0]), day >= 0, let count = Int(parts[1]) else {
        throw InvalidSettingValue("\(MessageText.quoted(text)) is not none or DAY:COUNT")
      }
      guard range.contains(count) else {
        throw InvalidSettingValue("\(count) is out of range (\(range))")
      }
      return "\(day):\(count)"
    case .folder:
      return Self.folder(text)
    }
  }

  /// A path's case matters, so it is kept as typed, made absolute.
  static func folder(_ text: String) -> String {
    if text.isEmpty || text.lowercased() == "off" { return "off" }
    return URL(fileURLWithPath: text).standardizedFileURL.path
  }

  static func parseSteps(_ text: String) -> [Double]? { try? steps(text).get() }

  /// The steps in seconds, or why `text` is not a list of them.
  static func steps(_ text: String) -> Result<[Double], InvalidSettingValue> {
    if text.isEmpty || text == "none" { return .success([]) }
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," })
    guard tokens.count <= maximumSteps else {
      return .failure(InvalidSettingValue("\(tokens.count) steps; at most \(maximumSteps)"))
    }
    var steps: [Double] = []
    for token in tokens {
      guard let unit = token.last, let scale = ["s": 1.0, "m": 60, "h": 3600, "d": 86400][unit],
        let value = Double(token.dropLast()), value.isFinite
      else {
        return .failure(
          InvalidSettingValue(
            "\(MessageText.quoted(String(token))) is not a duration like 1m (units s, m, h, d)"))
      }
      guard stepLengths.contains(value * scale) else {
        return .failure(
          InvalidSettingValue("step \(MessageText.quoted(String(token))) is not between 1s and 1d"))
      }
      steps.append(value * scale)
    }
    return .success(steps)
  }

  static func formatSteps(_ seconds: [Double]) -> String {
    guard !seconds.isEmpty else { return "none" }
    return seconds.map { s in
      for (unit, scale) in [("d", 86400.0), ("h", 3600), ("m", 60)]
      where s >= scale && s.truncatingRemainder(dividingBy: scale) == 0 {
        return "\(Int(s / scale))\(unit)"
      }
      return s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }.joined(separator: " ")
  }
}

/// Why a setting's value was refused, naming the limit it broke.
public struct InvalidSettingValue: Error, CustomStringConvertible, Equatable, Sendable {
  public let description: String

  init(_ description: String) { self.description = description }
}

/// Every setting the app knows. Other layers add their keys here; `config` lists them all.
public enum SettingsCatalog {
  public static let all: [SettingDefinition] = [
    // Scheduling (Scheduler, Progress).
    SettingDefinition(
      key: "new_per_day", kind: .integer(0...9999), defaultValue: "10",
      help: "new kanji introduced per day"),
    SettingDefinition(
      key: "reviews_per_day", kind: .integer(0...99999), defaultValue: "200",
      help: "reviews per day; new kanji stop when it is reached"),
    SettingDefinition(
      key: "learning_steps", kind: .steps, defaultValue: "1m 10m",
      help: "waits between the first recalls of a new kanji"),
    SettingDefinition(
      key: "relearning_steps", kind: .steps, defaultValue: "10m",
      help: "waits after forgetting a kanji in review"),
    SettingDefinition(
      key: "desired_retention", kind: .decimal(0.7...0.99), defaultValue: "0.9",
      help: "probability of recall FSRS aims for at each review"),
    SettingDefinition(
      key: "max_interval", kind: .integer(1...36500), defaultValue: "36500",
      help: "longest interval in days"),
    SettingDefinition(
      key: "fuzz", kind: .toggle, defaultValue: "on",
      help: "spread review intervals a little so kanji learnt together part"),
    SettingDefinition(
      key: "leech_threshold", kind: .integer(0...100), defaultValue: "8",
      help: "lapses that flag a leech (again every half as many more); 0 disables"),
    SettingDefinition(
      key: "day_start", kind: .integer(0...23), defaultValue: "4",
      help: "local hour at which a new learner day begins"),
    // Practice and terminal (Practice, TerminalUI).
    SettingDefinition(
      key: "per_stroke_mode", kind: .toggle, defaultValue: "off",
      help: "check each stroke as it is drawn"),
    SettingDefinition(
      key: "show_stroke_count", kind: .toggle, defaultValue: "off",
      help: "show the number of strokes in the prompt"),
    SettingDefinition(
      key: "prompt_words", kind: .toggle, defaultValue: "on",
      help: "show two common words with the kanji blanked beside the prompt"),
    SettingDefinition(
      key: "ascii_frame", kind: .toggle, defaultValue: "off",
      help: "draw frames with ASCII instead of box-drawing characters"),
    SettingDefinition(
      key: "rewrite_after_failure", kind: .toggle, defaultValue: "on",
      help: "after a failed card, write it once more over the faint reference"),
    SettingDefinition(
      key: "strictness", kind: .choice(["lenient", "standard", "strict"]),
      defaultValue: "standard",
      help: "how strictly drawings are graded: lenient allows more room for shape and place "
        + "(order and direction still count), strict makes a loose hand's slips errors"),
    // The self-test (Practice).
    SettingDefinition(
      key: "self_test_every_days", kind: .integer(1...365), defaultValue: "21",
      help: "days between self-tests; the home screen says when the next is due"),
    // Kept by the app's "study more" on the session summary.
    SettingDefinition(
      key: "extra_new_today", kind: .dailyCount(0...ProgressStore.extraNewCap),
      defaultValue: "none",
      help: "new kanji added to new_per_day for one day by the app's summary (n), as DAY:COUNT"),
    // Sync (Progress, App); this machine's own, never synced.
    SettingDefinition(
      key: "sync_dir", kind: .folder, defaultValue: "off",
      help: "a folder shared between machines; the app syncs with it on start and on quit"),
  ]

  /// Keys renamed since stores were first written, old to new: a store, a backup or a
  /// `config` line with the old key still means the setting.
  public static let formerKeys = ["leniency": "strictness"]
  /// Values renamed with their key: the old leniency's "normal" is the standard strictness.
  static let formerValues = ["strictness": ["normal": "standard"]]

  public static func definition(_ key: String) -> SettingDefinition? {
    let current = formerKeys[key] ?? key
    return all.first { $0.key == current }
  }
}

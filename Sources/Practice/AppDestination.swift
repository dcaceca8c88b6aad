/// The app's other screens, each opened by a key from the end of a session.
public enum AppDestination: Character, CaseIterable, Sendable {
  case selfTest = "t"
  case weakList = "w"
  case progress = "p"
  case deck = "d"
  case settings = "o"

  public var label: String {
    switch self {
    case .selfTest: "self-test"
    case .weakList: "weak kanji"
    case .progress: "progress"
    case .deck: "deck"
    case .settings: "settings"
    }
  }

  /// The label in a few letters, for a narrow key line.
  public var shortLabel: String {
    switch self {
    case .selfTest: "test"
    case .weakList: "weak"
    case .progress: "progress"
    case .deck: "deck"
    case .settings: "settings"
    }
  }

  /// "t self-test  w weak kanji  p progress", for a key line.
  public static var keys: String {
    allCases.map { "\($0.rawValue) \($0.label)" }.joined(separator: "  ")
  }
}

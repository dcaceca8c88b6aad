import Foundation

/// First run: what to put in the empty deck.
public struct SetupState: Equatable, Sendable {
  public struct Choice: Equatable, Sendable {
    public var label: String
    /// The `kanji-write add` argument; nil for "type your own".
    public var spec: String?
  }

  public static let choices: [Choice] = [
    Choice(label: "JLPT N5 (the first level)", spec: "jlpt:N5"),
    Choice(label: "JLPT N4", spec: "jlpt:N4"),
    Choice(label: "School grade 1", spec: "grade:1"),
    Choice(label: "School grade 2", spec: "grade:2"),
    Choice(label: "The 100 most frequent kanji", spec: "freq:100"),
    Choice(label: "The 500 most frequent kanji", spec: "freq:500"),
    Choice(label: "Kanji from a file, or typed in", spec: nil),
  ]

  /// Text being typed for the last choice; nil while choosing.
  public var typing: String?
  public var message: String?

  /// Typed kanji are added as they are; anything else is taken as a file name.
  static func spec(forTyped text: String) -> String {
    if text.hasPrefix("file:") { return text }
    let hasKanji = text.unicodeScalars.contains { (0x3400...0x9fff).contains($0.value) }
    return hasKanji ? text : "file:\(text)"
  }
}

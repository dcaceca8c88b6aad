import Foundation
import KanjiData
import ProgressRecords
import Scheduler
import StrokeMatch

/// A word to write kanji by kanji: its card key, the word, and the kanji of each character the
/// learner writes, in order (代代 has two).
public struct WordCard: Equatable, Sendable {
  public var word: Word
  public var characters: [Kanji]

  public init(word: Word, characters: [Kanji]) {
    self.word = word
    self.characters = characters
  }

  public var key: String { CardKey.word(word.written) }

  /// The written form with the characters written so far and boxes for the rest, kana in
  /// place: `[勉][  ]`, `[食]べる`.
  public func boxes(filled: Int) -> String {
    var index = 0
    var text = ""
    for scalar in word.written.unicodeScalars {
      if Word.isKana(scalar) {
        text.unicodeScalars.append(scalar)
        continue
      }
      text += index < filled ? "[\(Character(scalar))]" : index == filled ? "[__]" : "[  ]"
      index += 1
    }
    return text
  }

  /// The prompt's cue: the reading with the kana of the written form in place
  /// (`□べる` for 食べる).
  public var kanaInPlace: String {
    String(word.written.unicodeScalars.map { Word.isKana($0) ? Character($0) : "□" })
  }
}

/// One kanji of a word as written and graded.
public struct WordPart: Equatable, Sendable {
  public var character: String
  public var ink: Ink
  public var assessment: Assessment
  public var attempt: AttemptSummary
  public var proposed: Rating
  public var hintsUsed: Int
}

/// A word review's grade as the review log keeps it in grade_json: each kanji's grade and
/// proposed rating, so the weak list and the components count them.
public struct WordGrade: Decodable, Equatable, Sendable {
  public struct Part: Decodable, Equatable, Sendable {
    public var kanji: String
    /// The rating this kanji alone would have had (1 Again ... 4 Easy).
    public var rating: Int
    public var hints: Int
    /// Nil when absent or unreadable: a damaged grade loses only its reasons.
    public var grade: Grade?

    enum CodingKeys: String, CodingKey { case kanji, rating, hints, grade }

    public init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      kanji = try container.decode(String.self, forKey: .kanji)
      rating = try container.decode(Int.self, forKey: .rating)
      hints = try container.decodeIfPresent(Int.self, forKey: .hints) ?? 0
      grade = try? container.decodeIfPresent(Grade.self, forKey: .grade)
    }
  }

  public var word: String
  public var parts: [Part]

  /// A logged grade_json as a word's grade; nil for a kanji's grade or unreadable text.
  public static func stored(_ json: String?) -> WordGrade? {
    guard let data = json?.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode(WordGrade.self, from: data)
  }

  /// The JSON to log for `parts` of `word`, each grade kept as the grader wrote it.
  static func json(word: String, parts: [WordPart]) -> String {
    let objects: [[String: Any]] = parts.map { part in
      var object: [String: Any] = [
        "kanji": part.character, "rating": part.proposed.rawValue, "hints": part.hintsUsed,
      ]
      if let grade = try? JSONSerialization.jsonObject(with: Data(part.assessment.json.utf8)) {
        object["grade"] = grade
      }
      return object
    }
    let all: [String: Any] = ["word": word, "parts": objects]
    let data = (try? JSONSerialization.data(withJSONObject: all, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}

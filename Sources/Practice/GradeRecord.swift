import Foundation

/// The grade JSON the review log keeps for each drawing, read back for the weak list.
///
/// It mirrors the grader's output format field by field so that stored grades can be read
/// whatever version of the grader wrote them; unknown error types are kept as `other`.
public struct GradeRecord: Codable, Hashable, Sendable {
  public enum ErrorType: String, Codable, Hashable, Sendable {
    case missing, extra, reversed, order, shape, position, character, other

    public init(from decoder: Decoder) throws {
      let raw = try decoder.singleValueContainer().decode(String.self)
      self = ErrorType(rawValue: raw) ?? .other
    }
  }

  public struct GradeError: Codable, Hashable, Sendable {
    public var type: ErrorType
    /// 1-based: the reference stroke, or the drawn stroke for `extra`.
    public var stroke: Int?
    public var message: String
    /// The kanji the recogniser saw instead, for `character`.
    public var drawn: String?

    public init(type: ErrorType, stroke: Int? = nil, message: String = "", drawn: String? = nil) {
      self.type = type
      self.stroke = stroke
      self.message = message
      self.drawn = drawn
    }
  }

  public var kanji: String
  public var pass: Bool
  public var score: Double
  public var errors: [GradeError]

  public init(kanji: String, pass: Bool, score: Double, errors: [GradeError]) {
    self.kanji = kanji
    self.pass = pass
    self.score = score
    self.errors = errors
  }

  /// Reads a stored grade; nil when the text is absent or not a grade.
  public static func decode(_ json: String?) -> GradeRecord? {
    guard let data = json?.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode(GradeRecord.self, from: data)
  }
}

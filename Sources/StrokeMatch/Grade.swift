/// How forgiving the judge is: every tolerance is scaled by `factor`.
public enum Leniency: String, Codable, Sendable, CaseIterable {
  case strict, normal, lenient

  var factor: Double {
    switch self {
    case .strict: 0.8
    case .normal: 1.0
    case .lenient: 1.3
    }
  }
}

/// The learner's knob on how much the grader forgives: `lenient` widens every shape and place
/// tolerance (order and direction are still checked), `standard` is the grader as tuned, and
/// `strict` narrows the tolerances and makes the slips a loose hand is forgiven (`notes`) errors.
public enum Strictness: String, Codable, Sendable, CaseIterable {
  case lenient, standard, strict

  /// The tolerances' scale at this strictness.
  public var leniency: Leniency {
    switch self {
    case .lenient: .lenient
    case .standard: .normal
    case .strict: .strict
    }
  }

  public init(_ leniency: Leniency) {
    switch leniency {
    case .lenient: self = .lenient
    case .normal: self = .standard
    case .strict: self = .strict
    }
  }

  /// Whether a loose hand's shape and place slips may be forgiven as `notes`.
  var forgivesLooseHand: Bool { self != .strict }
}

/// The judgement of one drawing against one kanji, as the CLI prints it and the review log keeps it.
/// Written as JSON in one way only (DrawingJSON's `jsonLine`); `Decodable` reads it back.
public struct Grade: Decodable, Sendable, Equatable {
  /// One problem with the drawing.
  public struct Problem: Decodable, Sendable, Equatable {
    public enum Kind: String, Decodable, Sendable, CaseIterable {
      case missing, extra, reversed, order, shape, position, character
      /// Consecutive reference strokes drawn as one (`strokes` names them).
      case joined
      /// One reference stroke drawn in several pieces.
      case split
    }

    public var type: Kind
    /// The reference stroke (1-based), or for `extra` the drawn stroke (1-based, drawing order).
    public var stroke: Int
    /// For `joined`: every reference stroke drawn as the one stroke (1-based, `stroke` first).
    public var strokes: [Int]?
    public var message: String
    /// For `character`: the kanji the drawing looks like, when the recogniser is confident.
    public var drawn: String?

    public init(
      type: Kind, stroke: Int, message: String, drawn: String? = nil, strokes: [Int]? = nil
    ) {
      self.type = type
      self.stroke = stroke
      self.message = message
      self.drawn = drawn
      self.strokes = strokes
    }
  }

  /// What became of one reference stroke.
  public struct StrokeResult: Decodable, Sendable, Equatable {
    public enum Verdict: String, Decodable, Sendable, CaseIterable {
      case ok, reversed, order, shape, position, missing
      /// Drawn together with the reference stroke before or after it, in one stroke.
      case joined
      /// Drawn in several pieces; `drawn` is the first.
      case split
    }

    /// The reference stroke, 1-based.
    public var stroke: Int
    /// The drawn stroke matched to it, 1-based in drawing order; nil when missing.
    public var drawn: Int?
    public var verdict: Verdict

    public init(stroke: Int, drawn: Int?, verdict: Verdict) {
      self.stroke = stroke
      self.drawn = drawn
      self.verdict = verdict
    }
  }

  public var kanji: String
  public var pass: Bool
  public var score: Double
  public var errors: [Problem]
  public var strokes: [StrokeResult]
  /// What was forgiven in a passing drawing: the shape and place slips of a loose hand whose
  /// drawing is still clearly the kanji asked (`review`). Nil when nothing was.
  public var notes: [Problem]?
  /// Set by the grader when the drawing fails only on the shape or place of a few strokes, drawn
  /// by a hand that strays from the model everywhere: whether the drawing is recognisably the
  /// kanji asked then decides (`review`). Nil otherwise. A question for the review, not part of
  /// the judgement: never encoded.
  public var looseHandOnly: Bool?

  private enum CodingKeys: String, CodingKey {
    case kanji, pass, score, errors, strokes, notes
  }

  public init(kanji: String, pass: Bool, score: Double, errors: [Problem], strokes: [StrokeResult])
  {
    self.kanji = kanji
    self.pass = pass
    self.score = score
    self.errors = errors
    self.strokes = strokes
  }
}

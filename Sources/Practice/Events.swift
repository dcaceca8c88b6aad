import Foundation
import KanjiData
import Scheduler

/// A key as the session understands it.
public enum Key: Equatable, Sendable {
  case character(Character)
  case enter
  case backspace
  case escape
  /// Ctrl-C: save what was answered and leave.
  case interrupt
}

/// A mouse position in screen cells from the top left, fractional: the centre of the cell at
/// column 3, row 5 is (3.5, 5.5). Pixel-precise terminals give finer positions.
public struct ScreenPoint: Equatable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// Everything a learner or the terminal can do to a session.
public enum SessionEvent: Equatable, Sendable {
  case key(Key)
  case press(ScreenPoint)
  case drag(ScreenPoint)
  case release(ScreenPoint)
  case resize(columns: Int, rows: Int)
  case tick
}

/// One card of a session: a kanji to write, new (shown first) or due for review.
public struct SessionCard: Equatable, Sendable {
  public var kanji: Kanji
  public var isNew: Bool

  public init(kanji: Kanji, isNew: Bool) {
    self.kanji = kanji
    self.isNew = isNew
  }
}

public struct PracticeSettings: Equatable, Sendable {
  /// Judge each stroke on release instead of the whole kanji on Enter.
  public var perStrokeMode: Bool
  /// Show the number of strokes in the prompt.
  public var showStrokeCount: Bool
  /// Frame canvases with + - | instead of box-drawing characters.
  public var asciiFrame: Bool
  /// Show a new kanji (study) before asking it; off for `practice`.
  public var studyNewCards: Bool
  /// When the cards run out, go on with (re)learning cards due within the learn-ahead limit,
  /// as Anki does; off for `practice`.
  public var learnAhead: Bool

  public init(
    perStrokeMode: Bool = false, showStrokeCount: Bool = false, asciiFrame: Bool = false,
    studyNewCards: Bool = true, learnAhead: Bool = true
  ) {
    self.perStrokeMode = perStrokeMode
    self.showStrokeCount = showStrokeCount
    self.asciiFrame = asciiFrame
    self.studyNewCards = studyNewCards
    self.learnAhead = learnAhead
  }
}

/// A review ready to be stored: both the rating saved and the one the policy proposed.
public struct CompletedReview: Equatable, Sendable {
  public var kanji: String
  public var time: Date
  public var rating: Rating
  public var proposedRating: Rating
  public var durationMs: Int
  public var hintsUsed: Int
  public var drawingJSON: String
  public var gradeJSON: String

  public init(
    kanji: String, time: Date, rating: Rating, proposedRating: Rating, durationMs: Int,
    hintsUsed: Int, drawingJSON: String, gradeJSON: String
  ) {
    self.kanji = kanji
    self.time = time
    self.rating = rating
    self.proposedRating = proposedRating
    self.durationMs = durationMs
    self.hintsUsed = hintsUsed
    self.drawingJSON = drawingJSON
    self.gradeJSON = gradeJSON
  }
}

/// What the session asks of its host after an event. The host performs them in order before
/// drawing the next screen, so a review is stored before the next card shows.
public enum SessionEffect: Equatable, Sendable {
  /// Store this review now; on failure call `Session.saveFailed(_:)`.
  case record(CompletedReview)
  /// A new kanji was studied (shown before it is asked): the store moves it into learning.
  /// Not a review.
  case recordStudy(kanji: String, time: Date)
  /// First run: add these kanji to the deck (the `kanji-write add` syntax), then call
  /// `Session.begin(cards:)` or `Session.setupFailed(_:)`.
  case addToDeck(String)
  /// The cards ran out. The host may add (re)learning cards due soon with `Session.append(_:)`;
  /// otherwise the summary is up, and the host may give the streak and next due date with
  /// `Session.outlook`.
  case finished
  /// The learner chose another screen of the app from the summary: end the session, open it.
  case open(AppDestination)
  /// The learner left the summary of a session the app's home screen runs: back to it.
  case home
  case quit
}

/// How a session ended, for whoever runs it next.
public enum SessionExit: Equatable, Sendable {
  /// The learner quit (or the app was stopped).
  case quit
  /// Done with the summary: back to the app's home screen.
  case home
  /// A screen chosen from the summary.
  case open(AppDestination)
}

/// Figures from the store for the end-of-session summary.
public struct SessionOutlook: Equatable, Sendable {
  public var streak: Int
  public var nextDue: Date?

  public init(streak: Int, nextDue: Date?) {
    self.streak = streak
    self.nextDue = nextDue
  }
}

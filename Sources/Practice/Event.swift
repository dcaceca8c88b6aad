import Foundation
import Scheduler

/// A key as the session understands it.
public enum Key: Equatable, Sendable {
  case character(Character)
  case enter
  case backspace
  case escape
  /// The arrow keys, for moving through a list.
  case up, down
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

/// Everything that happens to a scene: what the learner and the terminal do, and the results
/// of the effects the App performed for it.
public enum Event: Equatable, Sendable {
  case key(Key)
  case press(ScreenPoint)
  case drag(ScreenPoint)
  case release(ScreenPoint)
  case resize(columns: Int, rows: Int)
  /// No input within the scene's tick interval.
  case tick
  /// A `.record` or `.saveSelfTest` could not be stored, and why.
  case saveFailed(String)
  /// The review asked for by `.undoReview` was taken back.
  case undone
  /// Why `.undoReview` failed.
  case undoFailed(String)
  /// The intervals asked for by `.previewIntervals`.
  case intervals(RatingIntervals)
  /// The cards added by `.addToDeck`, to study now, and a note on what it left out.
  case deckAdded([SessionCard], note: String? = nil)
  /// Why `.addToDeck` failed.
  case deckFailed(String)
  /// Cards to go on with after `.sessionFinished` or `.studyMore`.
  case moreCards([SessionCard])
  /// Why `.studyMore` found no cards.
  case noMoreCards(String)
  /// The streak and next due date for the summary, after `.sessionFinished`.
  case outlook(SessionOutlook)
  /// The home screen's figures, read again after `.refreshFigures`.
  case figures(HomeFigures)
  /// The deck after a `.changeDeck`, and what was done, for the status line.
  case deckChanged([DeckItem], message: String)
  /// What went wrong with a `.changeDeck`, for the status line: why nothing changed, or that
  /// the deck could not be read again after the change.
  case deckChangeFailed(String)
  /// The setting asked for by `.changeSetting` was stored, as its normalised value.
  case settingChanged(key: String, value: String)
  /// Why `.changeSetting` was refused; the setting keeps its old value.
  case settingRefused(key: String, reason: String)
}

/// What each rating would schedule for a card: the time until it is due again, in seconds
/// (whole days once it graduates to review).
public struct RatingIntervals: Equatable, Sendable {
  public var kanji: String
  public var seconds: [Rating: TimeInterval]

  public init(kanji: String, seconds: [Rating: TimeInterval]) {
    self.kanji = kanji
    self.seconds = seconds
  }
}

import Foundation
import ProgressRecords

/// One screen of the app as a state machine: events in, effects out, and a screen to draw. The
/// terminal's run loop runs any scene; the App performs the effects and feeds their results back
/// as events. A scene does no I/O, so tests play it without a terminal or a store.
public protocol Scene {
  mutating func handle(_ event: Event, at time: Date) -> [Effect]
  var screen: Screen { get }
  /// How long the run loop waits for input before it sends `.tick`, in milliseconds: short
  /// while something moves on the screen.
  var tickInterval: Int { get }
}

/// What a scene asks of the App. The App performs them in order before the next screen is
/// drawn, so a review is stored before the next card shows.
public enum Effect: Equatable, Sendable {
  /// Store this review now; a failure comes back as `.saveFailed`.
  case record(ReviewInput)
  /// What each rating would schedule for this kanji's card now, without storing anything; it
  /// comes back as `.intervals`.
  case previewIntervals(kanji: String)
  /// A new kanji was studied (shown before it is asked): the store moves it into learning.
  /// Not a review.
  case recordStudy(kanji: String, time: Date)
  /// First run: add these kanji to the deck (the `kanji-write add` syntax); the cards come
  /// back as `.deckAdded`, or the reason as `.deckFailed`.
  case addToDeck(String)
  /// The session's cards ran out: the App may go on with (re)learning cards due soon
  /// (`.moreCards`), or give the summary its outlook (`.outlook`).
  case sessionFinished
  /// Take back the last review of this kanji (the log row goes, the card is replayed); the
  /// result comes back as `.undone` or `.undoFailed`.
  case undoReview(kanji: String)
  /// Store the finished self-test and its reviews; a failure comes back as `.saveFailed`.
  case saveSelfTest(SelfTestOutcome)
  /// Read the home screen's figures again; they come back as `.figures`.
  case refreshFigures
  /// Change the deck (one transaction); the deck as it then stands comes back as
  /// `.deckChanged`, or why nothing changed as `.deckChangeFailed`.
  case changeDeck(DeckChange)
  /// More cards after today's: the cards come back as `.moreCards`, or why there are none as
  /// `.noMoreCards`.
  case studyMore(StudyMore)
  /// Validate and store a setting; the result comes back as `.settingChanged` or
  /// `.settingRefused`.
  case changeSetting(key: String, value: String)
  /// Today's session, chosen on the home screen.
  case study
  /// Another screen, chosen by its key.
  case open(AppDestination)
  /// A kanji's own page (its card, history, last failed drawing, components); closing it comes
  /// back to the screen that asked.
  case openKanji(String)
  /// An action a text page offers, by its key.
  case action(Character)
  /// This screen is done: back to the one before it (the home screen in the app).
  case close
  /// Leave the app.
  case quit
}

/// What the summary's "study more" asks for.
public enum StudyMore: Equatable, Sendable {
  /// Five more new kanji on today's limit.
  case newKanji
  /// Reviews of cards due after today, earliest first.
  case reviewsAhead
}

import DrawingJSON
import Foundation
import KanjiData
import Practice
import StrokeMatch

/// Small hand-made kanji with KanjiVG-style components, so the weak-list rules can be checked
/// without the reference database.
public enum Fixtures {
  public static func parts(
    _ character: String, strokes: Int, _ components: [(String, ClosedRange<Int>)]
  )
    -> KanjiParts
  {
    let reference = (0..<strokes).map { _ in ReferenceStroke(points: [], type: "") }
    let groups = components.map { element, range in
      Component(
        element: element, position: nil, radical: nil, part: nil, depth: 0,
        strokes: Array(range))
    }
    return KanjiParts(
      character: character, strokes: StrokeSet(strokes: reference, components: groups))
  }

  public static let parts: [String: KanjiParts] = [
    "右": parts("右", strokes: 5, [("𠂇", 0...1), ("口", 2...4)]),
    "紙": parts("紙", strokes: 10, [("糸", 0...5), ("氏", 6...9)]),
    "細": parts("細", strokes: 11, [("糸", 0...5), ("田", 6...10)]),
    "紅": parts("紅", strokes: 9, [("糸", 0...5), ("工", 6...8)]),
    "絵": parts("絵", strokes: 12, [("糸", 0...5), ("会", 6...11)]),
    "未": parts("未", strokes: 5, []),
    "一": parts("一", strokes: 1, []),
  ]

  public static func grade(_ kanji: String, pass: Bool = false, _ errors: [Grade.Problem])
    -> Grade
  {
    Grade(kanji: kanji, pass: pass, score: pass ? 1 : 0.5, errors: errors, strokes: [])
  }

  public static func missing(_ strokes: ClosedRange<Int>) -> [Grade.Problem] {
    strokes.map { Grade.Problem(type: .missing, stroke: $0, message: "") }
  }

  public static let now = Date(timeIntervalSince1970: 1_790_000_000)

  public static func daysAgo(_ days: Double) -> Date {
    now.addingTimeInterval(-days * 86_400)
  }

  /// Ten one-stroke kanji for self-tests: 一 to 十, each "number N".
  public static let selfTestCharacters = "一二三四五六七八九十".map(String.init)
  public static let selfTestKanji = selfTestCharacters.enumerated().map { number, character in
    Kanji(
      character: character,
      strokes: StrokeSet(
        strokes: [ReferenceStroke(points: [Point(x: 20, y: 50), Point(x: 90, y: 50)], type: "㇐")],
        components: []),
      meanings: ["number \(number + 1)"], onyomi: ["オン"], kunyomi: ["くん"])
  }

  /// Draws one stroke across the middle of a self-test's canvas.
  public static func drawStroke(_ session: inout SelfTestSession, at time: Date = now) {
    let canvas = session.layout.canvas
    let row = Double(canvas.row) + Double(canvas.rows) / 2
    let left = Double(canvas.column) + 2
    _ = session.handle(.press(ScreenPoint(x: left, y: row)), at: time)
    _ = session.handle(.drag(ScreenPoint(x: left + 10, y: row)), at: time)
    _ = session.handle(.release(ScreenPoint(x: left + 20, y: row)), at: time)
  }
}

/// A judge that answers from a script: the grade for each kanji, whatever is drawn.
public struct ScriptedJudge: DrawingJudge {
  public var grades: [String: Grade]

  public init(grades: [String: Grade]) {
    self.grades = grades
  }

  public func assess(_ ink: Ink, against kanji: Kanji) -> Assessment {
    let grade = grades[kanji.character] ?? Fixtures.grade(kanji.character, pass: true, [])
    return Assessment(
      passed: grade.pass, messages: grade.errors.map(\.message), strokes: [], json: grade.jsonLine,
      drawingJSON: #"{"strokes":\#(ink.strokes.count)}"#)
  }

  public func checkLastStroke(_ ink: Ink, against kanji: Kanji) -> StrokeCheck {
    StrokeCheck(accepted: true)
  }
}

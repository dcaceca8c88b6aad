import Foundation
import KanjiData
import Practice
import StrokeMatch

/// Small hand-made kanji with KanjiVG-style components, so the weak-list rules can be checked
/// without the reference database.
enum Fixtures {
  static func parts(_ character: String, strokes: Int, _ components: [(String, ClosedRange<Int>)])
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

  static let parts: [String: KanjiParts] = [
    "右": parts("右", strokes: 5, [("𠂇", 0...1), ("口", 2...4)]),
    "紙": parts("紙", strokes: 10, [("糸", 0...5), ("氏", 6...9)]),
    "細": parts("細", strokes: 11, [("糸", 0...5), ("田", 6...10)]),
    "紅": parts("紅", strokes: 9, [("糸", 0...5), ("工", 6...8)]),
    "絵": parts("絵", strokes: 12, [("糸", 0...5), ("会", 6...11)]),
    "未": parts("未", strokes: 5, []),
    "一": parts("一", strokes: 1, []),
  ]

  static func grade(_ kanji: String, pass: Bool = false, _ errors: [Grade.Problem])
    -> Grade
  {
    Grade(kanji: kanji, pass: pass, score: pass ? 1 : 0.5, errors: errors, strokes: [])
  }

  static func missing(_ strokes: ClosedRange<Int>) -> [Grade.Problem] {
    strokes.map { Grade.Problem(type: .missing, stroke: $0, message: "") }
  }

  static let now = Date(timeIntervalSince1970: 1_790_000_000)

  static func daysAgo(_ days: Double) -> Date {
    now.addingTimeInterval(-days * 86_400)
  }
}

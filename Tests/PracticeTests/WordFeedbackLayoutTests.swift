import Testing

@testable import Practice

/// A word's feedback pairs (ink beside reference, one pair a kanji) on every terminal size:
/// framed, they never overlap, stay on the screen and above the feedback text, and take as
/// much of the room as a grid of pairs allows.
@Suite struct WordFeedbackLayoutTests {
  /// The cells a panel covers with its frame.
  func framed(_ rect: CellRect) -> (columns: Range<Int>, rows: Range<Int>) {
    (rect.column - 1..<rect.column + rect.columns + 1, rect.row - 1..<rect.row + rect.rows + 1)
  }

  func overlap(_ a: CellRect, _ b: CellRect) -> Bool {
    let (fa, fb) = (framed(a), framed(b))
    return fa.columns.overlaps(fb.columns) && fa.rows.overlaps(fb.rows)
  }

  @Test(arguments: [
    (Layout.minimumColumns, Layout.minimumRows), (60, 24), (80, 24), (120, 40), (200, 60),
  ])
  func pairsNeverOverlapAndStayInTheirRoom(size: (Int, Int)) {
    let layout = Layout(columns: size.0, rows: size.1)
    for count in 2...5 {
      let panels = layout.wordFeedbackPanels(count: count).flatMap { [$0.ink, $0.reference] }
      #expect(panels.count == 2 * count)
      for (index, panel) in panels.enumerated() {
        let frame = framed(panel)
        #expect(panel.rows >= 1 && panel.columns == 2 * panel.rows, "\(size) \(count)")
        #expect(frame.columns.lowerBound >= 0 && frame.columns.upperBound <= layout.columns)
        #expect(frame.rows.lowerBound >= Layout.headerRows)
        #expect(frame.rows.upperBound <= layout.feedbackTextRow, "\(size) \(count)")
        for other in panels[(index + 1)...] {
          #expect(!overlap(panel, other), "\(size) \(count): \(panel) \(other)")
        }
      }
    }
  }

  /// 図書館 on 80 x 24: two rows of pairs, each square five rows high (one row of three pairs
  /// allowed three).
  @Test func threeKanjiOnEightyColumnsTakeTwoRowsOfLargerPairs() {
    let panels = Layout(columns: 80, rows: 24).wordFeedbackPanels(count: 3)
    #expect(panels.map(\.ink.rows) == [5, 5, 5])
    #expect(panels[0].ink.row == panels[1].ink.row)
    #expect(panels[2].ink.row == panels[0].ink.row + 7)
  }
}

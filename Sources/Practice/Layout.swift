/// Where things go on a terminal of a given size. A cell is about twice as tall as it is wide,
/// so a canvas of 2n x n cells looks square.
public struct Layout: Equatable, Sendable {
  public static let minimumCanvas = (columns: 32, rows: 16)
  static let headerRows = 3
  static let footerRows = 2
  public static let minimumColumns = minimumCanvas.columns + 2
  public static let minimumRows = minimumCanvas.rows + 2 + headerRows + footerRows

  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  public var isTooSmall: Bool { columns < Self.minimumColumns || rows < Self.minimumRows }

  /// What every screen of the app shows instead of itself on a terminal that `isTooSmall`.
  public var tooSmallScreen: Screen {
    let lines = [
      "Terminal too small",
      "Kanji Write needs at least \(Self.minimumColumns)x\(Self.minimumRows);",
      "this one is \(columns)x\(rows).",
      "Enlarge the window (q quits).",
    ]
    var screen = Screen(columns: columns, rows: rows)
    screen.texts = lines.enumerated().map {
      TextItem(
        row: $0.offset, column: 0, text: $0.element, style: $0.offset == 0 ? .error : .plain)
    }
    return screen
  }

  /// The drawing area inside the frame: as large a square as fits between header and footer.
  public var canvas: CellRect {
    let height = max(
      0, min(rows - Self.headerRows - Self.footerRows - 2, (columns - 2) / 2))
    let width = height * 2
    let left = max(1, (columns - width) / 2)
    return CellRect(column: left, row: Self.headerRows + 1, columns: width, rows: height)
  }

  /// Rows for messages and the rating under the feedback panels.
  static let feedbackTextRows = 6

  /// The two feedback panels (the learner's ink, the reference), side by side.
  public var feedbackPanels: (ink: CellRect, reference: CellRect) {
    let height = max(
      4,
      min(
        rows - Self.headerRows - 2 - Self.feedbackTextRows - 1, (columns - 8) / 4))
    let width = height * 2
    let gap = 4
    let left = max(1, (columns - 2 * width - 2 - gap) / 2)
    let top = Self.headerRows + 1
    return (
      CellRect(column: left, row: top, columns: width, rows: height),
      CellRect(column: left + width + 2 + gap, row: top, columns: width, rows: height)
    )
  }

  /// The first row below the feedback panels.
  public var feedbackTextRow: Int { feedbackPanels.ink.row + feedbackPanels.ink.rows + 1 }

  /// The status line (messages) and the key line at the bottom.
  public var statusRow: Int { rows - 2 }
  public var keysRow: Int { rows - 1 }
}

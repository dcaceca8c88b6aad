/// Where things go on a terminal of a given size. A cell is about twice as tall as it is wide,
/// so a canvas of 2n x n cells looks square.
public struct Layout: Equatable, Sendable {
  public static let minimumCanvas = (columns: 32, rows: 16)
  static let headerRows = 3
  /// The status line and, on a terminal narrower than `wideColumns`, two rows of keys.
  static let narrowFooterRows = 3
  public static let minimumColumns = minimumCanvas.columns + 2
  public static let minimumRows = minimumCanvas.rows + 2 + headerRows + narrowFooterRows

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

  /// Below this width a screen's keys may take two rows, so the footer has three.
  public static let wideColumns = 80

  /// Rows for the key line: two on a narrow terminal, where the keys of a session do not fit
  /// one row even in short form.
  public var keyRows: Int { columns < Self.wideColumns ? 2 : 1 }

  /// The status line and the key rows.
  public var footerRows: Int { 1 + keyRows }

  /// The drawing area inside the frame: as large a square as fits between header and footer.
  public var canvas: CellRect {
    let height = max(
      0, min(rows - Self.headerRows - footerRows - 2, (columns - 2) / 2))
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

  /// A word's feedback: for each of its `count` kanji, the ink beside the reference. The pairs
  /// fill the room of the two kanji panels, across the whole width, in as many rows of pairs as
  /// makes them largest (図書館 on 80 x 24: two rows), centred.
  public func wordFeedbackPanels(count: Int) -> [(ink: CellRect, reference: CellRect)] {
    let whole = feedbackPanels
    guard count > 1 else { return [whole] }
    // Rows for the pairs, their frames included; a pair is two framed squares of width
    // 2 x height side by side, and pairs are two columns apart.
    let roomRows = whole.ink.rows + 2
    var best = (perRow: count, height: 0)
    for perRow in 1...count {
      let gridRows = (count + perRow - 1) / perRow
      let byWidth = ((columns + 2) / perRow - 6) / 4
      let byRows = roomRows / gridRows - 2
      let height = min(byWidth, byRows, whole.ink.rows)
      if height > best.height { best = (perRow, height) }
    }
    let height = max(1, best.height)
    let width = height * 2
    let pairWidth = 2 * width + 6
    let used = min(count, best.perRow) * pairWidth - 2
    let left = max(1, (columns - used) / 2 + 1)
    return (0..<count).map { index in
      let column = left + (index % best.perRow) * pairWidth
      let row = whole.ink.row + (index / best.perRow) * (height + 2)
      return (
        CellRect(column: column, row: row, columns: width, rows: height),
        CellRect(column: column + width + 2, row: row, columns: width, rows: height)
      )
    }
  }

  /// The first row below the feedback panels.
  public var feedbackTextRow: Int { feedbackPanels.ink.row + feedbackPanels.ink.rows + 1 }

  /// The status line (messages) and the key line at the bottom: the last row, and on a narrow
  /// terminal the one above it too.
  public var statusRow: Int { rows - 1 - keyRows }
  public var keysRow: Int { rows - 1 }
}

extension Layout {
  /// `text` broken at spaces into lines of at most `width` columns, a kanji counting two (a
  /// longer word is cut).
  public static func wrap(_ text: String, width: Int) -> [String] {
    wrap(text, firstWidth: width, restWidth: width)
  }

  /// The same, with a first line of another width than the rest (a hanging indent).
  static func wrap(_ text: String, firstWidth: Int, restWidth: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    func width() -> Int { max(2, lines.isEmpty ? firstWidth : restWidth) }
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if DisplayWidth.of(candidate) <= width() {
        line = candidate
        continue
      }
      if !line.isEmpty { lines.append(line) }
      line = ""
      for character in word {
        if DisplayWidth.of(line) + DisplayWidth.of(character) > width() {
          lines.append(line)
          line = ""
        }
        line.append(character)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}

/// A footer's keys, each with its label and a short form of it, laid out to fit the width:
/// the full labels when they fit, else the short ones, else the short ones closer together.
public struct KeyLine: Equatable, Sendable {
  public struct Item: Equatable, Sendable {
    public var key: String
    public var label: String
    public var short: String
  }

  public var items: [Item]

  public init(_ items: [(key: String, label: String, short: String)]) {
    self.items = items.map { Item(key: $0.key, label: $0.label, short: $0.short) }
  }

  /// The first of the forms that fits `width`; the tightest when none does.
  public func text(width: Int) -> String {
    forms.first { $0.count <= width } ?? forms.last!
  }

  /// The keys on at most `rows` lines of `width`: one line when a form fits, else the short
  /// forms broken between keys, never inside one.
  public func lines(width: Int, rows: Int) -> [String] {
    if let line = forms.first(where: { $0.count <= width }) { return [line] }
    guard rows > 1 else { return [forms.last!] }
    var best: [String] = []
    for (words, gap) in [(items.map { "\($0.key) \($0.short)" }, "  "), (tight, " ")] {
      var lines: [String] = []
      for word in words {
        if let last = lines.last, last.count + gap.count + word.count <= width {
          lines[lines.count - 1] = last + gap + word
        } else {
          lines.append(word)
        }
      }
      best = lines
      if lines.count <= rows { return lines }
    }
    return best
  }

  private var tight: [String] {
    items.map { $0.short.isEmpty ? $0.key : "\($0.key) \($0.short)" }
  }

  /// Every form from the widest down.
  var forms: [String] {
    [
      items.map { "\($0.key) \($0.label)" }.joined(separator: "  "),
      items.map { "\($0.key) \($0.short)" }.joined(separator: "  "),
      tight.joined(separator: " "),
    ]
  }
}

extension Screen {
  /// The status line and the keys at the foot of the screen, laid out to fit its width: the
  /// keys on the last row (two on a narrow terminal, when they need them), the status wrapped
  /// into the rows left above them and cut with "…" only when it does not fit those.
  /// - Parameter keyRows: rows the keys may take when they need them; the layout's by default
  ///   (a screen without a canvas has room for more).
  mutating func addFooter(
    status: String?, statusStyle: Style = .accent, keys: KeyLine, layout: Layout,
    keyRows: Int? = nil
  ) {
    let keyLines = keys.lines(width: layout.columns, rows: keyRows ?? layout.keyRows)
    let firstKeyRow = layout.rows - keyLines.count
    // Keys on more rows than the layout planned push the status up.
    let statusRow = min(layout.statusRow, firstKeyRow - 1)
    if let status, !status.isEmpty {
      let room = max(1, firstKeyRow - statusRow)
      var lines = Layout.wrap(status, width: layout.columns)
      if lines.count > room {
        lines = Array(lines.prefix(room))
        lines[room - 1] = String(lines[room - 1].prefix(max(0, layout.columns - 1))) + "…"
      }
      for (offset, line) in lines.enumerated() {
        texts.append(
          TextItem(row: statusRow + offset, column: 0, text: line, style: statusStyle))
      }
    }
    for (offset, line) in keyLines.enumerated() {
      texts.append(TextItem(row: firstKeyRow + offset, column: 0, text: line, style: .key))
    }
  }
}

import Practice

/// One terminal cell: its text (one character, or empty for the right half of a wide one) and
/// style.
public struct Cell: Equatable, Sendable {
  public var text: String
  public var style: Style

  public init(text: String = " ", style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// The whole screen as cells, the renderer's output; the terminal writes the rows that changed.
public struct CellGrid: Equatable, Sendable {
  public let columns: Int
  public let rows: Int
  private var cells: [Cell]

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    cells = Array(repeating: Cell(), count: self.columns * self.rows)
  }

  public subscript(column: Int, row: Int) -> Cell {
    get { cells[row * columns + column] }
    set { cells[row * columns + column] = newValue }
  }

  /// Writes text from a cell onwards, clipped at the right edge; wide characters take two cells.
  public mutating func put(_ text: String, column: Int, row: Int, style: Style) {
    guard row >= 0, row < rows else { return }
    var x = column
    for character in text {
      let width = Self.width(of: character)
      guard width > 0 else { continue }
      guard x >= 0 else {
        x += width
        continue
      }
      guard x + width <= columns else { return }
      if x > 0, self[x, row].text.isEmpty { self[x - 1, row] = Cell() }
      self[x, row] = Cell(text: String(character), style: style)
      if width == 2 { self[x + 1, row] = Cell(text: "", style: style) }
      if x + width < columns, self[x + width, row].text.isEmpty { self[x + width, row] = Cell() }
      x += width
    }
  }

  /// The row as text, wide characters once.
  public func line(_ row: Int) -> String {
    (0..<columns).map { self[$0, row].text }.joined()
  }

  /// Terminal columns a character takes: 2 for East Asian wide and full-width ones.
  public static func width(of character: Character) -> Int { DisplayWidth.of(character) }

  public static func width(of text: String) -> Int { DisplayWidth.of(text) }
}

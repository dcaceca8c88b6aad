/// Where the numbered start points of strokes go on a canvas. Two labels never touch (a space
/// between them at least, so that 1 and 2 never read as 12), and a label keeps off the ink
/// when a free cell is near its point. A label that finds no place within reach is left out
/// rather than drawn over another.
struct MarkPlacement {
  let columns: Int
  let rows: Int
  /// Cells that hold ink.
  let ink: Set<Cell>

  struct Cell: Hashable {
    var column: Int
    var row: Int
  }

  /// How far (in cells, either way) a label may move from its point.
  static let reach = 3

  /// The first cell of each label of `widths` wanted at `cells`, in order; nil for one left out.
  func place(_ wanted: [(cell: Cell, width: Int)]) -> [Cell?] {
    var taken: Set<Cell> = []
    return wanted.map { label in
      let candidates = Self.offsets.map {
        Cell(column: label.cell.column + $0.column, row: label.cell.row + $0.row)
      }.filter {
        $0.column >= 0 && $0.column + label.width <= columns && $0.row >= 0 && $0.row < rows
      }
      let free = candidates.filter { start in
        // The label's cells and one on each side must not be another label's.
        (start.column - 1...start.column + label.width).allSatisfy {
          !taken.contains(Cell(column: $0, row: start.row))
        }
      }
      let clearOfInk = free.first { start in
        (start.column..<start.column + label.width).allSatisfy {
          !ink.contains(Cell(column: $0, row: start.row))
        }
      }
      guard let start = clearOfInk ?? free.first else { return nil }
      for column in start.column..<start.column + label.width {
        taken.insert(Cell(column: column, row: start.row))
      }
      return start
    }
  }

  /// Offsets tried in order: the point itself, then the nearest cells around it, sideways
  /// first (a cell is twice as tall as it is wide, so a row away is further).
  static let offsets: [Cell] = {
    var offsets: [Cell] = []
    for row in -reach...reach {
      for column in -2 * reach...2 * reach {
        offsets.append(Cell(column: column, row: row))
      }
    }
    return offsets.sorted {
      let a = $0.column * $0.column + 4 * $0.row * $0.row
      let b = $1.column * $1.column + 4 * $1.row * $1.row
      return (a, $0.row, $0.column) < (b, $1.row, $1.column)
    }
  }()
}

/// Minimum-cost assignment (the Hungarian method, O(n³)) over a square cost matrix.
enum Assignment {
  /// For each row, the column assigned to it; `cost` is a `size` x `size` matrix stored row after
  /// row (one allocation rather than one a row).
  static func solve(_ cost: [Double], size n: Int) -> [Int] {
    guard n > 0 else { return [] }
    // The working rows live on the stack: this runs several times for every drawing graded,
    // and six small arrays on the heap cost more than the method itself on a small kanji.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * (n + 1)) { reals in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { integers in
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: n + 1) { used in
          cost.withUnsafeBufferPointer { cost in
            // Potentials and the column-to-row matching, 1-based with a virtual column 0.
            let u = reals.baseAddress!
            let v = u + (n + 1)
            let minimum = v + (n + 1)
            let rowOfColumn = integers.baseAddress!
            let way = rowOfColumn + (n + 1)
            let used = used.baseAddress!
            u.initialize(repeating: 0, count: 2 * (n + 1))
            rowOfColumn.initialize(repeating: 0, count: 2 * (n + 1))
            for row in 1...n {
              rowOfColumn[0] = row
              var column0 = 0
              minimum.initialize(repeating: .infinity, count: n + 1)
              used.initialize(repeating: false, count: n + 1)
              repeat {
                used[column0] = true
                let row0 = rowOfColumn[column0]
                var delta = Double.infinity
                var column1 = 0
                for column in 1...n where !used[column] {
                  let reduced = cost[(row0 - 1) * n + column - 1] - u[row0] - v[column]
                  if reduced < minimum[column] {
                    minimum[column] = reduced
                    way[column] = column0
                  }
                  if minimum[column] < delta {
                    delta = minimum[column]
                    column1 = column
                  }
                }
                for column in 0...n {
                  if used[column] {
                    u[rowOfColumn[column]] += delta
                    v[column] -= delta
                  } else {
                    minimum[column] -= delta
                  }
                }
                column0 = column1
              } while rowOfColumn[column0] != 0
              repeat {
                let column1 = way[column0]
                rowOfColumn[column0] = rowOfColumn[column1]
                column0 = column1
              } while column0 != 0
            }
            var result = [Int](repeating: -1, count: n)
            for column in 1...n where rowOfColumn[column] > 0 {
              result[rowOfColumn[column] - 1] = column - 1
            }
            return result
          }
        }
      }
    }
  }
}

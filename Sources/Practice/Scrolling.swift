/// Scrolling through lines longer than a screen, the same on every page: j or Down one line on,
/// k or Up one back, space a screen on, Backspace a screen back.
enum Scrolling {
  /// The first line shown after `key`, of `lines` in `rows` rows; nil when `key` does not
  /// scroll.
  static func top(after key: Key, from top: Int, lines: Int, rows: Int) -> Int? {
    let last = max(0, lines - rows)
    switch key {
    case .character("j"), .down: return min(last, top + 1)
    case .character("k"), .up: return max(0, top - 1)
    case .character(" "): return min(last, top + rows)
    case .backspace: return max(0, top - rows)
    default: return nil
    }
  }
}

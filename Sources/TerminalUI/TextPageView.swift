import Practice

extension Terminal {
  /// Shows a page of text (the weak list, the self-test history) until the learner closes it or
  /// picks one of its actions, which it returns. The caller restores the terminal.
  public func show(_ page: TextPage) -> Character? {
    var page = page
    _ = page.handle(.resize(columns: columns, rows: rows))
    var chosen: Character?
    var input = TerminalEvents(terminal: self)
    input.run(
      drawing: { page.screen },
      handle: { event in
        switch page.handle(event) {
        case .close: return false
        case .action(let key):
          chosen = key
          return false
        case nil: return true
        }
      })
    return chosen
  }
}

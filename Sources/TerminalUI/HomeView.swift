import Practice

extension Terminal {
  /// Shows the home screen until the learner picks a choice, which it returns. The caller
  /// restores the terminal.
  public func show(_ home: HomeMenu) -> HomeChoice {
    var home = home
    _ = home.handle(.resize(columns: columns, rows: rows))
    var chosen = HomeChoice.quit
    var input = TerminalEvents(terminal: self)
    input.run(
      drawing: { home.screen },
      handle: { event in
        guard let choice = home.handle(event) else { return true }
        chosen = choice
        return false
      })
    return chosen
  }
}

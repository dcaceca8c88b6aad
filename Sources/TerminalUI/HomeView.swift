import Foundation
import Practice

extension Terminal {
  /// Shows the home screen until the learner picks a choice, which it returns; reads the
  /// figures again through `refresh` when the home screen says they are due for it. The caller
  /// restores the terminal.
  public func show(_ home: HomeMenu, refresh: () -> HomeFigures?) -> HomeChoice {
    var home = home
    _ = home.handle(.resize(columns: columns, rows: rows))
    var input = TerminalEvents(terminal: self)
    draw(Renderer.grid(for: home.screen))
    while true {
      // Waits a second at most, so the figures are looked at even with no input.
      for event in input.next(animating: false) {
        if let choice = home.handle(event) { return choice }
      }
      let now = Date()
      if home.needsRefresh(at: now), let figures = refresh() {
        home.update(figures: figures, at: now)
      }
      draw(Renderer.grid(for: home.screen))
    }
  }
}

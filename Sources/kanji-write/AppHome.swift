import Foundation
import Practice
import Progress
import TerminalUI

/// The app: today's session when anything is due (or the first run's deck choice), then the
/// home screen, to which every screen comes back until the learner quits there (q within a
/// session, or a stop signal anywhere, quits at once). Each screen opens and restores the
/// terminal itself, so every way out leaves it as it was.
enum AppHome {
  private enum Step {
    case session
    case home
    case open(AppDestination)

    /// Where a session or screen that ended this way leads; nil to quit.
    init?(after exit: SessionExit) {
      switch exit {
      case .quit: return nil
      case .home: self = .home
      case .open(let destination): self = .open(destination)
      }
    }
  }

  static func run(_ global: GlobalOptions) throws {
    let context = try AppContext(global)
    let store = context.store
    // Today's session at once when it has cards, or on the first run (its deck choice).
    var step = try ProgressCLI.run {
      let (due, new) = try HomeFigures.studyCounts(store: store, now: Date())
      return try due + new > 0 || store.cards().isEmpty ? Step.session : .home
    }
    while !Terminal.stopRequested {
      switch step {
      case .session:
        let exit = try SessionLauncher.run(context, dailySession: true, returnsHome: true) {
          host, now in
          (try host.dueCards(now: now), try host.deckIsEmpty)
        }
        guard let next = Step(after: exit) else { return }
        step = next
      case .open(let destination):
        let exit = try AppScreens.open(destination, context: context, returnsHome: true)
        guard let next = Step(after: exit) else { return }
        step = next
      case .home:
        let figures = try ProgressCLI.run { try HomeFigures.load(store: store, now: Date()) }
        let terminal = try AppScreens.openTerminal()
        // A figure that cannot be read again keeps the last one; the next screen reports it.
        let choice = terminal.show(HomeMenu(figures: figures, now: Date())) {
          try? HomeFigures.load(store: store, now: Date())
        }
        terminal.restore()
        switch choice {
        case .study: step = .session
        case .open(let destination): step = .open(destination)
        case .quit: return
        }
      }
    }
  }
}

import Foundation
import Practice

/// Runs a session in the terminal: reads input, feeds the session, performs its effects, and
/// draws its screen. It makes no decisions of its own.
public final class TerminalApp {
  private let terminal: Terminal
  private var session: Session
  private let host: any SessionHost
  private var input: TerminalEvents

  public init(terminal: Terminal, session: Session, host: any SessionHost) {
    self.terminal = terminal
    self.session = session
    self.host = host
    input = TerminalEvents(terminal: terminal)
  }

  /// Runs until the learner quits or a stop signal comes; restores the terminal on every way
  /// out. Throws only when a review could not be saved on the way out. Returns how the session
  /// ended: quit, back home, or a screen the learner chose to open from the summary.
  @discardableResult
  public func run() throws -> SessionExit {
    defer { terminal.restore() }
    _ = session.handle(.resize(columns: terminal.columns, rows: terminal.rows), at: Date())
    if case .summary = session.phase { _ = perform([.finished]) }
    draw()
    while true {
      let animating: Bool
      if case .study = session.phase { animating = true } else { animating = false }
      var events = input.next(animating: animating)
      if events.isEmpty && animating { events.append(.tick) }
      for event in events {
        switch perform(session.handle(event, at: Date())) {
        case .running: continue
        case .over: return .quit
        case .home: return .home
        case .open(let destination): return .open(destination)
        case .failedOnTheWayOut(let error): throw error
        }
      }
      draw()
    }
  }

  private func draw() {
    terminal.draw(Renderer.grid(for: session.screen))
  }

  private enum Outcome {
    case running, over, home
    case open(AppDestination)
    case failedOnTheWayOut(any Error)
  }

  /// Performs effects in order, stopping at the first failure.
  private func perform(_ effects: [SessionEffect]) -> Outcome {
    for effect in effects {
      switch effect {
      case .record(let review):
        do {
          try host.record(review)
        } catch {
          if effects.contains(.quit) { return .failedOnTheWayOut(error) }
          session.saveFailed("\(error)")
          return .running
        }
      case .recordStudy(let kanji, let time):
        // A study that could not be stored only means the kanji is shown again next time.
        try? host.recordStudy(kanji: kanji, time: time)
      case .addToDeck(let spec):
        do {
          session.begin(cards: try host.addToDeck(spec))
        } catch let failure {
          session.setupFailed("\(failure)")
        }
      case .finished:
        if session.settings.learnAhead, let more = try? host.learnAhead(now: Date()),
          !more.isEmpty
        {
          session.append(more)
        } else {
          session.outlook = try? host.outlook()
        }
      case .open(let destination):
        return .open(destination)
      case .home:
        return .home
      case .quit:
        return .over
      }
    }
    return .running
  }
}

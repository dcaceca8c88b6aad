import Foundation
import Practice

/// Runs a session in the terminal: reads input, feeds the session, performs its effects, and
/// draws its screen. It makes no decisions of its own.
public final class TerminalApp {
  private let terminal: Terminal
  private var session: Session
  private let host: any SessionHost
  private var decoder = InputDecoder()
  /// Whether mouse reports are in pixels (the terminal said yes to 1016).
  private var pixelReports = false

  public init(terminal: Terminal, session: Session, host: any SessionHost) {
    self.terminal = terminal
    self.session = session
    self.host = host
  }

  /// Runs until the learner quits or a stop signal comes; restores the terminal on every way
  /// out. Throws only when a review could not be saved on the way out.
  public func run() throws {
    defer { terminal.restore() }
    _ = session.handle(.resize(columns: terminal.columns, rows: terminal.rows), at: Date())
    if case .summary = session.phase { _ = perform([.finished]) }
    draw()
    while true {
      let animating: Bool
      if case .study = session.phase { animating = true } else { animating = false }
      let timeout = decoder.hasPending ? 30 : (animating ? 100 : 1000)
      let (bytes, signals) = terminal.wait(timeoutMilliseconds: timeout)
      var events: [SessionEvent] = []
      for signal in signals {
        switch signal {
        case .stop: events.append(.key(.interrupt))
        case .suspend: terminal.suspend()
        case .resumed: terminal.resume()
        case .resized:
          terminal.refreshSize()
          events.append(.resize(columns: terminal.columns, rows: terminal.rows))
        }
      }
      let inputs = bytes.isEmpty && signals.isEmpty ? decoder.flush() : decoder.feed(bytes)
      events += inputs.compactMap(event(for:))
      if events.isEmpty && animating { events.append(.tick) }
      for event in events {
        switch perform(session.handle(event, at: Date())) {
        case .running: continue
        case .over: return
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
    case running, over
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
        session.outlook = try? host.outlook()
      case .quit:
        return .over
      }
    }
    return .running
  }

  private func event(for input: TerminalInput) -> SessionEvent? {
    switch input {
    case .key(let key):
      switch key {
      case .character(let character): return .key(.character(character))
      case .enter: return .key(.enter)
      case .backspace, .delete: return .key(.backspace)
      case .escape: return .key(.escape)
      case .control("c"): return .key(.interrupt)
      default: return nil
      }
    case .mouse(let report):
      let point = position(of: report)
      switch report.kind {
      case .press where report.button == 0: return .press(point)
      case .drag where report.button == 0: return .drag(point)
      case .release: return .release(point)
      default: return nil
      }
    case .modeReport(let mode, let value):
      if mode == 1016 { pixelReports = (value == 1 || value == 2) && terminal.cellPixels != nil }
      return nil
    }
  }

  /// A report's position in fractional screen cells (the centre of the cell in cell mode).
  private func position(of report: MouseReport) -> ScreenPoint {
    if pixelReports, let cell = terminal.cellPixels {
      return ScreenPoint(
        x: Double(report.x) / Double(cell.width), y: Double(report.y) / Double(cell.height))
    }
    return ScreenPoint(x: Double(report.x) - 0.5, y: Double(report.y) - 0.5)
  }
}

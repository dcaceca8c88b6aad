import Practice

/// Reads the terminal for the screens it runs: waits for input or a signal, handles suspend and
/// resume itself, and turns the rest into the events the Practice state machines take.
struct TerminalEvents {
  let terminal: Terminal
  private var decoder = InputDecoder()
  /// Whether mouse reports are in pixels (the terminal said yes to 1016).
  private var pixelReports = false

  init(terminal: Terminal) {
    self.terminal = terminal
  }

  /// The next events; empty when nothing came within the wait (a second, or a tenth while
  /// `animating`), so the caller can tick.
  mutating func next(animating: Bool) -> [SessionEvent] {
    let timeout = decoder.hasPending ? 30 : (animating ? 100 : 1000)
    let (bytes, signals) = terminal.wait(timeoutMilliseconds: timeout)
    var events: [SessionEvent] = []
    for signal in signals {
      switch signal {
      case .stop:
        Terminal.stopRequested = true
        events.append(.key(.interrupt))
      case .suspend: terminal.suspend()
      case .resumed: terminal.resume()
      case .resized:
        terminal.refreshSize()
        events.append(.resize(columns: terminal.columns, rows: terminal.rows))
      }
    }
    let inputs = bytes.isEmpty && signals.isEmpty ? decoder.flush() : decoder.feed(bytes)
    return events + inputs.compactMap { event(for: $0) }
  }

  /// Runs a screen without animation: draws `screen`, then hands every event to `handle` and
  /// draws again, until `handle` returns false.
  mutating func run(drawing screen: () -> Screen, handle: (SessionEvent) -> Bool) {
    terminal.draw(Renderer.grid(for: screen()))
    while true {
      for event in next(animating: false) where !handle(event) { return }
      terminal.draw(Renderer.grid(for: screen()))
    }
  }

  private mutating func event(for input: TerminalInput) -> SessionEvent? {
    switch input {
    case .key(let key):
      switch key {
      case .character(let character): return .key(.character(character))
      case .enter: return .key(.enter)
      case .backspace, .delete: return .key(.backspace)
      case .escape: return .key(.escape)
      case .control("c"):
        Terminal.stopRequested = true
        return .key(.interrupt)
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

import Practice

/// Reads the terminal for the scenes it runs: waits for input or a signal, handles suspend and
/// resume itself, and turns the rest into the events scenes take. One for the terminal's whole
/// run, so a sequence split across two scenes is still read whole.
struct TerminalEvents {
  private var decoder = InputDecoder()
  /// Whether mouse reports are in pixels (the terminal said yes to 1016).
  private var pixelReports = false
  /// Time spent waiting for input: the decoder's clock. Time the app spends busy does not
  /// count, so bytes that were already waiting when it looks again are never late.
  private var waited = Duration.zero

  /// The next events of `terminal`; empty when nothing came within `timeout` milliseconds, so
  /// the caller can tick.
  mutating func next(from terminal: Terminal, waitingAtMost timeout: Int) -> [Event] {
    var timeout = timeout
    if let deadline = decoder.deadline {
      // Rounded up, so the wait reaches the deadline.
      let left = deadline - waited
      timeout = min(timeout, max(0, Int((left / .milliseconds(1)).rounded(.up))))
    }
    let start = ContinuousClock.now
    let (bytes, signals) = terminal.wait(timeoutMilliseconds: timeout)
    waited += ContinuousClock.now - start
    var events: [Event] = []
    for signal in signals {
      switch signal {
      case .stop:
        events.append(.key(.interrupt))
      case .suspend: terminal.suspend()
      case .resumed: terminal.resume()
      case .resized:
        terminal.refreshSize()
        events.append(.resize(columns: terminal.columns, rows: terminal.rows))
      }
    }
    return events
      + decoder.feed(bytes, at: waited).compactMap {
        event(for: $0, cellPixels: terminal.cellPixels)
      }
  }

  private mutating func event(for input: TerminalInput, cellPixels: (width: Int, height: Int)?)
    -> Event?
  {
    switch input {
    case .key(let key):
      switch key {
      case .character(let character): return .key(.character(character))
      case .enter: return .key(.enter)
      case .backspace, .delete: return .key(.backspace)
      case .escape: return .key(.escape)
      case .up: return .key(.up)
      case .down: return .key(.down)
      case .control("c"), .control("\\"):
        // The bytes of Ctrl-C and Ctrl-\ come only when the terminal does not turn them into
        // SIGINT and SIGQUIT; they mean the same.
        return .key(.interrupt)
      case .alt:
        // Alt chords are no command: Alt+q above all must not quit.
        return nil
      default: return nil
      }
    case .mouse(let report):
      let point = position(of: report, cellPixels: cellPixels)
      switch report.kind {
      case .press where report.button == 0: return .press(point)
      case .drag where report.button == 0: return .drag(point)
      case .release: return .release(point)
      default: return nil
      }
    case .modeReport(let mode, let value):
      if mode == 1016 { pixelReports = (value == 1 || value == 2) && cellPixels != nil }
      return nil
    }
  }

  /// A report's position in fractional screen cells (the centre of the cell in cell mode).
  private func position(of report: MouseReport, cellPixels: (width: Int, height: Int)?)
    -> ScreenPoint
  {
    if pixelReports, let cell = cellPixels {
      return ScreenPoint(
        x: Double(report.x) / Double(cell.width), y: Double(report.y) / Double(cell.height))
    }
    return ScreenPoint(x: Double(report.x) - 0.5, y: Double(report.y) - 0.5)
  }
}

import CNcursesw
import Practice

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the app cannot run in this terminal; the message says what to do. It does not name the
/// program: whoever prints it does ("kanji-write: the app needs ...").
public struct TerminalUnavailable: Error, CustomStringConvertible {
  public var description: String
}

/// Signals the app reacts to, reported through a pipe so the run loop handles them outside the
/// signal handler.
public enum TerminalSignal: Sendable, Equatable {
  /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: save and leave.
  case stop
  case suspend
  case resumed
  case resized
}

// The write end of the self-pipe and the terminal settings to restore after a crash; set once
// before any handler is installed.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
nonisolated(unsafe) private var savedTermios = termios()
// The escapes that switch the mouse modes off and leave the alternate screen, for the crash path.
private let crashReset: [UInt8] = Array(
  "\u{1b}[?1016l\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?25h\u{1b}[?1049l\r\n".utf8)

/// The terminal: ncursesw for output, raw bytes for input, xterm mouse modes, signals. Every C
/// call of the front end is in this type. Output goes through `draw(_:)`; input through
/// `wait(timeoutMilliseconds:)`.
public final class Terminal {
  public private(set) var columns: Int
  public private(set) var rows: Int
  /// The pixel size of a cell, when the terminal reports pixels.
  public private(set) var cellPixels: (width: Int, height: Int)?
  private var screen: OpaquePointer?
  private var shown: CellGrid?
  private var restored = false
  private var signalReadEnd: Int32 = -1
  private let hasColors: Bool
  /// Input decoding for the terminal's whole run.
  var input = TerminalEvents()

  /// Checks that this is a UTF-8 terminal the app can draw on and read the mouse from.
  public static func checkEnvironment(environment: [String: String]) throws(TerminalUnavailable) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalUnavailable(
        description:
          "the app needs an interactive terminal with a mouse; standard input or output is not a terminal. Run it in a terminal window, or use the non-interactive commands (see kanji-write --help)."
      )
    }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, term != "dumb" else {
      throw TerminalUnavailable(
        description:
          "the app needs a terminal with cursor control and mouse reporting, and TERM is '\(term.isEmpty ? "unset" : term)'. Run it in a terminal emulator such as xterm, GNOME Terminal, kitty or tmux (TERM=xterm-256color)."
      )
    }
    // Checked here as well as by newterm, so that nothing is opened for a terminal type the
    // app would then refuse.
    guard kw_terminal_type_known() == 1 else {
      throw TerminalUnavailable(
        description:
          "the app does not know the terminal type '\(term)'. Set TERM to one your system knows, such as xterm-256color."
      )
    }
    setlocale(LC_ALL, "")
    let codeset = String(cString: kw_codeset())
    guard codeset == "UTF-8" else {
      throw TerminalUnavailable(
        description:
          "the app needs a UTF-8 locale to draw kanji and braille, and the current character set is \(codeset). Fix: export LANG=C.UTF-8 (or another UTF-8 locale, such as en_US.UTF-8), then run it again."
      )
    }
  }

  /// Takes over the terminal: alternate screen, no echo, mouse drag reporting in SGR.
  public init() throws(TerminalUnavailable) {
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else {
      throw TerminalUnavailable(description: "the app could not set up its signal pipe.")
    }
    for end in pipeEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
    signalReadEnd = pipeEnds[0]
    signalPipeWriteEnd = pipeEnds[1]
    tcgetattr(STDIN_FILENO, &savedTermios)
    Self.installSignalHandlers()

    // newterm, unlike initscr, returns NULL instead of exiting when TERM is unknown.
    guard let screen = newterm(nil, kw_stdout(), kw_stdin()) else {
      Self.resetSignalHandlers()
      throw TerminalUnavailable(
        description:
          "the app does not know the terminal type '\(String(cString: getenv("TERM")))'. Set TERM to one your system knows, such as xterm-256color."
      )
    }
    self.screen = screen
    cbreak()
    noecho()
    nonl()
    curs_set(0)
    hasColors = kw_has_colors() == 1
    if hasColors {
      start_color()
      use_default_colors()
      for style in Style.allCases {
        init_pair(Int16(style.rawValue + 1), Self.colour(for: style), -1)
      }
    }
    columns = Int(kw_cols())
    rows = Int(kw_lines())
    refreshSize()
    refresh()
    enableMouse()
  }

  deinit {
    restore()
  }

  // MARK: Modes

  /// Button-event tracking (1002) with SGR coordinates (1006), and SGR-Pixels (1016) when the
  /// terminal reports a pixel size. ncurses' own mouse support is left off: the app parses the
  /// reports itself, so ncurses never sends its `XM` string (from terminfo), which would switch
  /// 1002 back to 1000.
  private func enableMouse() {
    var escapes = "\u{1b}[?1002h\u{1b}[?1006h"
    if cellPixels != nil {
      // Ask whether 1016 took; reports stay in cells until the terminal says yes.
      escapes += "\u{1b}[?1016h\u{1b}[?1016$p"
    }
    writeOut(escapes)
  }

  private func disableMouse() {
    writeOut("\u{1b}[?1016l\u{1b}[?1006l\u{1b}[?1002l")
  }

  private func writeOut(_ text: String) {
    fflush(kw_stdout())
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if written <= 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
    bytes.removeAll()
  }

  /// Gives the terminal back as it was: mouse modes off, normal screen, echo. Safe to call twice.
  public func restore() {
    guard !restored else { return }
    restored = true
    disableMouse()
    endwin()
    if let screen { delscreen(screen) }
    screen = nil
    Self.resetSignalHandlers()
    close(signalReadEnd)
    close(signalPipeWriteEnd)
    signalPipeWriteEnd = -1
  }

  /// Ctrl-Z: give the terminal back, stop, and take it again when continued.
  public func suspend() {
    disableMouse()
    endwin()
    signal(SIGTSTP, SIG_DFL)
    kill(getpid(), SIGTSTP)
    // Continued.
    signal(SIGTSTP, Self.handler)
    resume()
  }

  /// After a stop and continue, however it came: switch the modes on again and redraw all.
  public func resume() {
    refresh()
    enableMouse()
    shown = nil
  }

  // MARK: Size

  /// Reads the window size after SIGWINCH and tells ncurses.
  public func refreshSize() {
    var cols: Int32 = 0
    var lines: Int32 = 0
    var xpixels: Int32 = 0
    var ypixels: Int32 = 0
    guard kw_window_size(STDOUT_FILENO, &cols, &lines, &xpixels, &ypixels) == 0, cols > 0, lines > 0
    else { return }
    if Int(cols) != columns || Int(lines) != rows {
      resizeterm(lines, cols)
      shown = nil
    }
    columns = Int(cols)
    rows = Int(lines)
    cellPixels =
      xpixels > 0 && ypixels > 0 ? (Int(xpixels) / Int(cols), Int(ypixels) / Int(lines)) : nil
  }

  // MARK: Input

  /// Waits up to `timeoutMilliseconds` for input or a signal; returns what came.
  public func wait(timeoutMilliseconds: Int) -> (bytes: [UInt8], signals: [TerminalSignal]) {
    var fds = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: signalReadEnd, events: Int16(POLLIN), revents: 0),
    ]
    let ready = poll(&fds, 2, Int32(timeoutMilliseconds))
    guard ready > 0 else { return ([], []) }
    var signals: [TerminalSignal] = []
    if fds[1].revents & Int16(POLLIN) != 0 {
      var buffer = [UInt8](repeating: 0, count: 64)
      let count = read(signalReadEnd, &buffer, buffer.count)
      for byte in buffer.prefix(max(0, count)) {
        switch Int32(byte) {
        case SIGINT, SIGTERM, SIGHUP, SIGQUIT: signals.append(.stop)
        case SIGTSTP: signals.append(.suspend)
        case SIGCONT: signals.append(.resumed)
        case SIGWINCH: signals.append(.resized)
        default: break
        }
      }
    }
    var bytes: [UInt8] = []
    if fds[0].revents & Int16(POLLIN) != 0 {
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count > 0 { bytes = Array(buffer.prefix(count)) }
    }
    if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && bytes.isEmpty {
      // The terminal went away: treat it as a hang-up.
      signals.append(.stop)
    }
    return (bytes, signals)
  }

  // MARK: Output

  /// Writes the rows that differ from what is on screen, then updates the terminal.
  public func draw(_ grid: CellGrid) {
    let full = shown == nil || shown?.columns != grid.columns || shown?.rows != grid.rows
    if full { erase() }
    for row in 0..<min(grid.rows, rows) {
      if !full, let shown, (0..<grid.columns).allSatisfy({ shown[$0, row] == grid[$0, row] }) {
        continue
      }
      drawRow(row, of: grid)
    }
    refresh()
    shown = grid
  }

  private func drawRow(_ row: Int, of grid: CellGrid) {
    var column = 0
    let width = min(grid.columns, columns)
    while column < width {
      let style = grid[column, row].style
      var text = ""
      let start = column
      while column < width, grid[column, row].style == style {
        text += grid[column, row].text
        column += 1
      }
      // The last cell of the last row cannot be written without scrolling on some terminals.
      if row == rows - 1, column == columns, !text.isEmpty { text.removeLast() }
      attrset(Int32(bitPattern: attributes(for: style)))
      _ = mvaddstr(Int32(row), Int32(start), text)
    }
    attrset(Int32(bitPattern: kw_a_normal()))
  }

  private func attributes(for style: Style) -> UInt32 {
    let colour = hasColors ? UInt32(bitPattern: kw_color_pair(Int32(style.rawValue + 1))) : 0
    switch style {
    case .plain, .ink: return colour
    case .title, .error: return colour | kw_a_bold()
    case .dim, .hint, .missing: return colour | kw_a_dim()
    case .key: return colour | kw_a_reverse()
    case .accent, .ok: return colour | (hasColors ? 0 : kw_a_bold())
    case .order, .reversed: return colour | (hasColors ? 0 : kw_a_underline())
    case .wrong: return colour | (hasColors ? kw_a_bold() : kw_a_reverse())
    }
  }

  private static func colour(for style: Style) -> Int16 {
    switch style {
    case .plain, .title, .dim, .key, .ink, .missing: -1
    case .accent, .hint: Int16(COLOR_CYAN)
    case .error, .wrong: Int16(COLOR_RED)
    case .ok: Int16(COLOR_GREEN)
    case .order: Int16(COLOR_YELLOW)
    case .reversed: Int16(COLOR_MAGENTA)
    }
  }

  // MARK: Signals

  private static let handler: @convention(c) (Int32) -> Void = { signal in
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipeWriteEnd, &byte, 1)
  }

  private static let crashHandler: @convention(c) (Int32) -> Void = { number in
    // Only async-signal-safe calls: give the shell a usable terminal, then die as before.
    crashReset.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios)
    signal(number, SIG_DFL)
    raise(number)
  }

  // SIGQUIT (Ctrl-\) is a stop too: left to the Swift runtime, its backtracer would take over
  // the screen, and the answered card would not be saved.
  private static let handled = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH]
  private static let fatal = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

  private static func installSignalHandlers() {
    // Globals initialise lazily; touch this one now, not for the first time in a handler.
    _ = crashReset.count
    // Foundation.Process starts its children with these signals blocked: unblock them.
    var empty = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, nil)
    for number in handled { signal(number, handler) }
    for number in fatal { signal(number, crashHandler) }
  }

  private static func resetSignalHandlers() {
    for number in handled + fatal { signal(number, SIG_DFL) }
  }
}

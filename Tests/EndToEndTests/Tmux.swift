import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to its end and returns its status and its output, errors included.
func spawn(
  _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
) throws -> (status: Int32, output: String) {
  let result = try ChildProcess.run(arguments, environment: environment, errorsToOutput: true)
  return (result.status, result.stdout)
}

/// Terminal columns a character takes in tmux's grid.
func cellWidth(_ character: Character) -> Int {
  guard let scalar = character.unicodeScalars.first else { return 0 }
  switch scalar.value {
  case 0x1100...0x115f, 0x2e80...0x303e, 0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff,
    0xac00...0xd7a3, 0xf900...0xfaff, 0xfe30...0xfe4f, 0xff00...0xff60, 0xffe0...0xffe6,
    0x20000...0x3fffd:
    return 2
  default: return 1
  }
}

/// A private tmux server running one program in a window of fixed size.
final class TmuxSession {
  private let directory: TemporaryFolder
  private let socket: String
  private var killed = false

  /// With `jobControl`, the command is typed into an interactive shell, so Ctrl-Z stops it and
  /// `fg` brings it back (the kernel ignores Ctrl-Z in a process group with no shell above it).
  /// `setup` is a shell command run in the pane first, such as `stty quit undef`.
  init(
    command: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:],
    jobControl: Bool = false, setup: String? = nil
  ) throws {
    guard (try? spawn(["tmux", "-V"]))?.status == 0 else {
      throw HarnessError(description: "tmux is not installed (sudo apt-get install tmux)")
    }
    directory = try TemporaryFolder()
    socket = directory.file("tmux.sock")
    let variables = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
      .merging(environment) { $1 }
    let exports = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
    let line =
      (setup.map { "\($0); " } ?? "")
      + (["env"] + exports + command.map(shellQuoted)).joined(separator: " ")
    // The shell keeps the pane after the app exits, so tests can read the restored screen and
    // the exit status.
    let script = "\(line); echo \"[exit $?]\"; sleep 60"
    let shell = jobControl ? ["env", "PS1=$ ", "sh", "-i"] : ["sh", "-c", script]
    try tmux(
      [
        "-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "\(columns)", "-y", "\(rows)",
      ] + shell)
    if jobControl {
      try tmux(["send-keys", "-t", "app", "-l", line])
      try tmux(["send-keys", "-t", "app", "Enter"])
    }
  }

  deinit { kill() }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let result = try spawn(["tmux", "-S", socket] + arguments)
    guard result.status == 0 else {
      throw HarnessError(description: "tmux \(arguments.joined(separator: " ")): \(result.output)")
    }
    return result.output
  }

  func kill() {
    guard !killed else { return }
    killed = true
    _ = try? spawn(["tmux", "-S", socket, "kill-server"])
  }

  /// The screen as lines of text.
  func screen() throws -> [String] {
    try tmux(["capture-pane", "-p", "-t", "app"]).components(separatedBy: "\n")
  }

  func format(_ text: String) throws -> String {
    try tmux(["display-message", "-p", "-t", "app", text]).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `condition` holds, then until the screen stops changing, so the
  /// caller sees the whole frame and not one tmux has only partly received; fails with the last
  /// screen after `timeout`.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool
  ) throws -> [String] {
    let deadline = Date() + timeout
    var lines = try screen()
    while !condition(lines) {
      guard Date() < deadline else {
        throw HarnessError(
          description: "timed out waiting for \(what); screen:\n\(lines.joined(separator: "\n"))")
      }
      usleep(20_000)
      lines = try screen()
    }
    while Date() < deadline {
      usleep(30_000)
      let again = try screen()
      guard again != lines, condition(again) else { break }
      lines = again
    }
    return lines
  }

  func waitForText(_ text: String, timeout: TimeInterval = 10) throws -> [String] {
    try waitFor("\"\(text)\"", timeout: timeout) { $0.joined(separator: "\n").contains(text) }
  }

  /// Waits until the app has switched on button-event tracking with SGR reports.
  func waitForMouseMode(timeout: TimeInterval = 10) throws {
    let deadline = Date() + timeout
    while try format("#{mouse_button_flag}#{mouse_sgr_flag}") != "11" {
      guard Date() < deadline else {
        throw HarnessError(description: "the app never enabled mouse modes 1002 and 1006")
      }
      usleep(20_000)
    }
  }

  func mouseFlags() throws -> String {
    try format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}")
  }

  func type(_ literal: String) throws {
    try tmux(["send-keys", "-t", "app", "-l", literal])
  }

  func key(_ name: String) throws {
    try tmux(["send-keys", "-t", "app", name])
  }

  /// Pastes `text` into the pane in one go, as a terminal pastes the clipboard: through a tmux
  /// buffer, since a command line cannot carry that much.
  func paste(_ text: String) throws {
    let file = directory.file("paste-\(UUID().uuidString)")
    try text.write(toFile: file, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    try tmux(["load-buffer", "-b", "paste", file])
    try tmux(["paste-buffer", "-d", "-b", "paste", "-t", "app"])
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", "app", "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// Drags the left button through cells (0-based column, row), one report per send-keys like a
  /// hand would.
  func drag(_ cells: [(column: Int, row: Int)]) throws {
    guard let first = cells.first, let last = cells.last else { return }
    try type("\u{1b}[<0;\(first.column + 1);\(first.row + 1)M")
    for cell in cells.dropFirst() {
      try type("\u{1b}[<32;\(cell.column + 1);\(cell.row + 1)M")
    }
    try type("\u{1b}[<0;\(last.column + 1);\(last.row + 1)m")
  }
}

func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The drawing area of the first framed canvas on a screen: the inside of ┌ ┐ └ ┘.
struct FramedCanvas: Equatable {
  var column: Int
  var row: Int
  var columns: Int
  var rows: Int

  static func find(in lines: [String], corners: (String, String, String) = ("┌", "┐", "└"))
    -> FramedCanvas?
  {
    for (row, line) in lines.enumerated() {
      var column = 0
      var left: Int?
      for character in line {
        if String(character) == corners.0 { left = column }
        if String(character) == corners.1, let start = left, column > start + 1 {
          // The bottom corner in the same column closes the frame.
          for bottom in (row + 1)..<lines.count
          where FramedCanvas.character(in: lines[bottom], at: start) == corners.2 {
            return FramedCanvas(
              column: start + 1, row: row + 1, columns: column - start - 1, rows: bottom - row - 1)
          }
        }
        column += cellWidth(character)
      }
    }
    return nil
  }

  static func character(in line: String, at target: Int) -> String? {
    var column = 0
    for character in line {
      if column == target { return String(character) }
      column += cellWidth(character)
    }
    return nil
  }

  /// The text inside the frame, row by row.
  func inside(_ lines: [String]) -> [String] {
    (row..<row + rows).map { row in
      (column..<column + columns).map { FramedCanvas.character(in: lines[row], at: $0) ?? " " }
        .joined()
    }
  }

  /// The cell under a point of KanjiVG's 109 x 109 space.
  func cell(x: Double, y: Double) -> (column: Int, row: Int) {
    (
      column + min(columns - 1, max(0, Int(x / 109 * Double(columns)))),
      row + min(rows - 1, max(0, Int(y / 109 * Double(rows))))
    )
  }
}

import Foundation

/// The input of `grade` and `recognize`, read a chunk at a time: one drawing, up to a cap, or
/// `--jsonl` lines a block at a time, so that no input, however long, is ever held whole.
extension StrokeMatchCLI {
  /// The most a drawing may take, alone or as a `--jsonl` line: many times a drawing of the most
  /// points (`Drawing.maxPoints`) written out.
  static let maxDrawingBytes = 16 << 20
  /// A `--jsonl` line still running at this length is not a line (`/dev/zero`, a binary file):
  /// the run stops rather than wait for a newline that may never come.
  static let maxSkippedLineBytes = 1 << 30
  /// A block is handed on at this many bytes even short of its lines, so that long lines do not
  /// pile up.
  static let maxBlockBytes = 32 << 20
  static let chunkBytes = 1 << 20

  /// One line of a `--jsonl` input, numbered from 1 for its error messages.
  struct InputLine: Sendable {
    var number: Int
    var bytes: ArraySlice<UInt8>
  }

  /// A whole drawing's JSON, refused past `maxDrawingBytes`.
  static func readDrawing(_ file: String?) throws -> [UInt8] {
    let input = try InputFile(file)
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: chunkBytes)
    while true {
      let count = try input.readChunk(into: &chunk)
      guard count > 0 else { return bytes }
      guard bytes.count + count <= maxDrawingBytes else {
        throw CLIError(
          "\(input.name) is longer than \(maxDrawingBytes >> 20) MB, the most a drawing may take")
      }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// Runs `body` on each line, printing its output or an {"error": ...} line.
  static func eachLine(of file: String?, _ body: (ArraySlice<UInt8>) throws -> String) throws {
    try eachBlock(of: file, size: 256) { lines in
      lines.map { line in
        do { return try body(line.bytes) } catch { return errorLine(error, line: line.number) }
      }
    }
  }

  /// Cuts the input into lines as it comes and hands them to `body` in blocks of `size` (fewer
  /// when the lines are long), writing each block's output lines, in order, before reading on.
  /// Output line N answers input line N: a blank line, and one longer than `maxDrawingBytes`
  /// (skipped to its end, not kept), get an error line of their own; a final newline ends the
  /// last line, it does not start another.
  static func eachBlock(of file: String?, size: Int, _ body: ([InputLine]) -> [String]) throws {
    let input = try InputFile(file)
    var chunk = [UInt8](repeating: 0, count: chunkBytes)
    // The block's lines back to back, then the line being read from `lineStart` on.
    var bytes: [UInt8] = []
    var lineStart = 0
    var lines: [(number: Int, range: Range<Int>)] = []
    // Each line's output: nil until `body` answers it, an error line for one it is not given.
    var answers: [String?] = []
    var number = 1
    // How much of the line being read was dropped, once it is too long.
    var skipped: Int?

    func flush() {
      guard !answers.isEmpty else { return }
      var given = body(lines.map { InputLine(number: $0.number, bytes: bytes[$0.range]) })
        .makeIterator()
      let output = answers.map { ($0 ?? given.next()!) + "\n" }.joined()
      StandardStreams.output(output)
      bytes.removeAll(keepingCapacity: true)
      lineStart = 0
      lines.removeAll(keepingCapacity: true)
      answers.removeAll(keepingCapacity: true)
    }

    func endLine() {
      if skipped == nil {
        let range = lineStart..<bytes.count
        if bytes[range].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
          lines.append((number, range))
          answers.append(nil)
          lineStart = bytes.count
        } else {
          bytes.removeSubrange(range)
          answers.append(errorLine("line \(number): empty line"))
        }
      }
      skipped = nil
      number += 1
      if answers.count >= size || bytes.count >= maxBlockBytes { flush() }
    }

    /// The next `count` bytes of the line being read, from `start` in the chunk.
    func take(_ start: UnsafePointer<UInt8>, _ count: Int) throws {
      if let dropped = skipped {
        skipped = dropped + count
        guard dropped + count <= maxSkippedLineBytes else {
          flush()
          throw CLIError(
            "line \(number) of \(input.name) is longer than \(maxSkippedLineBytes >> 30) GB: "
              + "it is not JSON Lines; stopped")
        }
      } else if bytes.count - lineStart + count > maxDrawingBytes {
        skipped = bytes.count - lineStart + count
        bytes.removeSubrange(lineStart...)
        answers.append(errorLine("line \(number) is longer than \(maxDrawingBytes >> 20) MB"))
      } else {
        bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
      }
    }

    while true {
      let count = try input.readChunk(into: &chunk)
      guard count > 0 else { break }
      try chunk.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress!
        var position = 0
        while position < count {
          guard let newline = memchr(base + position, 0x0A, count - position) else {
            try take(base + position, count - position)
            return
          }
          let end = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base
          try take(base + position, end - position)
          endLine()
          position = end + 1
        }
      }
    }
    if skipped != nil || bytes.count > lineStart { endLine() }
    flush()
  }
}

/// Standard input, or the file named.
private final class InputFile {
  let descriptor: Int32
  let name: String

  init(_ file: String?) throws {
    guard let file else {
      descriptor = STDIN_FILENO
      name = "standard input"
      return
    }
    descriptor = open(file, O_RDONLY)
    name = file
    guard descriptor >= 0 else {
      throw CLIError("cannot read \(file): \(String(cString: strerror(errno)))")
    }
  }

  deinit {
    if descriptor != STDIN_FILENO { close(descriptor) }
  }

  /// Fills the front of `buffer`: how many bytes came, 0 at the end of the input.
  func readChunk(into buffer: inout [UInt8]) throws -> Int {
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count >= 0 { return count }
      guard errno == EINTR else {
        throw CLIError("cannot read \(name): \(String(cString: strerror(errno)))")
      }
    }
  }
}

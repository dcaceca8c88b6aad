import Foundation
import TestSupport
import Testing

/// `grade` and `recognize` on inputs far beyond any drawing: each is refused with a message, in
/// bounded memory (the binary's peak resident size, measured by the kernel), and a `--jsonl`
/// run answers the lines around the bad one.
@Suite struct StrokeMatchLimitsTests {
  /// Far under what holding the inputs below would take (before the caps: 623 MB for the
  /// 300 MB line, 600 MB for the 60 MB drawing, /dev/zero without end).
  static let memoryBoundMB = 200.0

  static let one =
    #"{"canvas": {"columns": 48, "rows": 24}, "strokes": [[[8, 12], [14, 12], [20, 12], [26, 12], [32, 12], [38, 12]]]}"#
  static let oneLine = Array(#"{"kanji": "一", "drawing": \#(one)}"#.utf8) + [0x0A]

  func run(_ arguments: [String], feed: @escaping @Sendable (Int32) -> Void) throws -> (
    output: ChildProcess.Output, peakMegabytes: Double
  ) {
    try Repository.requireReferenceDatabase()
    return try BuiltBinary.runMeasuringMemory(
      arguments + ["--data", Repository.referenceDatabase], feed: feed)
  }

  /// Writes a drawing whose one stroke is `megabytes` of `[1,2],` points, a megabyte a write;
  /// stops early when the binary stops reading.
  static func writeDrawing(megabytes: Int, to descriptor: Int32) {
    let chunk = Array(String(repeating: "[1,2],", count: (1 << 20) / 6).utf8)
    guard
      ChildProcess.write(
        Array(#"{"canvas": {"columns": 48, "rows": 24}, "strokes": [["#.utf8), to: descriptor)
    else { return }
    var written = 0
    while written + chunk.count <= megabytes << 20 {
      guard ChildProcess.write(chunk, to: descriptor) else { return }
      written += chunk.count
    }
    ChildProcess.write(Array("[1,2]]]}".utf8), to: descriptor)
  }

  @Test func aThreeHundredMegabyteLineIsAnsweredAndSkippedInBoundedMemory() throws {
    let (output, peak) = try run(["grade", "--jsonl"]) { descriptor in
      guard ChildProcess.write(Self.oneLine, to: descriptor),
        ChildProcess.write(Array(#"{"kanji": "一", "drawing": "#.utf8), to: descriptor)
      else { return }
      Self.writeDrawing(megabytes: 300, to: descriptor)
      ChildProcess.write(Array("}\n".utf8) + Self.oneLine, to: descriptor)
    }
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    try #require(lines.count == 4 && lines[3].isEmpty, "\(output.stdout.prefix(500))")
    #expect(lines[0].hasPrefix(#"{"kanji":"一","pass":true,"#))
    #expect(lines[1] == #"{"error":"line 2 is longer than 16 MB"}"#)
    #expect(lines[2] == lines[0])
    #expect(peak < Self.memoryBoundMB, "peak \(peak) MB")
  }

  /// 24 lines of 10 MB, each under the line cap: a block is handed on at 32 MB, not held to
  /// its 4096 lines (240 MB).
  @Test func longLinesDoNotPileUpInABlock() throws {
    let (output, peak) = try run(["grade", "--jsonl"]) { descriptor in
      let line = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20) + [0x0A]
      for _ in 0..<24 where ChildProcess.write(line, to: descriptor) {}
      ChildProcess.write(Self.oneLine, to: descriptor)
    }
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n")
    try #require(lines.count == 25, "\(output.stdout.prefix(500))")
    for (index, line) in lines.dropLast().enumerated() {
      #expect(line.hasPrefix(#"{"error":"line \#(index + 1): malformed JSON at byte 1: "#))
    }
    #expect(lines[24].hasPrefix(#"{"kanji":"一","pass":true,"#))
    #expect(peak < Self.memoryBoundMB, "peak \(peak) MB")
  }

  @Test func zerosWithoutANewlineAreOneLineTooLong() throws {
    let (output, peak) = try run(["grade", "--jsonl"]) { descriptor in
      let zeros = [UInt8](repeating: 0, count: 1 << 20)
      for _ in 0..<64 where ChildProcess.write(zeros, to: descriptor) {}
    }
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout == #"{"error":"line 1 is longer than 16 MB"}"# + "\n")
    #expect(peak < Self.memoryBoundMB, "peak \(peak) MB")
  }

  /// /dev/zero never ends and never has a newline: the run stops, it does not read forever.
  @Test func devZeroStopsWithAnError() throws {
    let (output, peak) = try run(["grade", "--jsonl", "/dev/zero"]) { _ in }
    #expect(output.status == 2)
    #expect(output.stdout == #"{"error":"line 1 is longer than 16 MB"}"# + "\n")
    #expect(
      output.stderr
        == "kanji-write: line 1 of /dev/zero is longer than 1 GB: it is not JSON Lines; stopped\n")
    #expect(peak < Self.memoryBoundMB, "peak \(peak) MB")
  }

  @Test(arguments: [["grade", "--kanji", "一"], ["recognize"]])
  func aSixtyMegabyteDrawingIsRefusedInBoundedMemory(_ arguments: [String]) throws {
    let (output, peak) = try run(arguments) { Self.writeDrawing(megabytes: 60, to: $0) }
    #expect(output.status == 2)
    #expect(
      output.stderr
        == "kanji-write: standard input is longer than 16 MB, the most a drawing may take\n")
    #expect(output.stdout.isEmpty)
    #expect(peak < Self.memoryBoundMB, "peak \(peak) MB")
  }

  /// 15 MB of points, under the size cap: the reader stops at a count of values instead of
  /// building a tree of millions.
  @Test func fifteenMegabytesOfPointsAreRefusedInBoundedMemory() throws {
    let message = "the JSON has more than 400000 values; a drawing has at most 100000 points"
    let (single, singlePeak) = try run(["grade", "--kanji", "一"]) {
      Self.writeDrawing(megabytes: 15, to: $0)
    }
    #expect(single.status == 2)
    #expect(single.stderr == "kanji-write: \(message)\n")
    #expect(single.stdout.isEmpty)
    #expect(singlePeak < Self.memoryBoundMB, "peak \(singlePeak) MB")

    let (batch, batchPeak) = try run(["grade", "--jsonl"]) { descriptor in
      guard ChildProcess.write(Array(#"{"kanji": "一", "drawing": "#.utf8), to: descriptor)
      else { return }
      Self.writeDrawing(megabytes: 15, to: descriptor)
      ChildProcess.write(Array("}\n".utf8) + Self.oneLine, to: descriptor)
    }
    #expect(batch.status == 0, "\(batch.stderr)")
    let lines = batch.stdout.split(separator: "\n")
    try #require(lines.count == 2, "\(batch.stdout.prefix(500))")
    #expect(lines[0] == #"{"error":"line 1: \#(message)"}"#)
    #expect(lines[1].hasPrefix(#"{"kanji":"一","pass":true,"#))
    #expect(batchPeak < Self.memoryBoundMB, "peak \(batchPeak) MB")
  }

  /// A drawing of `count` points, in strokes of at most 20,000 (the most a stroke may have).
  static func drawing(points count: Int) -> String {
    var strokes: [String] = []
    var left = count
    while left > 0 {
      let points = min(left, 20_000)
      left -= points
      strokes.append(
        "[" + (0..<points).map { "[\(8 + $0 % 30),12]" }.joined(separator: ",") + "]")
    }
    return #"{"canvas": {"columns": 48, "rows": 24}, "strokes": ["#
      + strokes.joined(separator: ",") + "]}"
  }

  @Test func aDrawingMayHaveAHundredThousandPointsAndNoMore() throws {
    let over = Array(Self.drawing(points: 100_001).utf8)
    let message = "the drawing has 100001 points; at most 100000 are accepted"
    for arguments in [["grade", "--kanji", "一"], ["recognize"]] {
      let (output, _) = try run(arguments) { ChildProcess.write(over, to: $0) }
      #expect(output.status == 2, "\(arguments)")
      #expect(output.stderr == "kanji-write: \(message)\n", "\(arguments)")
    }
    let (batch, _) = try run(["grade", "--jsonl"]) {
      ChildProcess.write(
        Array(#"{"kanji": "一", "drawing": "#.utf8) + over + Array("}\n".utf8), to: $0)
    }
    #expect(batch.stdout == #"{"error":"line 1: \#(message)"}"# + "\n")

    let most = Array(Self.drawing(points: 100_000).utf8)
    let (graded, _) = try run(["grade", "--kanji", "一"]) { ChildProcess.write(most, to: $0) }
    #expect(graded.status == 0, "\(graded.stderr)")
    #expect(graded.stdout.hasPrefix(#"{"kanji":"一","pass":"#))
  }
}

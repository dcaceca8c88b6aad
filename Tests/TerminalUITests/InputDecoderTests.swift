import Testing

@testable import TerminalUI

@Suite struct InputDecoderTests {
  private func decode(_ text: String) -> [TerminalInput] {
    var decoder = InputDecoder()
    return decoder.feed(Array(text.utf8), at: .zero)
  }

  /// Feeds each part at its time in milliseconds, then nothing at `end`; returns what each
  /// step decoded.
  private func decode(_ parts: [(ms: Int, text: String)], end: Int) -> [[TerminalInput]] {
    var decoder = InputDecoder()
    var steps = parts.map { decoder.feed(Array($0.text.utf8), at: .milliseconds($0.ms)) }
    steps.append(decoder.feed([], at: .milliseconds(end)))
    #expect(!decoder.hasPending)
    return steps
  }

  @Test func sgrPressDragRelease() {
    let events = decode("\u{1b}[<0;10;5M\u{1b}[<32;11;6M\u{1b}[<0;12;7m")
    #expect(
      events == [
        .mouse(MouseReport(kind: .press, button: 0, x: 10, y: 5)),
        .mouse(MouseReport(kind: .drag, button: 0, x: 11, y: 6)),
        .mouse(MouseReport(kind: .release, button: 0, x: 12, y: 7)),
      ])
  }

  @Test func pixelCoordinatesAreNotClamped() {
    #expect(
      decode("\u{1b}[<0;1500;900m") == [
        .mouse(MouseReport(kind: .release, button: 0, x: 1500, y: 900))
      ])
  }

  @Test func modifiersWheelAndHover() {
    #expect(
      decode("\u{1b}[<36;3;4M")
        == [.mouse(MouseReport(kind: .drag, button: 0, x: 3, y: 4, shift: true))])
    #expect(
      decode("\u{1b}[<64;3;4M") == [.mouse(MouseReport(kind: .wheelUp, button: 0, x: 3, y: 4))])
    #expect(
      decode("\u{1b}[<65;3;4M") == [.mouse(MouseReport(kind: .wheelDown, button: 1, x: 3, y: 4))])
    #expect(decode("\u{1b}[<35;3;4M") == [.mouse(MouseReport(kind: .move, button: 3, x: 3, y: 4))])
    #expect(
      decode("\u{1b}[<18;3;4M")
        == [.mouse(MouseReport(kind: .press, button: 2, x: 3, y: 4, control: true))])
  }

  @Test func sequenceSplitAcrossReads() {
    var decoder = InputDecoder()
    let bytes = Array("a\u{1b}[<0;10;5Mb".utf8)
    var events: [TerminalInput] = []
    for byte in bytes { events += decoder.feed([byte], at: .zero) }
    #expect(
      events == [
        .key(.character("a")), .mouse(MouseReport(kind: .press, button: 0, x: 10, y: 5)),
        .key(.character("b")),
      ])
    #expect(!decoder.hasPending)
  }

  @Test func utf8SplitAcrossReads() {
    var decoder = InputDecoder()
    let bytes = Array("学".utf8)
    #expect(decoder.feed(bytes.prefix(2), at: .zero).isEmpty)
    #expect(decoder.feed(bytes.dropFirst(2), at: .zero) == [.key(.character("学"))])
  }

  @Test func keys() {
    #expect(
      decode("q\r\n\u{7f}\u{08}\t\u{03}")
        == [
          .key(.character("q")), .key(.enter), .key(.enter), .key(.backspace), .key(.backspace),
          .key(.tab), .key(.control("c")),
        ])
    #expect(
      decode("\u{1b}[A\u{1b}OB\u{1b}[1;5C\u{1b}[3~") == [
        .key(.up), .key(.down), .key(.right), .key(.delete),
      ])
  }

  @Test func loneEscapeIsTheEscapeKeyAfterTheShortDelay() {
    var decoder = InputDecoder()
    #expect(decoder.feed([0x1b], at: .milliseconds(500)).isEmpty)
    #expect(decoder.hasPending)
    #expect(decoder.deadline == .milliseconds(530))
    #expect(decoder.feed([], at: .milliseconds(529)).isEmpty)
    #expect(decoder.feed([], at: .milliseconds(530)) == [.key(.escape)])
    #expect(!decoder.hasPending)
    #expect(decoder.deadline == nil)
  }

  @Test func escapeThenAKeyAfterTheDelayIsEscapeThenTheKey() {
    #expect(
      decode([(0, "\u{1b}"), (50, "q")], end: 60) == [
        [], [.key(.escape), .key(.character("q"))], [],
      ])
  }

  @Test func altKeysAreNotEscape() {
    #expect(decode("\u{1b}q") == [.key(.alt(.character("q")))])
    #expect(decode("\u{1b}Q\u{1b}1") == [.key(.alt(.character("Q"))), .key(.alt(.character("1")))])
    #expect(decode("\u{1b}\r") == [.key(.alt(.enter))])
    #expect(decode("\u{1b}\u{7f}") == [.key(.alt(.backspace))])
    // Alt with a character of several bytes, split between reads.
    var decoder = InputDecoder()
    let bytes = [0x1b] + Array("学".utf8)
    #expect(decoder.feed(bytes.prefix(2), at: .zero).isEmpty)
    #expect(
      decoder.feed(bytes.dropFirst(2), at: .milliseconds(10)) == [.key(.alt(.character("学")))])
  }

  @Test func escapeTwiceIsEscapeThenAWaitingEscape() {
    var decoder = InputDecoder()
    #expect(decoder.feed([0x1b, 0x1b], at: .zero) == [.key(.escape)])
    #expect(decoder.deadline == InputDecoder.escapeDelay)
    #expect(decoder.feed([], at: .seconds(1)) == [.key(.escape)])
  }

  @Test func mouseReportSplitFarApartIsStillOneReport() {
    // Over a slow link the two halves came 100 ms apart, then 900 ms apart: far beyond the
    // Escape delay, within the sequence delay.
    for gap in [100, 900] {
      #expect(
        decode([(0, "\u{1b}[<0;10"), (gap, ";5M")], end: gap + 2000) == [
          [], [.mouse(MouseReport(kind: .press, button: 0, x: 10, y: 5))], [],
        ])
    }
    var decoder = InputDecoder()
    _ = decoder.feed(Array("\u{1b}[".utf8), at: .zero)
    #expect(decoder.deadline == InputDecoder.sequenceDelay)
    #expect(decoder.feed([], at: .milliseconds(999)).isEmpty)
    #expect(
      decoder.feed(Array("<32;11;6M".utf8), at: .milliseconds(999)) == [
        .mouse(MouseReport(kind: .drag, button: 0, x: 11, y: 6))
      ])
  }

  @Test func escapeThenTheRestWithinTheShortDelayIsOneReport() {
    #expect(
      decode([(0, "\u{1b}"), (20, "[<0;10;5m")], end: 2000) == [
        [], [.mouse(MouseReport(kind: .release, button: 0, x: 10, y: 5))], [],
      ])
  }

  @Test func unfinishedSequenceIsDroppedWholeAfterTheLongDelay() {
    var decoder = InputDecoder()
    #expect(decoder.feed(Array("\u{1b}[<0;12;3".utf8), at: .zero).isEmpty)
    #expect(decoder.feed([], at: .milliseconds(999)).isEmpty)
    #expect(decoder.feed([], at: .seconds(1)).isEmpty)
    #expect(!decoder.hasPending)
    // Input that comes after the deadline is not taken as the rest of it.
    #expect(decoder.feed(Array("\u{1b}[<0;12;3".utf8), at: .seconds(5)).isEmpty)
    #expect(decoder.feed(Array("q".utf8), at: .seconds(7)) == [.key(.character("q"))])
  }

  @Test func oscColourRepliesAreSkippedWhole() {
    // Hex digits and letters of the reply are keys elsewhere (c clears, 1-4 rate): none leaks.
    #expect(decode("\u{1b}]11;rgb:cccc/1234/abcd\u{07}q") == [.key(.character("q"))])
    #expect(decode("\u{1b}]11;rgb:0000/0000/0000\u{1b}\\q") == [.key(.character("q"))])
    #expect(
      decode("\u{1b}]10;rgb:ffff/ffff/ffff\u{1b}\\\u{1b}[<0;1;2M") == [
        .mouse(MouseReport(kind: .press, button: 0, x: 1, y: 2))
      ])
  }

  @Test func oscReplySplitIntoPartsIsSkippedWhole() {
    let stTerminated = decode(
      [
        (0, "\u{1b}"), (10, "]11;rgb:cc"), (300, "cc/cccc/cc"), (600, "cc\u{1b}"), (900, "\\"),
        (1500, "c"),
      ], end: 3000)
    #expect(stTerminated == [[], [], [], [], [], [.key(.character("c"))], []])
    let belTerminated = decode(
      [(0, "\u{1b}]"), (400, "4;1;rgb:1"), (800, "/2/3\u{07}"), (1700, "u")], end: 3000)
    #expect(belTerminated == [[], [], [], [.key(.character("u"))], []])
  }

  @Test func otherControlStringsAreSkipped() {
    #expect(
      decode("\u{1b}P1$r0m\u{1b}\\\u{1b}_Gi=1;OK\u{1b}\\\u{1b}^pm\u{07}\u{1b}Xsos\u{07}h") == [
        .key(.character("h"))
      ])
  }

  @Test func longControlStringAcrossManyReadsIsSkipped() {
    var decoder = InputDecoder()
    #expect(decoder.feed(Array("\u{1b}]52;c;".utf8), at: .zero).isEmpty)
    for read in 1...100 {
      #expect(
        decoder.feed(Array(repeating: UInt8(ascii: "1"), count: 4000), at: .milliseconds(read))
          .isEmpty)
    }
    #expect(decoder.feed(Array("\u{07}2".utf8), at: .milliseconds(101)) == [.key(.character("2"))])
  }

  @Test func controlStringCutShortByAnotherSequenceEndsThere() {
    #expect(
      decode("\u{1b}]11;rgb:cc\u{1b}[<0;10;5M") == [
        .mouse(MouseReport(kind: .press, button: 0, x: 10, y: 5))
      ])
    #expect(decode("\u{1b}]11;rgb\u{18}s") == [.key(.character("s"))])
  }

  @Test func controlStringWithoutItsEndIsDroppedAfterTheLongDelay() {
    var decoder = InputDecoder()
    #expect(decoder.feed(Array("\u{1b}]11;rgb:12".utf8), at: .zero).isEmpty)
    #expect(decoder.deadline == InputDecoder.sequenceDelay)
    #expect(decoder.feed([], at: .seconds(1)).isEmpty)
    #expect(!decoder.hasPending)
    #expect(decoder.feed(Array("3".utf8), at: .seconds(2)) == [.key(.character("3"))])
  }

  @Test func unknownAndMalformedSequencesAreDroppedWhole() {
    // Focus, bracketed-paste marks, function keys, modified keys: none is a command.
    #expect(
      decode("\u{1b}[I\u{1b}[O\u{1b}[200~\u{1b}[15;2~\u{1b}[1;5P\u{1b}O5Q\u{1b}OPq") == [
        .key(.character("q"))
      ])
    // A byte that cannot be in a CSI ends it and is itself decoded.
    #expect(decode("\u{1b}[12\r") == [.key(.enter)])
    // An over-long CSI, even one that comes in many reads, leaks none of its parameters.
    let long = "\u{1b}[<" + String(repeating: "1;", count: 300) + "M4"
    #expect(decode(long) == [.key(.character("4"))])
    var decoder = InputDecoder()
    var events: [TerminalInput] = []
    for (read, chunk) in Array(long.utf8).chunked(into: 50).enumerated() {
      events += decoder.feed(chunk, at: .milliseconds(10 * read))
    }
    #expect(events == [.key(.character("4"))])
  }

  @Test func controlBytesAreNamedByTheirCharacter() {
    #expect(
      decode("\u{1c}\u{1a}\u{00}\u{1f}") == [
        .key(.control("\\")), .key(.control("z")), .key(.control("@")), .key(.control("_")),
      ])
  }

  @Test func x10Mouse() {
    let press: [UInt8] = [0x1b, 0x5b, 0x4d, 32 + 0, 32 + 10, 32 + 5]
    let release: [UInt8] = [0x1b, 0x5b, 0x4d, 32 + 3, 32 + 12, 32 + 5]
    var decoder = InputDecoder()
    #expect(
      decoder.feed(press + release, at: .zero) == [
        .mouse(MouseReport(kind: .press, button: 0, x: 10, y: 5)),
        .mouse(MouseReport(kind: .release, button: 3, x: 12, y: 5)),
      ])
  }

  @Test func modeReport() {
    #expect(decode("\u{1b}[?1016;1$y") == [.modeReport(mode: 1016, value: 1)])
  }

  @Test func garbageIsSkipped() {
    #expect(decode("\u{1b}[<0;;5Mq") == [.key(.character("q"))])
    #expect(decode("\u{1b}[99Zq") == [.key(.character("q"))])
    var decoder = InputDecoder()
    #expect(decoder.feed([0xff, 0x80, UInt8(ascii: "q")], at: .zero) == [.key(.character("q"))])
  }
}

extension Array {
  fileprivate func chunked(into size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}

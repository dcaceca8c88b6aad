import Testing

@testable import TerminalUI

@Suite struct InputDecoderTests {
  private func decode(_ text: String) -> [TerminalInput] {
    var decoder = InputDecoder()
    return decoder.feed(Array(text.utf8))
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
    for byte in bytes { events += decoder.feed([byte]) }
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
    #expect(decoder.feed(bytes.prefix(2)).isEmpty)
    #expect(decoder.feed(bytes.dropFirst(2)) == [.key(.character("学"))])
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

  @Test func loneEscapeWaitsThenFlushes() {
    var decoder = InputDecoder()
    #expect(decoder.feed([0x1b]).isEmpty)
    #expect(decoder.hasPending)
    #expect(decoder.flush() == [.key(.escape)])
    #expect(!decoder.hasPending)
  }

  @Test func escapeFollowedByKey() {
    #expect(decode("\u{1b}q") == [.key(.escape), .key(.character("q"))])
  }

  @Test func x10Mouse() {
    let press: [UInt8] = [0x1b, 0x5b, 0x4d, 32 + 0, 32 + 10, 32 + 5]
    let release: [UInt8] = [0x1b, 0x5b, 0x4d, 32 + 3, 32 + 12, 32 + 5]
    var decoder = InputDecoder()
    #expect(
      decoder.feed(press + release) == [
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
    #expect(decoder.feed([0xff, 0x80, UInt8(ascii: "q")]) == [.key(.character("q"))])
  }
}

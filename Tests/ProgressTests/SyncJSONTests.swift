import Foundation
import Testing

@testable import Progress

/// A sync record's JSON reads back as it was written, whatever its strings hold.
@Suite struct SyncJSONTests {
  @Test func stringsOfEveryKindReadBackAsWritten() throws {
    let texts = [
      "plain", "quote \" and backslash \\", "line\nbreak\ttab\r", "bell \u{7} and nul \u{0}",
      "𠮟 and 喩", "/slash/",
    ]
    for text in texts {
      var out: [UInt8] = []
      SyncJSON.write(["value": .text(text), "number": .integer(1_733_400_000_000)], into: &out)
      let read = try SyncJSON.read(out[...])
      guard case .scalar(.text(let back))? = read["value"] else {
        Issue.record("no text read back from \(String(decoding: out, as: UTF8.self))")
        continue
      }
      #expect(back == text)
      guard case .scalar(.integer(let number))? = read["number"] else {
        Issue.record("no integer read back")
        continue
      }
      #expect(number == 1_733_400_000_000)
    }
  }

  @Test func escapesAndSurrogatePairsAreDecodedAndBrokenOnesRefused() throws {
    let escaped = Array(#"{"a": "\u00e9\ud842\udf9f\/", "b": [1, {"c": 2}], "d": true}"#.utf8)
    let read = try SyncJSON.read(escaped[...])
    guard case .scalar(.text(let text))? = read["a"] else {
      Issue.record("no text read")
      return
    }
    #expect(text == "é𠮟/")
    // Arrays are read past; booleans are numbers.
    #expect(read["b"] == nil)
    guard case .scalar(.integer(1))? = read["d"] else {
      Issue.record("true not read as 1")
      return
    }
    for broken in [#"{"a": "\ud842"}"#, #"{"a": "\x"}"#, #"{"a": "open}"#, #"{"a": nul}"#] {
      #expect(throws: SyncJSON.Malformed.self) { try SyncJSON.read(Array(broken.utf8)[...]) }
    }
  }
}

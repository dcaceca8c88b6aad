import Foundation
import KanjiData
import TestSupport
import Testing

/// `kanji-write grade` and `recognize` through the built binary: output, and bad input.
@Suite struct StrokeMatchCLITests {
  func run(_ arguments: [String], input: String) throws -> ChildProcess.Output {
    try Repository.requireReferenceDatabase()
    return try BuiltBinary.run(
      arguments + ["--data", Repository.referenceDatabase], input: input)
  }

  /// 一 drawn as one horizontal drag across a 48 x 24 canvas.
  let one =
    #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": [[[8, 12], [14, 12], [20, 12], [26, 12], [32, 12], [38, 12]]]}"#

  @Test func gradesADrawing() throws {
    let output = try run(["grade", "--kanji", "一"], input: one)
    #expect(output.status == 0, "\(output.stderr)")
    let grade = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    #expect(grade?["pass"] as? Bool == true)
    #expect((grade?["errors"] as? [Any])?.isEmpty == true)
    let reversed = try run(
      ["grade", "--kanji", "一"],
      input:
        #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": [[[38, 12], [26, 12], [14, 12], [8, 12]]]}"#
    )
    #expect(reversed.stdout.contains(#""type":"reversed""#), "\(reversed.stdout)")
  }

  /// 探 traced from its reference strokes on a 48 x 24 canvas by a loose hand: every stroke a
  /// few units off, and 扌's rising stroke (3) well below its place.
  func looseDrawing(of character: String) throws -> String {
    try Repository.requireReferenceDatabase()
    let database = try ReferenceDatabase(path: Repository.referenceDatabase)
    let kanji = try #require(try database.kanji(character))
    let offsets = [(6.0, -5.0), (-6.0, 5.0), (5.0, 6.0), (-5.0, -6.0)]
    let strokes = kanji.strokes.strokes.enumerated().map { index, stroke in
      let (dx, dy) = index == 2 ? (9.0, 22.0) : offsets[index % offsets.count]
      let points = stroke.points.map { point in
        "[\(((point.x + dx) / 109 * 40 + 4).rounded()), \(((point.y + dy) / 109 * 20 + 2).rounded())]"
      }
      return "[" + points.joined(separator: ", ") + "]"
    }
    return #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": ["#
      + strokes.joined(separator: ", ") + "]}"
  }

  /// A kanji traced from its reference strokes onto a 48 x 24 canvas.
  func tracing(of character: String) throws -> String {
    try Repository.requireReferenceDatabase()
    let database = try ReferenceDatabase(path: Repository.referenceDatabase)
    let kanji = try #require(try database.kanji(character))
    let strokes = kanji.strokes.strokes.map { stroke in
      let points = stroke.points.map { point in
        "[\((point.x / 109 * 40 + 4).rounded()), \((point.y / 109 * 20 + 2).rounded())]"
      }
      return "[" + points.joined(separator: ", ") + "]"
    }
    return #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2.0}, "strokes": ["#
      + strokes.joined(separator: ", ") + "]}"
  }

  /// 喩 written by hand as 喻, and 𠮟 as 叱, pass; 愉 does not pass for 喩.
  @Test func aKanjisOtherHandwrittenFormPasses() throws {
    for (asked, drawn, passes) in [("喩", "喻", true), ("𠮟", "叱", true), ("喩", "愉", false)] {
      let output = try run(["grade", "--kanji", asked], input: try tracing(of: drawn))
      #expect(output.status == 0, "\(output.stderr)")
      let grade = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
      #expect(grade?["pass"] as? Bool == passes, "\(drawn) as \(asked): \(output.stdout)")
    }
  }

  @Test func aLooseHandsSlipIsForgivenWithANoteOnlyInTheKanjiItIs() throws {
    let drawing = try looseDrawing(of: "探")
    let output = try run(["grade", "--kanji", "探"], input: drawing)
    #expect(output.status == 0, "\(output.stderr)")
    let grade = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    #expect(grade?["pass"] as? Bool == true, "\(output.stdout)")
    #expect((grade?["errors"] as? [Any])?.isEmpty == true)
    let notes = try #require(grade?["notes"] as? [[String: Any]], "\(output.stdout)")
    #expect(notes.contains { $0["stroke"] as? Int == 3 }, "\(notes)")
    // The same drawing asked as 深 (the same right side, 氵 on the left) is not forgiven.
    let other = try run(["grade", "--kanji", "深"], input: drawing)
    #expect(other.stdout.contains(#""pass":false"#), "\(other.stdout)")
    #expect(!other.stdout.contains(#""notes""#))
  }

  @Test func strictMakesTheLooseHandsSlipAnErrorAndABadStrictnessIsRefused() throws {
    let drawing = try looseDrawing(of: "探")
    let strict = try run(["grade", "--kanji", "探", "--strictness", "strict"], input: drawing)
    #expect(strict.status == 0, "\(strict.stderr)")
    #expect(strict.stdout.contains(#""pass":false"#), "\(strict.stdout)")
    #expect(!strict.stdout.contains(#""notes""#))
    // The option's former name still works, its "normal" the standard strictness.
    let former = try run(["grade", "--kanji", "探", "--leniency", "normal"], input: drawing)
    #expect(former.stdout.contains(#""pass":true"#), "\(former.stdout)")
    let refused = try run(["grade", "--kanji", "探", "--strictness", "harsh"], input: drawing)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("harsh"))
  }

  @Test(arguments: [
    ("malformed JSON", #"{"canvas": "#),
    (
      "an empty stroke",
      #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2}, "strokes": [[]]}"#
    ),
    ("a zero canvas", #"{"canvas": {"columns": 0, "rows": 24, "cellAspect": 2}, "strokes": []}"#),
    (
      "a huge point",
      #"{"canvas": {"columns": 48, "rows": 24, "cellAspect": 2}, "strokes": [[[1e300, 1]]]}"#
    ),
  ])
  func badInputExitsWithStatusTwo(_ name: String, _ input: String) throws {
    let output = try run(["grade", "--kanji", "一"], input: input)
    #expect(output.status == 2, "\(name)")
    #expect(output.stderr.hasPrefix("kanji-write: "), "\(name): \(output.stderr)")
    #expect(output.stdout.isEmpty)
  }

  /// A lone surrogate in a string once overflowed the reader and killed the process.
  @Test func aLoneSurrogateIsAnErrorNotACrash() throws {
    let drawing =
      #"{"canvas": {"columns": 48, "rows": 24, "note": "\uD800\u0041"}, "strokes": [[[8, 12], [38, 12]]]}"#
    for arguments in [["grade", "--kanji", "一"], ["recognize"]] {
      let output = try run(arguments, input: drawing)
      #expect(output.status == 2, "\(arguments)")
      #expect(
        output.stderr.contains(#"invalid \u escape: lone surrogate"#), "\(output.stderr)")
      #expect(output.stdout.isEmpty)
    }
  }

  @Test func unknownKanjiExitsWithStatusTwo() throws {
    let output = try run(["grade", "--kanji", "a"], input: one)
    #expect(output.status == 2)
    #expect(output.stderr.contains("unknown kanji"))
  }

  @Test func jsonlReportsBadLinesAndGoesOn() throws {
    let lines = [
      #"{"kanji": "一", "drawing": \#(one)}"#,
      #"{"kanji": "一", "drawing": {"canvas": {"columns": 48}}}"#,
      "not json",
      #"{"kanji": "a", "drawing": \#(one)}"#,
      #"{"kanji": "一", "drawing": \#(one)}"#,
    ]
    let output = try run(["grade", "--jsonl"], input: lines.joined(separator: "\n") + "\n")
    #expect(output.status == 0)
    let results = output.stdout.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(results.count == 5)
    #expect(results[0]?["pass"] as? Bool == true)
    #expect(results[1]?["error"] != nil)
    #expect(results[2]?["error"] != nil)
    #expect(results[3]?["error"] != nil)
    #expect(results[4]?["pass"] as? Bool == true)
  }

  /// Output line N answers input line N: blank lines get an error line, every error names its
  /// line, and a final newline (or its absence) adds no line.
  @Test(arguments: ["\n", ""])
  func jsonlAnswersEachLineInPlaceWithItsNumber(ending: String) throws {
    let lines = [
      #"{"kanji": "一", "drawing": \#(one)}"#,
      "",
      #"{"kanji": 5, "drawing": \#(one)}"#,
      "  \r",
      #"{"kanji": "\uD800\u0041", "drawing": \#(one)}"#,
      "not json",
      #"{"kanji": "一", "drawing": \#(one)}"#,
    ]
    let output = try run(["grade", "--jsonl"], input: lines.joined(separator: "\n") + ending)
    #expect(output.status == 0, "\(output.stderr)")
    let results = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    try #require(results.count == 8 && results[7].isEmpty, "\(output.stdout)")
    #expect(results[0].hasPrefix(#"{"kanji":"一","pass":true,"#))
    #expect(results[1] == #"{"error":"line 2: empty line"}"#)
    #expect(results[2] == #"{"error":"line 3: \"kanji\" must be a string, got a number"}"#)
    #expect(results[3] == #"{"error":"line 4: empty line"}"#)
    #expect(results[4].hasPrefix(#"{"error":"line 5: malformed JSON at byte "#))
    #expect(results[4].hasSuffix(#": invalid \\u escape: lone surrogate"}"#), "\(results[4])")
    #expect(results[5].hasPrefix(#"{"error":"line 6: malformed JSON at byte "#))
    #expect(results[6] == results[0])

    let recognized = try run(
      ["recognize", "--jsonl", "--top", "1"],
      input: ["{}", "", "[1]", #"{"drawing": \#(one)}"#].joined(separator: "\n") + ending)
    #expect(recognized.status == 0, "\(recognized.stderr)")
    let answers = recognized.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    try #require(answers.count == 5 && answers[4].isEmpty, "\(recognized.stdout)")
    #expect(
      answers.prefix(3) == [
        #"{"error":"line 1: the line has no \"drawing\""}"#,
        #"{"error":"line 2: empty line"}"#,
        #"{"error":"line 3: the line is not a JSON object"}"#,
      ])
    #expect(answers[3].hasPrefix(#"{"candidates":[{"kanji":"一","#))
  }

  @Test func recognizesADrawing() throws {
    let output = try run(["recognize", "--top", "3"], input: one)
    #expect(output.status == 0, "\(output.stderr)")
    let result = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let candidates = result?["candidates"] as? [[String: Any]]
    #expect(candidates?.count == 3)
    #expect(candidates?.first?["kanji"] as? String == "一")
    let bad = try run(["recognize", "--jsonl"], input: "{}\n{\"drawing\": \(one)}\n")
    #expect(bad.stdout.split(separator: "\n").count == 2)
    #expect(bad.stdout.hasPrefix(#"{"error":"#))
  }
}

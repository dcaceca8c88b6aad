import DrawingJSON
import Foundation
import StrokeMatch
import Testing

@Suite struct GradeJSONTests {
  @Test func theReviewsQuestionIsNotStoredButItsNotesAre() throws {
    var grade = Grade(kanji: "探", pass: true, score: 0.8, errors: [], strokes: [])
    grade.looseHandOnly = true
    grade.notes = [.init(type: .position, stroke: 3, message: "stroke 3 is in the wrong place")]
    let json = grade.jsonLine
    #expect(!json.contains("looseHandOnly"))
    let again = try JSONDecoder().decode(Grade.self, from: Data(json.utf8))
    #expect(again.looseHandOnly == nil)
    #expect(again.notes == grade.notes)
  }

  @Test func decodesAGradeWithErrorsAndStrokeVerdicts() throws {
    let json = """
      {"kanji": "学", "pass": false, "score": 0.71,
       "errors": [{"type": "reversed", "stroke": 3, "message": "stroke 3 drawn backwards"},
                  {"type": "character", "stroke": 0, "message": "looks like 字", "drawn": "字"}],
       "strokes": [{"stroke": 1, "drawn": 1, "verdict": "ok"}, {"stroke": 2, "verdict": "missing"}]}
      """
    let grade = try JSONDecoder().decode(Grade.self, from: Data(json.utf8))
    #expect(grade.errors.map(\.type) == [.reversed, .character])
    #expect(grade.errors[1].drawn == "字")
    #expect(grade.strokes[1] == .init(stroke: 2, drawn: nil, verdict: .missing))
    let again = try JSONDecoder().decode(Grade.self, from: Data(grade.jsonLine.utf8))
    #expect(again == grade)
  }

  @Test func gradeLinesDecodeBackToTheGrade() throws {
    let grade = Grade(
      kanji: "学", pass: false, score: 0.693,
      errors: [
        .init(type: .character, stroke: 0, message: "a \"quoted\"\n字\t\u{1}", drawn: "字"),
        .init(type: .reversed, stroke: 1, message: "stroke 1 is drawn backwards"),
        .init(type: .missing, stroke: 3, message: "stroke 3 is missing"),
      ],
      strokes: [
        .init(stroke: 1, drawn: 1, verdict: .reversed), .init(stroke: 2, drawn: 2, verdict: .ok),
        .init(stroke: 3, drawn: nil, verdict: .missing),
      ])
    let decoded = try JSONDecoder().decode(Grade.self, from: Data(grade.jsonLine.utf8))
    #expect(decoded == grade)
    #expect(grade.jsonLine.hasPrefix(#"{"kanji":"学","pass":false,"score":0.693,"errors":"#))
  }

  /// The line `kanji-write grade` prints, key for key: forgiven slips come before the strokes.
  @Test func aForgivingGradesLine() {
    var grade = Grade(
      kanji: "探", pass: true, score: 0.8, errors: [],
      strokes: [.init(stroke: 1, drawn: 2, verdict: .ok)])
    grade.notes = [.init(type: .position, stroke: 3, message: "stroke 3 is in the wrong place")]
    #expect(
      grade.jsonLine
        == #"{"kanji":"探","pass":true,"score":0.8,"errors":[],"notes":[{"type":"position","#
        + #""stroke":3,"message":"stroke 3 is in the wrong place"}],"#
        + #""strokes":[{"stroke":1,"drawn":2,"verdict":"ok"}]}"#)
  }

  @Test func verdictsAreTheStringsTheTerminalColoursBy() {
    #expect(
      Grade.StrokeResult.Verdict.allCases.map(\.rawValue)
        == ["ok", "reversed", "order", "shape", "position", "missing", "joined", "split"])
  }
}

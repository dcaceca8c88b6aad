import StrokeMatch

extension Grade {
  /// The grade as one line of JSON, keys in the order (kanji, pass, score, errors,
  /// strokes, with `notes` before the strokes when a loose hand's slips were forgiven); the same
  /// fields `Decodable` reads back. The only encoding of a grade: what `kanji-write grade`
  /// prints and what the review log keeps.
  public var jsonLine: String {
    var text = "{\"kanji\":\(Self.quoted(kanji)),\"pass\":\(pass),\"score\":\(score),\"errors\":"
    Self.append(errors, to: &text)
    if let notes, !notes.isEmpty {
      text += ",\"notes\":"
      Self.append(notes, to: &text)
    }
    text += ",\"strokes\":["
    for (index, stroke) in strokes.enumerated() {
      if index > 0 { text += "," }
      text += "{\"stroke\":\(stroke.stroke),"
      if let drawn = stroke.drawn { text += "\"drawn\":\(drawn)," }
      text += "\"verdict\":\"\(stroke.verdict.rawValue)\"}"
    }
    return text + "]}"
  }

  static func append(_ problems: [Problem], to text: inout String) {
    text += "["
    for (index, problem) in problems.enumerated() {
      if index > 0 { text += "," }
      text += "{\"type\":\"\(problem.type.rawValue)\",\"stroke\":\(problem.stroke),"
      if let strokes = problem.strokes {
        text += "\"strokes\":[\(strokes.map(String.init).joined(separator: ","))],"
      }
      text += "\"message\":\(Self.quoted(problem.message))"
      if let drawn = problem.drawn { text += ",\"drawn\":\(Self.quoted(drawn))" }
      text += "}"
    }
    text += "]"
  }

  /// A JSON string literal.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

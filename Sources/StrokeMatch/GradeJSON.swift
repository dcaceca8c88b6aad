extension Grade {
  /// The grade as one line of JSON, keys in the order (kanji, pass, score, errors,
  /// strokes); the same fields `Codable` reads back.
  public var jsonLine: String {
    var text = "{\"kanji\":\(Self.quoted(kanji)),\"pass\":\(pass),\"score\":\(score),\"errors\":["
    for (index, error) in errors.enumerated() {
      if index > 0 { text += "," }
      text += "{\"type\":\"\(error.type.rawValue)\",\"stroke\":\(error.stroke),"
      text += "\"message\":\(Self.quoted(error.message))"
      if let drawn = error.drawn { text += ",\"drawn\":\(Self.quoted(drawn))" }
      text += "}"
    }
    text += "],\"strokes\":["
    for (index, stroke) in strokes.enumerated() {
      if index > 0 { text += "," }
      text += "{\"stroke\":\(stroke.stroke),"
      if let drawn = stroke.drawn { text += "\"drawn\":\(drawn)," }
      text += "\"verdict\":\"\(stroke.verdict.rawValue)\"}"
    }
    return text + "]}"
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

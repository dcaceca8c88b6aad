import Foundation

/// The weak list as plain text, for `kanji-write weak` and the app's screen.
public struct WeakListReport: Sendable {
  public var list: WeakList
  /// End with the command that practises the weak kanji (the app offers a key instead).
  public var practiseHint: Bool

  public init(list: WeakList, practiseHint: Bool = true) {
    self.list = list
    self.practiseHint = practiseHint
  }

  public var lines: [String] {
    guard !list.kanji.isEmpty else {
      return ["No weak kanji: none is a leech, failing lately or below 90% recall."]
    }
    var lines = ["Weak kanji, most at risk first:"]
    let width = String(list.kanji.count).count
    for (index, entry) in list.kanji.enumerated() {
      let number = String(repeating: " ", count: width - String(index + 1).count) + "\(index + 1)"
      lines.append(" \(number). \(entry.kanji)  " + Self.standing(entry))
      let indent = String(repeating: " ", count: width + 7)
      lines += entry.reasons.map { indent + $0 }
    }
    if !list.components.isEmpty {
      lines += ["", "Components you keep getting wrong:"]
      for component in list.components {
        lines.append(
          "  \(component.element)  wrong in \(component.failures) drawings of "
            + component.failedIn.joined(separator: " ") + "; practise "
            + component.practice.joined(separator: " "))
      }
    }
    guard practiseHint else { return lines }
    lines += [
      "",
      "Practise them now: kanji-write weak --session"
        + (list.components.first.map { " (or --component \($0.element))" } ?? ""),
    ]
    return lines
  }

  /// "leech, recall 38%, 9 lapses, failed twice lately".
  static func standing(_ entry: WeakKanji) -> String {
    var parts: [String] = []
    if entry.leech { parts.append("leech") }
    parts.append(entry.steps ? "relearning" : "recall \(Int((entry.recall * 100).rounded()))%")
    if entry.lapses > 0 { parts.append(entry.lapses == 1 ? "1 lapse" : "\(entry.lapses) lapses") }
    switch entry.recentFailures {
    case 0: break
    case 1: parts.append("failed once lately")
    case 2: parts.append("failed twice lately")
    default: parts.append("failed \(entry.recentFailures) times lately")
    }
    return parts.joined(separator: ", ")
  }
}

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

  /// The figures the rank comes from: "leech, recall now 38%, 9 lapses, failed 2 of 3 recent
  /// reviews". Recall is the scheduler's chance of recall today, which a failure followed by
  /// relearning can leave high: the failures beside it, out of the recent reviews, say why the
  /// kanji is listed all the same.
  static func standing(_ entry: WeakKanji) -> String {
    var parts: [String] = []
    if entry.leech { parts.append("leech") }
    parts.append(
      entry.steps ? "relearning" : "recall now \(Int((entry.recall * 100).rounded()))%")
    if entry.lapses > 0 { parts.append(entry.lapses == 1 ? "1 lapse" : "\(entry.lapses) lapses") }
    if entry.recentFailures > 0 {
      let reviews = max(entry.recentReviews, entry.recentFailures)
      parts.append(
        "failed \(entry.recentFailures) of \(reviews) recent review\(reviews == 1 ? "" : "s")")
    }
    return parts.joined(separator: ", ")
  }
}

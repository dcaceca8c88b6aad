import Foundation
import KanjiData
import SimulatedWriting
import StrokeMatch

/// The benchmark's drawings: the project's own simulated set, and the shared check set.
enum GradeBenchCases {
  static let wrongKinds: [SimulatedCase.Kind] = [
    .swap, .reverse, .missing, .extra, .lookalike, .other,
  ]

  /// Correct drawings at every level and wrong ones at neat and typical, on every canvas, of
  /// Jōyō kanji spread over the list; reproducible from `seed`.
  static func simulated(
    database: [Kanji], recognizer: Recognizer, correctPerCell: Int, wrongPerCell: Int, seed: UInt64
  ) -> [SimulatedCase] {
    let joyo = database.filter(\.isJoyo).sorted { $0.character < $1.character }
    let byStrokes = Dictionary(grouping: joyo) { $0.strokes.strokes.count }
    var writer = SimulatedWriter(seed: seed)
    var cases: [SimulatedCase] = []
    var pick = 0
    func nextKanji() -> Kanji {
      pick += 1
      return joyo[(pick * 7919) % joyo.count]
    }
    for canvas in SimulatedWriter.CanvasSize.all {
      for level in SimulatedWriter.Level.allCases {
        for _ in 0..<correctPerCell {
          let kanji = nextKanji()
          if let made = writer.makeCase(
            .correct, of: kanji, level: level, canvas: canvas, id: "correct-\(cases.count)")
          {
            cases.append(made)
          }
        }
      }
      for level in [SimulatedWriter.Level.neat, .typical] {
        for kind in wrongKinds {
          var made = 0
          var attempts = 0
          while made < wrongPerCell, attempts < wrongPerCell * 20 {
            attempts += 1
            let kanji = nextKanji()
            var standIn: Kanji?
            if kind == .lookalike {
              let names = recognizer.lookalikes(of: kanji, count: 1)
              standIn = names.first.flatMap { name in database.first { $0.character == name } }
            } else if kind == .other {
              standIn = byStrokes[kanji.strokes.strokes.count]?.randomElement(
                using: &writer.generator)
            }
            if let one = writer.makeCase(
              kind, of: kanji, standIn: standIn, level: level, canvas: canvas,
              id: "\(kind.rawValue)-\(cases.count)")
            {
              cases.append(one)
              made += 1
            }
          }
        }
      }
    }
    return cases
  }

  /// The real-hand writer's set: on each of its canvases, correct drawings and the cases real
  /// hands showed (joined, split, close strokes swapped, a stroke missing, a look-alike drawn);
  /// reproducible from `seed`.
  static func realHand(
    database: [Kanji], recognizer: Recognizer, perCanvas: Int, seed: UInt64
  ) -> [SimulatedCase] {
    let joyo = database.filter(\.isJoyo).sorted { $0.character < $1.character }
    let byCharacter = Dictionary(database.map { ($0.character, $0) }) { a, _ in a }
    var writer = RealHandWriter(seed: seed)
    var cases: [SimulatedCase] = []
    var pick = 0
    let mix: [(SimulatedCase.Kind, Int)] = [
      (.correct, 2 * perCanvas), (.joined, perCanvas), (.split, perCanvas), (.swap, perCanvas),
      (.missing, perCanvas), (.lookalike, perCanvas),
    ]
    for canvas in RealHandWriter.canvases {
      for (kind, count) in mix {
        var made = 0
        var attempts = 0
        while made < count, attempts < count * 20 {
          attempts += 1
          pick += 1
          let kanji = joyo[(pick * 7919) % joyo.count]
          let standIn =
            kind == .lookalike
            ? recognizer.lookalikes(of: kanji, count: 1).first.flatMap { byCharacter[$0] } : nil
          if let one = writer.makeCase(
            kind, of: kanji, standIn: standIn, canvas: canvas,
            id: "real-\(kind.rawValue)-\(cases.count)")
          {
            cases.append(one)
            made += 1
          }
        }
      }
    }
    return cases
  }

  /// `../shared/bench/dev-cases.jsonl` beside the package, when it is there.
  static func shared(packageRoot: URL) throws -> [SimulatedCase]? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/bench/dev-cases.jsonl")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let text = try String(contentsOf: url, encoding: .utf8)
    let decoder = JSONDecoder()
    return try text.split(separator: "\n").map {
      try decoder.decode(SimulatedCase.self, from: Data($0.utf8))
    }
  }
}

/// Tallies grades the way `../shared/bench/README.md` scores them, per case, level and canvas.
struct GradeTally {
  struct Count {
    var total = 0
    var good = 0
    var named = 0
  }

  private(set) var counts: [String: Count] = [:]

  static func expectedType(_ kind: SimulatedCase.Kind) -> Grade.Problem.Kind? {
    switch kind {
    case .swap: .order
    case .reverse: .reversed
    case .missing: .missing
    case .extra: .extra
    case .joined: .joined
    case .split: .split
    default: nil
    }
  }

  /// Counts one drawing; whether it was scored right (accepted, or caught and named as expected).
  @discardableResult
  mutating func add(_ item: SimulatedCase, _ grade: Grade) -> Bool {
    let good: Bool
    var named = false
    if item.case == .correct {
      good = grade.pass && grade.errors.isEmpty
    } else {
      good = !grade.pass
      if let type = Self.expectedType(item.case) {
        named = grade.errors.contains { $0.type == type && item.stroke.contains($0.stroke) }
      }
    }
    for key in [
      "\(item.case.rawValue)", "\(item.case.rawValue)|\(item.level)",
      "\(item.case.rawValue)||\(item.canvas)", "\(item.case.rawValue)|\(item.level)|\(item.canvas)",
    ] {
      counts[key, default: Count()].total += 1
      if good { counts[key, default: Count()].good += 1 }
      if named { counts[key, default: Count()].named += 1 }
    }
    return good && (Self.expectedType(item.case) == nil || named)
  }

  func percent(_ key: String, named: Bool = false) -> String {
    guard let count = counts[key], count.total > 0 else { return "     -" }
    let value = Double(named ? count.named : count.good) / Double(count.total) * 100
    return String(format: "%5.1f%%", value)
  }

  func printReport(
    title: String, levels: [String] = SimulatedWriter.Level.allCases.map(\.rawValue),
    canvases: [String] = SimulatedWriter.CanvasSize.all.map(\.description)
  ) {
    let total = counts.filter { !$0.key.contains("|") }.values.reduce(0) { $0 + $1.total }
    print("grade: \(title), \(total) drawings")
    let header =
      "  " + "".padding(toLength: 24, withPad: " ", startingAt: 0) + "   all "
      + levels.map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined()
      + canvases.map { $0.padding(toLength: 8, withPad: " ", startingAt: 0) }.joined()
    print(header)
    func row(_ label: String, _ kind: String, named: Bool = false) {
      guard counts[kind] != nil else { return }
      var line = "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + " "
      line += percent(kind, named: named) + " "
      for level in levels { line += percent("\(kind)|\(level)", named: named) + "  " }
      for canvas in canvases { line += percent("\(kind)||\(canvas)", named: named) + "  " }
      line += " (n=\(counts[kind]?.total ?? 0))"
      print(line)
    }
    row("correct accepted", "correct")
    for kind in ["swap", "reverse", "missing", "extra", "joined", "split"] {
      row("\(kind) caught", kind)
      row("\(kind) named", kind, named: true)
    }
    row("lookalike rejected", "lookalike")
    row("other rejected", "other")
    print("  correct accepted by level and canvas:")
    for level in levels where counts["correct|\(level)"] != nil {
      var line = "    " + level.padding(toLength: 8, withPad: " ", startingAt: 0)
      for canvas in canvases {
        line += " \(canvas) " + percent("correct|\(level)|\(canvas)")
      }
      print(line)
    }
  }
}

/// Top-1 and top-5 recognition over the correct drawings, per level and canvas.
struct RecognitionTally {
  private(set) var counts: [String: (total: Int, top1: Int, top5: Int)] = [:]

  mutating func add(_ item: SimulatedCase, _ candidates: [String]) {
    let first = candidates.first == item.kanji
    let five = candidates.prefix(5).contains(item.kanji)
    for key in ["all", item.level, item.canvas] {
      var count = counts[key] ?? (0, 0, 0)
      count.total += 1
      if first { count.top1 += 1 }
      if five { count.top5 += 1 }
      counts[key] = count
    }
  }

  func printReport(title: String) {
    print("recognize: \(title)")
    let keys =
      ["all"] + SimulatedWriter.Level.allCases.map(\.rawValue)
      + SimulatedWriter.CanvasSize.all.map(\.description)
    for key in keys {
      guard let count = counts[key], count.total > 0 else { continue }
      let top1 = Double(count.top1) / Double(count.total) * 100
      let top5 = Double(count.top5) / Double(count.total) * 100
      print(
        "  \(key.padding(toLength: 8, withPad: " ", startingAt: 0)) top-1 "
          + String(format: "%5.1f%%  top-5 %5.1f%%  (n=%d)", top1, top5, count.total))
    }
  }
}

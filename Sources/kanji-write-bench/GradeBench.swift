import Foundation
import KanjiData
import SeededRandom
import SimulatedWriting
import StrokeMatch

/// `make bench grade`: acceptance and error detection on the project's simulated set and on
/// `../shared/bench/dev-cases.jsonl`, then the real binary's speed over a batch.
enum GradeBench {
  static func run() throws {
    let context = try BenchContext.shared()
    for (title, cases) in context.sets {
      // Scored as shared/bench/README.md says: what `kanji-write grade` prints for each drawing,
      // after the recogniser has had its say (a loose hand forgiven, another kanji named).
      let batch = cases.map { BatchLine(kanji: $0.kanji, drawing: $0.drawing) }
      let (_, output) = try BinaryTiming.collect(
        arguments: ["grade", "--jsonl"], lines: batch, expectedOutputs: batch.count)
      var tally = GradeTally()
      let decoder = JSONDecoder()
      let listMisses = ProcessInfo.processInfo.environment["KANJI_WRITE_BENCH_MISSES"] != nil
      let encoder = JSONEncoder()
      var missed = ""
      for (item, line) in zip(cases, output.split(separator: UInt8(ascii: "\n"))) {
        let grade = try decoder.decode(Grade.self, from: Data(line))
        let good = tally.add(item, grade)
        // KANJI_WRITE_BENCH_MISSES=1: each drawing scored wrong, to see what the grader said.
        if listMisses, !good {
          print(
            "  miss \(item.id) \(item.kanji) drawn \(item.drawn) \(item.case.rawValue) "
              + "\(item.stroke) \(item.canvas): pass \(grade.pass) "
              + grade.errors.map(\.message).joined(separator: "; "))
          missed += String(decoding: try encoder.encode(item), as: UTF8.self) + "\n"
        }
      }
      // KANJI_WRITE_BENCH_MISSES=file: those drawings kept there too, to replay one by one.
      if let path = ProcessInfo.processInfo.environment["KANJI_WRITE_BENCH_MISSES"], path != "1",
        !missed.isEmpty
      {
        if !FileManager.default.fileExists(atPath: path) {
          _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
          throw BinaryTiming.Failure(description: "cannot write \(path)")
        }
        handle.seekToEndOfFile()
        handle.write(Data(missed.utf8))
        try handle.close()
      }
      let start = Date()
      var graded = 0
      for item in cases {
        guard let kanji = context.kanji[item.kanji] else { continue }
        _ = Grader(kanji: kanji).grade(item.drawing)
        graded += 1
      }
      let elapsed = Date().timeIntervalSince(start) / Double(max(1, graded)) * 1000
      if title.hasPrefix(BenchContext.realHandTitle) {
        tally.printReport(
          title: title, levels: ["real"], canvases: RealHandWriter.canvases.map(\.description))
      } else {
        tally.printReport(title: title)
      }
      print(String(format: "  in-process: %.3f ms a drawing (grader built each time)", elapsed))
    }
    StrokeJudgeBench.run(context)
    // The whole simulated set (a fifth of it other kanji, which the grader also names), then
    // only its correct drawings, the common case in practice, then the shared check set (three
    // fifths of it wrong) when it is there.
    for (label, cases) in [
      ("all drawings", context.simulated),
      ("correct drawings", context.simulated.filter { $0.case == .correct }),
    ] + (context.dev.map { [("dev-cases.jsonl drawings", $0)] } ?? []) {
      let batch = cases.map { BatchLine(kanji: $0.kanji, drawing: $0.drawing) }
      let timing = try BinaryTiming.run(
        arguments: ["grade", "--jsonl"], lines: batch, expectedOutputs: batch.count)
      print(
        String(
          format: "  speed: kanji-write grade --jsonl, %d %@ in %.2f s: %.3f ms a drawing "
            + "(process start included; target 0.2)", batch.count, label, timing,
          timing * 1000 / Double(batch.count)))
    }
  }
}

/// `make bench recognize`: top-1 and top-5 over the whole database, and the binary's speed.
enum RecognizeBench {
  static func run() throws {
    let context = try BenchContext.shared()
    for (title, cases) in context.sets {
      var tally = RecognitionTally()
      let start = Date()
      let correct = cases.filter { $0.case == .correct }
      for item in correct {
        tally.add(item, context.recognizer.recognize(item.drawing, top: 5).map(\.kanji))
      }
      tally.printReport(title: "\(title), \(context.recognizer.count) candidates")
      let elapsed = Date().timeIntervalSince(start) / Double(max(1, correct.count)) * 1000
      print(String(format: "  in-process: %.2f ms a drawing", elapsed))
    }
    // Every third correct drawing: all levels and canvases alike.
    let correct = context.simulated.filter { $0.case == .correct }
    let batch = stride(from: 0, to: correct.count, by: 3).map {
      BatchLine(kanji: nil, drawing: correct[$0].drawing)
    }
    let timing = try BinaryTiming.run(
      arguments: ["recognize", "--jsonl", "--top", "5"], lines: batch,
      expectedOutputs: batch.count)
    print(
      String(
        format: "  speed: kanji-write recognize --jsonl, %d drawings in %.2f s: %.2f ms a drawing "
          + "(process start included; target 5)", batch.count, timing,
        timing * 1000
          / Double(batch.count)))
    try Zinnia.report(context)
  }
}

/// Everything both sections share, built once.
final class BenchContext: @unchecked Sendable {
  let kanji: [String: Kanji]
  let recognizer: Recognizer
  let simulated: [SimulatedCase]
  let dev: [SimulatedCase]?
  /// The real-hand writer's set on two seeds: a change tuned to one must hold on the other.
  let realHand: [(seed: UInt64, cases: [SimulatedCase])]

  static let realHandTitle = "real-hand writer"

  var sets: [(String, [SimulatedCase])] {
    [("simulated (seed 20261127)", simulated)] + (dev.map { [("dev-cases.jsonl", $0)] } ?? [])
      + realHand.map { ("\(Self.realHandTitle) (seed \($0.seed))", $0.cases) }
  }

  nonisolated(unsafe) private static var cached: BenchContext?

  static func shared() throws -> BenchContext {
    if let cached { return cached }
    let made = try BenchContext()
    cached = made
    return made
  }

  private init() throws {
    let database = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: nil))
    let all = try database.allKanji()
    kanji = Dictionary(all.map { ($0.character, $0) }) { first, _ in first }
    let recognizer = Recognizer(candidates: all)
    self.recognizer = recognizer
    let start = Date()
    simulated = GradeBenchCases.simulated(
      database: all, recognizer: recognizer, correctPerCell: 100, wrongPerCell: 30,
      seed: 20_261_127)
    print(
      String(
        format: "simulated set: %d drawings made in %.1f s", simulated.count,
        Date().timeIntervalSince(start)))
    // KANJI_WRITE_BENCH_SEEDS=1,2,3: the real-hand set on other seeds, to check a change on
    // drawings it was not tuned on.
    let seeds =
      ProcessInfo.processInfo.environment["KANJI_WRITE_BENCH_SEEDS"]?.split(separator: ",")
      .compactMap { UInt64($0) } ?? [20_261_205, 20_261_206]
    realHand = seeds.map { seed in
      (
        seed,
        GradeBenchCases.realHand(
          database: all, recognizer: recognizer, perCanvas: 40, seed: seed)
      )
    }
    dev = try GradeBenchCases.shared(packageRoot: BinaryTiming.packageRoot)
    if dev == nil { print("../shared/bench/dev-cases.jsonl is absent: only the simulated set") }
  }
}

struct BatchLine: Encodable {
  var kanji: String?
  var drawing: Drawing
}

/// Runs the release `kanji-write` on a batch file and times it, process start included.
enum BinaryTiming {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func run(arguments: [String], lines: [BatchLine], expectedOutputs: Int) throws
    -> TimeInterval
  {
    try collect(arguments: arguments, lines: lines, expectedOutputs: expectedOutputs).elapsed
  }

  /// Runs the binary over the batch: how long it took, and what it printed.
  static func collect(arguments: [String], lines: [BatchLine], expectedOutputs: Int) throws
    -> (elapsed: TimeInterval, output: Data)
  {
    let binary = Bundle.main.executableURL!.deletingLastPathComponent()
      .appendingPathComponent("kanji-write")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw Failure(description: "\(binary.path) is missing: build it with swift build -c release")
    }
    let encoder = JSONEncoder()
    var text = ""
    for line in lines { text += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n" }
    let input = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kanji-write-bench-\(getpid()).jsonl")
    try text.write(to: input, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: input) }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments + [input.path]
    let output = Pipe()
    process.standardOutput = output
    // Foundation's waitUntilExit polls every 50 ms, which would be timed as the binary's: a
    // termination handler reports the exit as it happens.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = Date()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    exited.wait()
    let elapsed = Date().timeIntervalSince(start)
    let count = data.split(separator: UInt8(ascii: "\n")).count
    guard process.terminationStatus == 0, count == expectedOutputs else {
      throw Failure(
        description: "kanji-write \(arguments.joined(separator: " ")) exited "
          + "\(process.terminationStatus) with \(count) of \(expectedOutputs) lines")
    }
    return (elapsed, data)
  }
}

/// Zinnia, the open recogniser in Debian, side by side when it is installed: the same correct
/// drawings, cells scaled to 10 x 20 pixels (shared/bench/README.md), one process for a set.
enum Zinnia {
  static let models = [
    "/usr/share/tegaki/models/zinnia/handwriting-ja.model",
    "/usr/lib/zinnia/model/tomoe/handwriting-ja.model",
  ]

  static func report(_ context: BenchContext) throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zinnia"),
      let model = models.first(where: { FileManager.default.fileExists(atPath: $0) })
    else {
      print("  zinnia: not installed (zinnia-utils, tegaki-zinnia-japanese); not compared")
      return
    }
    for (title, cases) in context.sets {
      let correct = cases.filter { $0.case == .correct && !$0.drawing.strokes.isEmpty }
      let input = FileManager.default.temporaryDirectory
        .appendingPathComponent("kw-zinnia-\(UUID().uuidString).txt")
      defer { try? FileManager.default.removeItem(at: input) }
      try correct.map { expression($0.drawing) }.joined(separator: "\n")
        .write(to: input, atomically: true, encoding: .utf8)
      let start = Date()
      let run = try spawnAndWait(["/usr/bin/zinnia", "-m", model, "-n", "5", input.path])
      let elapsed = Date().timeIntervalSince(start)
      let answers = candidates(run.output)
      guard run.status == 0, answers.count == correct.count else {
        print("  zinnia: failed on \(title) (status \(run.status), \(answers.count) answers)")
        continue
      }
      var tally = RecognitionTally()
      for (item, answer) in zip(correct, answers) { tally.add(item, answer) }
      tally.printReport(
        title: "zinnia (\(URL(fileURLWithPath: model).lastPathComponent)), \(title)")
      print(
        String(
          format: "  zinnia speed: %d drawings in %.2f s: %.2f ms a drawing (one process)",
          correct.count, elapsed, elapsed * 1000 / Double(correct.count)))
    }
  }

  /// A drawing as Zinnia's S-expression, in pixels.
  static func expression(_ drawing: Drawing) -> String {
    let xScale = 10.0
    let yScale = drawing.canvas.cellAspect * 10
    func pixels(_ value: Double, _ scale: Double) -> Int { Int((value * scale).rounded()) }
    var text = "(character (width \(pixels(drawing.canvas.columns, xScale)))"
    text += "(height \(pixels(drawing.canvas.rows, yScale)))(strokes "
    for stroke in drawing.strokes {
      text += "("
      for point in stroke {
        text += "(\(pixels(point.column, xScale)) \(pixels(point.row, yScale)))"
      }
      text += ")"
    }
    return text + "))"
  }

  /// Each "Answer:" block's characters, best first.
  static func candidates(_ output: String) -> [[String]] {
    output.components(separatedBy: "Answer:").dropFirst().map { block in
      block.split(separator: "\n").compactMap { line in
        line.split(separator: " ").first.map(String.init)
      }
    }
  }
}

/// `make bench` (grade section): the per-stroke judge the practice screen uses, stroke by stroke
/// over simulated drawings: correct strokes accepted, reversed ones named, a later stroke drawn
/// too early refused.
enum StrokeJudgeBench {
  static func run(_ context: BenchContext) {
    let joyo = context.kanji.values.filter(\.isJoyo).sorted { $0.character < $1.character }
    let sample = stride(from: 0, to: joyo.count, by: 10).map { joyo[$0] }
    var writer = SimulatedWriter(seed: 20_261_128)
    var generator = SeededGenerator(seed: 7)
    for level in SimulatedWriter.Level.allCases {
      var strokes = 0
      var accepted = 0
      var reversed = (total: 0, named: 0)
      var early = (total: 0, refused: 0)
      for (index, kanji) in sample.enumerated() {
        let canvas = SimulatedWriter.CanvasSize.all[index % 4]
        let reference = kanji.strokes.strokes
        let drawing = writer.draw(reference, level: level, canvas: canvas)
        for count in 1...drawing.strokes.count {
          let prefix = Drawing(
            canvas: drawing.canvas, strokes: Array(drawing.strokes.prefix(count)))
          strokes += 1
          if judgeLastStroke(of: prefix, against: kanji, leniency: .normal)
            == .correct(stroke: count)
          {
            accepted += 1
          }
        }
        guard reference.count >= 2 else { continue }
        let place = Int.random(in: 0..<(reference.count - 1), using: &generator)
        var backwards = Array(reference.prefix(place + 1))
        if backwards[place].points.count > 1 {
          backwards[place].points.reverse()
          let judged = judgeLastStroke(
            of: writer.draw(backwards, level: level, canvas: canvas), against: kanji,
            leniency: .normal)
          reversed.total += 1
          if judged == .reversed(stroke: place + 1) { reversed.named += 1 }
        }
        let skipped = Array(reference.prefix(place)) + [reference[place + 1]]
        let judged = judgeLastStroke(
          of: writer.draw(skipped, level: level, canvas: canvas), against: kanji, leniency: .normal)
        early.total += 1
        if judged != .correct(stroke: place + 1) { early.refused += 1 }
      }
      print(
        "  per-stroke judge, \(level.rawValue): "
          + String(
            format: "correct strokes accepted %.1f%% (n=%d), reversed named %.1f%% (n=%d), "
              + "next stroke drawn early refused %.1f%% (n=%d)",
            100 * Double(accepted) / Double(strokes), strokes,
            100 * Double(reversed.named) / Double(max(1, reversed.total)), reversed.total,
            100 * Double(early.refused) / Double(max(1, early.total)), early.total))
    }
  }
}

import App
import ArgumentParser
import Foundation
import KanjiData
import Practice
import Progress
import ProgressRecords

/// `kanji-write weak`: the kanji most at risk, why, and the components that keep going wrong.
struct WeakCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weak",
    abstract: "The kanji you are most likely to get wrong, and why.",
    discussion: """
      Ranks leeches, then the lowest chance of recall now, the most lapses and recent failures, \
      with what goes wrong in your drawings, and lists the KanjiVG components you keep getting \
      wrong across kanji with kanji that share them.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Flag(name: .long, help: "Print the list as JSON.")
  var json = false

  @Option(name: .long, help: "How many kanji to list.")
  var limit = 20

  @Flag(name: .long, help: "Write the weak kanji now, in the terminal; each answer is a review.")
  var session = false

  @Option(name: .long, help: "With --session: the kanji that share this component instead.")
  var component: String?

  func validate() throws {
    guard limit > 0 else { throw CLIError("--limit must be at least 1") }
    if json && session { throw CLIError("--json and --session do not go together") }
    if component != nil && !session { throw CLIError("--component goes with --session") }
  }

  func run() throws {
    if session {
      let context = try CLI.openApp(data: data, home: home)
      try practise(
        try Self.load(store: context.store, reference: context.reference, limit: limit),
        context: context)
      return
    }
    let list = try Self.load(
      store: try ProgressStore.open(home: home.path, access: .readOnly),
      reference: try ReferenceDatabase(path: try ReferenceDatabase.locate(explicit: data.path)),
      limit: limit)
    if json {
      print(try CLI.json(list))
    } else {
      for line in WeakListReport(list: list).lines { print(line) }
    }
  }

  /// The learner's weak list now, at most `limit` kanji.
  static func load(
    store: ProgressStore, reference: ReferenceDatabase, limit: Int = WeakListAnalysis().limit
  ) throws -> WeakList {
    var analysis = WeakListAnalysis()
    analysis.limit = limit
    return try analysis.weakList(store: store, reference: reference, now: Date())
  }

  /// A practice session of the weak kanji, or of those sharing `component`, in rank order.
  private func practise(_ list: WeakList, context: AppContext) throws {
    let kanji: [String]
    if let component {
      guard let weak = list.components.first(where: { $0.element == component }) else {
        throw CLIError(
          "\(component) is not among the components you keep getting wrong"
            + (list.components.isEmpty
              ? "" : " (\(list.components.map(\.element).joined(separator: " ")))"))
      }
      kanji = weak.practice
    } else {
      kanji = list.kanji.map(\.kanji)
    }
    guard !kanji.isEmpty else {
      print("No weak kanji to practise.")
      return
    }
    try App.run(.practice(kanji), context: context, hasHome: false)
  }
}

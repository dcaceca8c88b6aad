import ArgumentParser
import Foundation
import KanjiData
import Practice
import Progress

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

  @OptionGroup var global: GlobalOptions

  @Flag(name: .long, help: "Print the list as JSON.")
  var json = false

  @Option(name: .long, help: "How many kanji to list.")
  var limit = 20

  func validate() throws {
    guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    var analysis = WeakListAnalysis()
    analysis.limit = limit
    let list = try ProgressCLI.run {
      let reference = try ReferenceDatabase(
        path: try ReferenceDatabase.locate(explicit: global.data))
      let store = try ProgressStore.open(home: global.home)
      return try analysis.weakList(store: store, reference: reference, now: Date())
    }
    if json {
      print(try ProgressCLI.json(list))
    } else {
      for line in WeakListReport(list: list).lines { print(line) }
    }
  }
}

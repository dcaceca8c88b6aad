import App
import ArgumentParser
import Foundation

/// Drill a list: the given kanji are asked from memory now, in order, and each answer is a review.
struct PracticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Write the given kanji from memory now, in order, recording each as a review.",
    discussion: """
      Example: kanji-write practice 学 校 (or 学校). No study step: the canvas is up at once. \
      Kanji not yet in the deck are added.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Argument(help: "The kanji to practise, as separate arguments or run together.")
  var kanji: [String]

  func validate() throws {
    let characters = Self.characters(kanji)
    guard !characters.isEmpty else {
      throw ValidationError("give the kanji to practise, e.g. kanji-write practice 学 校")
    }
  }

  static func characters(_ arguments: [String]) -> [String] {
    arguments.flatMap { argument in
      argument.filter { !$0.isWhitespace }.map(String.init)
    }
  }

  func run() throws {
    let characters = Self.characters(kanji)
    let context = try CLI.openApp(data: data, home: home)
    let unknown = try characters.filter { try context.reference.kanji($0) == nil }
    guard unknown.isEmpty else {
      throw CLIError(
        "no stroke data for \(unknown.joined(separator: " ")) in \(context.reference.path)")
    }
    try App.run(.practice(characters), context: context, hasHome: false)
  }
}

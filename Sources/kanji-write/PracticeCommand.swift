import App
import ArgumentParser
import Foundation
import KanjiData
import ProgressRecords

/// Drill a list: the given kanji are asked from memory now, in order, and each answer is a review.
struct PracticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Write the given kanji from memory now, in order, recording each as a review.",
    discussion: """
      Example: kanji-write practice 学 校 (or 学校). No study step: the canvas is up at once. \
      Kanji not yet in the deck are added. With --word, the arguments are words, each written \
      kanji by kanji from its reading and meaning (kanji-write practice --word 勉強 学校).
      """)

  @Flag(name: .long, help: "Practise the given common words instead of kanji.")
  var word = false

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Argument(help: "The kanji to practise, as separate arguments or run together.")
  var kanji: [String]

  func validate() throws {
    if word { return }
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
    if word {
      let written = kanji.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !written.isEmpty else {
        throw CLIError("give the words to practise, e.g. kanji-write practice --word 勉強 学校")
      }
      let reference = try ReferenceDatabase(path: ReferenceDatabase.locate(explicit: data.path))
      let unknown = try written.filter { try reference.words(written: $0).isEmpty }
      guard unknown.isEmpty else {
        throw CLIError(
          "not among the common words of the reference database: \(unknown.joined(separator: " "))")
      }
      let context = try CLI.openApp(data: data, home: home)
      try App.run(.practice(written.map(CardKey.word)), context: context, hasHome: false)
      return
    }
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

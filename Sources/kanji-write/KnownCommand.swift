import App
import ArgumentParser
import Foundation
import KanjiData

/// `kanji-write known`: the kanji the learner can read, declared so the self-test can ask them
/// even if they were never written here.
struct KnownCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "known",
    abstract: "Declare kanji you can read (for the self-test), or list them.",
    discussion: """
      Selectors: jlpt:N5...jlpt:N1, grade:1...grade:10, joyo, freq:N, file:PATH, or the kanji \
      themselves (学校). With no selector, lists the known set.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Flag(name: .long, help: "Remove the selected kanji from the known set instead.")
  var remove = false

  @Flag(name: .long, help: "Print the known set as JSON.")
  var json = false

  @Argument(help: "What to add: jlpt:N4, grade:3, freq:1000, file:PATH or kanji such as 学校.")
  var selectors: [String] = []

  func validate() throws {
    if remove && selectors.isEmpty {
      throw CLIError("--remove needs the kanji to remove")
    }
  }

  func run() throws {
    let store = try CLI.openStore(home)
    if !selectors.isEmpty {
      let reference = try ReferenceDatabase(
        path: try ReferenceDatabase.locate(explicit: data.path))
      var seen = Set<String>()
      let selected = try selectors.flatMap { text in
        let selector = try KanjiSelector(parsing: text)
        // Read here first for `add`'s words on a file that is missing, a folder, or not UTF-8.
        if case .file(let path) = selector { _ = try TextFile.read(path) }
        return try reference.characters(matching: selector)
      }.filter { seen.insert($0).inserted }
      let total: Int
      if remove {
        let removed = try store.removeKnown(selected)
        total = try store.known().count
        print("Removed \(removed) kanji from the known set; it now has \(total).")
      } else {
        let added = try store.addKnown(selected)
        total = try store.known().count
        let already = selected.count - added.count
        print(
          "Added \(added.count) kanji to the known set"
            + (already > 0 ? " (\(already) were already there)" : "") + "; it now has \(total).")
      }
      guard json else { return }
    }
    let known = try store.known()
    if json {
      print(try CLI.json(["known": known]))
    } else if known.isEmpty {
      print("No known kanji yet. Declare the ones you can read: kanji-write known jlpt:N5")
    } else {
      print("\(known.count) known kanji: \(known.joined())")
    }
  }
}

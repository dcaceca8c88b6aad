import App
import ArgumentParser
import Foundation
import KanjiData
import Progress

/// `kanji-write known`: the kanji the learner can read, declared so the self-test can ask them
/// even if they were never written here.
struct KnownCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "known",
    abstract: "Declare kanji you can read (for the self-test), or list them.",
    discussion: """
      Selectors: jlpt:N5...jlpt:N1, grade:1...grade:10, joyo, freq:N, file:PATH, or the kanji \
      themselves (学校). With no selector, lists the known set.

      anki:PATH adds the kanji of the mature notes (a card with an interval of 21 days or more, \
      not suspended) of an Anki collection (collection.anki2), read from a copy.
      """)

  @OptionGroup var data: DataOption

  @OptionGroup var home: HomeOption

  @Flag(name: .long, help: "Remove the selected kanji from the known set instead.")
  var remove = false

  @Flag(name: .long, help: "Print the known set as JSON.")
  var json = false

  @Option(name: .long, help: "With anki:PATH, only cards in this deck and its subdecks.")
  var deck: String?

  @Option(name: .long, help: "With anki:PATH, the interval in days that makes a card mature.")
  var minInterval = 21

  @Flag(name: .long, help: "With anki:PATH, list what would be added, by JLPT level; add nothing.")
  var dryRun = false

  @Argument(
    help: "What to add: jlpt:N4, grade:3, freq:1000, file:PATH, anki:PATH or kanji such as 学校.")
  var selectors: [String] = []

  /// The collection named by an `anki:PATH` selector.
  private var ankiPath: String? {
    selectors.first { $0.lowercased().hasPrefix("anki:") }.map { String($0.dropFirst(5)) }
  }

  func validate() throws {
    if remove && selectors.isEmpty {
      throw CLIError("--remove needs the kanji to remove")
    }
    guard let ankiPath else {
      if deck != nil || dryRun || minInterval != 21 {
        throw CLIError("--deck, --min-interval and --dry-run go with anki:PATH")
      }
      return
    }
    if selectors.count > 1 || remove || json {
      throw CLIError("anki:PATH goes alone, without other selectors, --remove or --json")
    }
    if ankiPath.isEmpty { throw CLIError("anki:PATH needs the path of collection.anki2") }
    if minInterval < 1 { throw CLIError("--min-interval must be 1 day or more") }
  }

  func run() throws {
    if let ankiPath { return try addFromAnki(ankiPath) }
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

  /// Adds the kanji of an Anki collection's mature notes. The collection and the reference data
  /// are read before the store is opened, so a refused file changes nothing.
  private func addFromAnki(_ path: String) throws {
    let reading = try AnkiCollection.read(path: path, minimumInterval: minInterval, deck: deck)
    let reference = try ReferenceDatabase(path: try ReferenceDatabase.locate(explicit: data.path))
    var inReference: [String] = []
    var missing: [String] = []
    for character in reading.characters {
      if try reference.strokes(character) == nil {
        missing.append(character)
      } else {
        inReference.append(character)
      }
    }
    if !missing.isEmpty {
      print(
        "Skipped \(missing.count) kanji not in the reference database: "
          + missing.prefix(10).joined(separator: " ") + (missing.count > 10 ? " ..." : ""))
    }
    let source = "\(reading.matureNotes) mature notes (Anki schema \(reading.schema))"
    if dryRun {
      let known = try knownWithoutCreating()
      let new = inReference.filter { !known.contains($0) }
      print(
        "Would add \(new.count) kanji from \(source); the known set has \(known.count)"
          + (new.isEmpty ? "." : ":"))
      var rest = new
      for level in [5, 4, 3, 2, 1] {
        let inLevel = Set(try reference.characters(matching: .jlpt(level)))
        let group = rest.filter { inLevel.contains($0) }
        rest.removeAll { inLevel.contains($0) }
        if !group.isEmpty { print("N\(level) (\(group.count)): \(group.joined())") }
      }
      if !rest.isEmpty { print("no JLPT level (\(rest.count)): \(rest.joined())") }
      return
    }
    let store = try CLI.openStore(home)
    let added = try store.addKnown(inReference)
    print(
      "Added \(added.count) kanji from \(source); the known set now has \(try store.known().count)."
    )
  }

  /// The known set, or nothing when there is no store yet: a dry run creates none.
  private func knownWithoutCreating() throws -> Set<String> {
    do {
      return Set(try CLI.openStore(home, access: .readOnly).known())
    } catch ProgressError.noProgress {
      return []
    }
  }
}

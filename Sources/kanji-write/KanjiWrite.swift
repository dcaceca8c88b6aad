import ArgumentParser
import Foundation

@main
struct KanjiWrite: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kanji-write",
    abstract:
      "Learn to write kanji from memory, stroke by stroke, in the terminal. With no subcommand, it starts the app.",
    usage: """
      kanji-write                            (no subcommand: starts the app, as session does)
      kanji-write <subcommand> [<options>]
      """,
    discussion: """
      Stroke data: KanjiVG by Ulrich Apel and contributors, CC BY-SA 3.0 (https://kanjivg.tagaini.net).
      Dictionary data: KANJIDIC2 by the Electronic Dictionary Research and Development Group (EDRDG), \
      CC BY-SA 4.0 (https://www.edrdg.org/edrdg/licence.html).
      Words: JMdict by the EDRDG, CC BY-SA 4.0 (https://www.edrdg.org/edrdg/licence.html), \
      through the PyPI package jamdict-data.
      """,
    version: "0.1.0",
    subcommands: [
      // Reference data (KanjiData).
      ImportCommand.self, InfoCommand.self, WordCommand.self,

      // Grading and recognition (StrokeMatch).
      GradeCommand.self, RecognizeCommand.self,

      // Deck, reviews and progress (Scheduler, Progress).
      AddCommand.self, DueCommand.self, ReviewCommand.self, ExportCommand.self,
      ImportProgressCommand.self,
      StatsCommand.self, ConfigCommand.self, CheckCommand.self, OptimizeCommand.self,
      ReplayCommand.self, SyncCommand.self,

      // The terminal app, practice, self-test and weak list (Practice, TerminalUI).
      AppCommand.self, PracticeCommand.self, KnownCommand.self, WeakCommand.self,
      TestCommand.self, GapCommand.self,

    ],
    // `kanji-write` alone opens the app.
    defaultSubcommand: AppCommand.self
  )

  /// Every error ends here, printed once as "kanji-write: MESSAGE". Command-line mistakes exit
  /// with status 2, like every other bad input, instead of the argument parser's 64, so scripts
  /// see one code for "you asked for something invalid".
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    // Checked before parsing: the default command would take the word as its own unexpected
    // argument and print the app's usage, which does not help with a typo.
    // `help stat` too: the parser would print the general help and succeed.
    let named = arguments.first == "help" ? Array(arguments.dropFirst()) : arguments
    if let unknown = unknownCommand(named) {
      StandardStreams.error("kanji-write: \(unknown)\n")
      Foundation.exit(2)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as ExitCode {
      exit(withError: error)
    } catch {
      switch exitCode(for: error) {
      case .success:
        // --help and --version.
        exit(withError: error)
      case .validationFailure:
        // The parser's own mistakes come with the usage line; only its "Error: " is replaced.
        var text = fullMessage(for: error)
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        StandardStreams.error("kanji-write: \(text)\n")
      default:
        // A command's error, also when thrown by its validate(), where the parser wraps it.
        StandardStreams.error("kanji-write: \(message(for: error))\n")
      }
      Foundation.exit(2)
    }
  }

  /// The subcommands' names, as typed.
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName }
  }

  /// Why the first argument cannot be run, when it is a word that names no subcommand.
  static func unknownCommand(_ arguments: [String]) -> String? {
    guard let word = arguments.first, !word.hasPrefix("-"), word != "help",
      !commandNames.contains(word)
    else { return nil }
    let ranked = commandNames.map { (name: $0, distance: editDistance(word, $0)) }
    // One slip in a short word, two in a longer one; more is another word, not a typo.
    let allowed = word.count < 5 ? 1 : 2
    if let nearest = ranked.min(by: { $0.distance < $1.distance }),
      nearest.distance <= allowed
    {
      return "unknown command '\(word)'; did you mean '\(nearest.name)'?"
    }
    return
      "unknown command '\(word)'; kanji-write --help lists the commands, and kanji-write alone starts the app"
  }

  /// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}

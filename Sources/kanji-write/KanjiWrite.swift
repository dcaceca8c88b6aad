import ArgumentParser
import Foundation

@main
struct KanjiWrite: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kanji-write",
    abstract: "Learn to write kanji from memory, stroke by stroke, in the terminal.",
    discussion: """
      Stroke data: KanjiVG by Ulrich Apel and contributors, CC BY-SA 3.0 (https://kanjivg.tagaini.net).
      Dictionary data: KANJIDIC2 by the Electronic Dictionary Research and Development Group (EDRDG), \
      CC BY-SA 4.0 (https://www.edrdg.org/edrdg/licence.html).
      """,
    version: "0.1.0",
    subcommands: [
      // Reference data (KanjiData).
      ImportCommand.self, InfoCommand.self,

      // Grading and recognition (StrokeMatch).
      GradeCommand.self, RecognizeCommand.self,

      // Deck, reviews and progress (Scheduler, Progress).
      AddCommand.self, DueCommand.self, ReviewCommand.self, ExportCommand.self,
      ImportProgressCommand.self,
      StatsCommand.self, ConfigCommand.self, CheckCommand.self,

      // The terminal app, practice, self-test and weak list (Practice, TerminalUI).
      AppCommand.self, PracticeCommand.self, KnownCommand.self, WeakCommand.self,
      TestCommand.self,

    ],
    // `kanji-write` alone opens the app.
    defaultSubcommand: AppCommand.self
  )

  /// Every error ends here, printed once. Command-line mistakes exit with status 2, like every
  /// other bad input, instead of the argument parser's 64, so scripts see one code for "you
  /// asked for something invalid".
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ExitCode {
      exit(withError: error)
    } catch {
      switch exitCode(for: error) {
      case .success:
        // --help and --version.
        exit(withError: error)
      case .validationFailure:
        StandardStreams.error(fullMessage(for: error) + "\n")
      default:
        StandardStreams.error("kanji-write: \(error)\n")
      }
      Foundation.exit(2)
    }
  }
}

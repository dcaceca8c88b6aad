import Foundation
import TestSupport
import Testing

/// `config` with values it must refuse: the message names the limit, and nothing is written.
@Suite struct ConfigCLITests {
  init() throws {
    try #require(BuiltBinary.exists, "build kanji-write first: \(BuiltBinary.path) is missing")
  }

  @Test func aNegativeValueReachesValidation() throws {
    let runner = try ProgressHomeRunner()
    let result = try runner.run("config", "day_start", "-1")
    #expect(result.status == 2)
    #expect(
      result.stderr == "kanji-write: invalid value for day_start: -1 is out of range (0...23)\n")
    // Refused before the store was opened: nothing written, not even a new database.
    #expect(!FileManager.default.fileExists(atPath: runner.database))
    // "--" before the value, as some write a negative number, changes nothing.
    #expect(try runner.run("config", "day_start", "--", "-1").stderr == result.stderr)

    let other = try ProgressHomeRunner()
    let withHome = try runner.run("config", "--home", other.home, "day_start", "-1")
    #expect(withHome.status == 2)
    #expect(withHome.stderr == result.stderr)
    #expect(!FileManager.default.fileExists(atPath: other.database))

    // --home still works around a value: the setting lands in the other home only.
    #expect(try runner.run("config", "--home", other.home, "day_start", "5").status == 0)
    #expect(try runner.run("config", "day_start", "--home", other.home).stdout == "5\n")
    #expect(try runner.run("config", "day_start").stdout == "4\n")
  }

  @Test func strictnessIsSetByItsNameAndByItsFormerOne() throws {
    let runner = try ProgressHomeRunner()
    #expect(try runner.run("config", "strictness").stdout == "standard\n")
    #expect(try runner.run("config", "strictness", "strict").status == 0)
    #expect(try runner.run("config", "strictness").stdout == "strict\n")
    #expect(try runner.run("config", "leniency", "normal").status == 0)
    #expect(try runner.run("config", "strictness").stdout == "standard\n")
    let refused = try runner.run("config", "strictness", "harsh")
    #expect(refused.status == 2)
    #expect(
      refused.stderr
        == "kanji-write: invalid value for strictness: \"harsh\" is not one of lenient, standard, strict\n"
    )
  }

  @Test func fiveThousandStepsAreRefused() throws {
    let runner = try ProgressHomeRunner()
    #expect(try runner.run("config", "learning_steps", "1m", "10m", "1h").status == 0)
    let steps = Array(repeating: "1m", count: 5000).joined(separator: " ")
    let result = try runner.run("config", "learning_steps", steps)
    #expect(result.status == 2)
    #expect(
      result.stderr == "kanji-write: invalid value for learning_steps: 5000 steps; at most 10\n")
    let long = try runner.run("config", "relearning_steps", "2d")
    #expect(long.status == 2)
    #expect(long.stderr.contains("step \"2d\" is not between 1s and 1d"))
    #expect(try runner.run("config", "learning_steps").stdout == "1m 10m 1h\n")
    #expect(try runner.run("config", "relearning_steps").stdout == "10m\n")
  }
}

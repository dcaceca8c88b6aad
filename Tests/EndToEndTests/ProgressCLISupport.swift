import Foundation
import TestSupport

/// Runs the built `kanji-write` with a temporary progress home (TZ=UTC), for the deck and
/// progress commands' end-to-end tests.
final class ProgressHomeRunner {
  private let folder: TemporaryFolder
  var home: String { folder.path }
  var database: String { folder.database }

  init() throws {
    folder = try TemporaryFolder()
  }

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["KANJI_WRITE_HOME"] = home
    environment["TZ"] = "UTC"
    return environment
  }

  /// Starts the binary without waiting for it.
  func start(_ arguments: [String]) throws -> ChildProcess {
    try ChildProcess([BuiltBinary.path] + arguments, environment: environment)
  }

  @discardableResult
  func run(_ arguments: String...) throws -> ChildProcess.Output { try run(arguments) }

  func run(_ arguments: [String]) throws -> ChildProcess.Output {
    try BuiltBinary.run(arguments, environment: environment)
  }

  /// Puts kanji in the deck through `import-progress`, added on 2022-01-01. It checks them
  /// against the reference database.
  func seed(_ kanji: [String], settings: [String: String] = [:]) throws {
    try Repository.requireReferenceDatabase()
    let added = 1_640_995_200_000
    let cards = kanji.map {
      [
        "kanji": $0, "addedAt": added,
        "card": [
          "state": "new", "step": 0, "reps": 0, "lapses": 0, "isLeech": false, "intervalDays": 0,
        ],
      ] as [String: Any]
    }
    let backup: [String: Any] = [
      "format": "kanji-write-progress", "version": 1, "exportedAt": added, "models": [],
      "settings": settings, "cards": cards, "reviewLog": [], "selfTests": [], "known": [],
    ]
    let file = home + "/seed.json"
    try JSONSerialization.data(withJSONObject: backup).write(to: URL(fileURLWithPath: file))
    let result = try run("import-progress", file)
    guard result.status == 0 else {
      throw NSError(
        domain: "seed", code: Int(result.status),
        userInfo: [NSLocalizedDescriptionKey: result.stderr])
    }
  }

  func json(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
  }
}

import Foundation

/// Runs the built `kanji-write` with a temporary progress home (TZ=UTC), for the deck and
/// progress commands' end-to-end tests.
final class ProgressHomeRunner {
  let home: String

  init() {
    home =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-e2e-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
  }

  deinit {
    chmod(home + "/progress.sqlite", 0o644)
    try? FileManager.default.removeItem(atPath: home)
  }

  var database: String { home + "/progress.sqlite" }

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["KANJI_WRITE_HOME"] = home
    environment["TZ"] = "UTC"
    return environment
  }

  func process(_ arguments: [String]) -> Process {
    BuiltBinary.process(arguments, environment: environment)
  }

  @discardableResult
  func run(_ arguments: String...) throws -> BuiltBinary.Output { try run(arguments) }

  func run(_ arguments: [String]) throws -> BuiltBinary.Output {
    try BuiltBinary.run(arguments, environment: environment)
  }

  /// Puts kanji in the deck through `import-progress`, added on 2022-01-01. It checks them
  /// against the reference database.
  func seed(_ kanji: [String], settings: [String: String] = [:]) throws {
    try BuiltBinary.requireReferenceDatabase()
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

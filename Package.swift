// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kanji-write",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kanji-write", targets: ["kanji-write"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C libraries, each behind a system-library target with a small shim header.
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // ncursesw's pkg-config file adds -D flags that SwiftPM rejects with a warning, so its
    // module map names the libraries itself.
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // Layers, bottom up; each uses only the ones below it.
    .target(name: "SQLite", dependencies: ["CSQLite"]),
    // JSON read over bytes: white space, literals, strings; the readers of drawings and of sync
    // records build their values on it.
    .target(name: "JSONScan"),
    // Reproducible randomness for the simulated writer and the self-test's choice of kanji.
    .target(name: "SeededRandom"),
    // Optimised in debug builds too: `make data` runs the debug binary's importer, and the
    // tests parse all of KanjiVG; unoptimised, both take ten times as long.
    .target(
      name: "KanjiData", dependencies: ["SQLite", "CZlib"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    .target(name: "StrokeMatch", dependencies: ["KanjiData"]),
    // The wire format: drawings read from JSON (the terminal's, the CLI's batch lines), grades
    // written as JSON.
    .target(name: "DrawingJSON", dependencies: ["StrokeMatch", "JSONScan"]),
    // A mouse in a terminal, simulated: the drawings the bench and the tests grade.
    .target(name: "SimulatedWriting", dependencies: ["KanjiData", "StrokeMatch", "SeededRandom"]),
    .target(name: "Scheduler"),
    // Fits the learner's FSRS-6 weights to their review log. Optimised in debug builds too:
    // its dual numbers are SIMD arithmetic, a hundred times slower unoptimised.
    .target(
      name: "FSRSOptimizer", dependencies: ["Scheduler", "SeededRandom"],
      swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
    // The learner's records as values (reviews, cards, self-tests): what the store keeps and
    // the screens show, without the store.
    .target(name: "ProgressRecords", dependencies: ["Scheduler"]),
    .target(
      name: "Progress", dependencies: ["SQLite", "Scheduler", "ProgressRecords", "JSONScan"]),
    .target(
      name: "Practice",
      dependencies: [
        "StrokeMatch", "DrawingJSON", "Scheduler", "ProgressRecords", "KanjiData", "SeededRandom",
      ]),
    .target(name: "TerminalUI", dependencies: ["CNcursesw", "Practice"]),
    // The only place the layers meet: the store, the reference data and the terminal.
    .target(
      name: "App",
      dependencies: [
        "SQLite", "KanjiData", "StrokeMatch", "Scheduler", "FSRSOptimizer", "ProgressRecords",
        "Progress",
        "Practice", "TerminalUI",
      ]),
    .executableTarget(
      name: "kanji-write",
      dependencies: [
        "KanjiData", "StrokeMatch", "DrawingJSON", "Scheduler", "FSRSOptimizer", "ProgressRecords",
        "Progress",
        "Practice", "TerminalUI", "App",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // `make bench`: speed and accuracy figures, built in release mode.
    .executableTarget(
      name: "kanji-write-bench",
      dependencies: [
        "KanjiData", "StrokeMatch", "Scheduler", "FSRSOptimizer", "ProgressRecords", "Progress",
        "Practice", "SQLite", "TerminalUI", "App", "SimulatedWriting", "SeededRandom",
      ]
    ),

    // Fixtures and helpers the test targets share: repository paths, temporary folders and
    // stores, child processes, UTC dates and the built binary.
    .target(
      name: "TestSupport",
      dependencies: [
        "Practice", "ProgressRecords", "Progress", "KanjiData", "StrokeMatch", "DrawingJSON",
      ],
      path: "Tests/TestSupport"),

    .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
    .testTarget(name: "KanjiDataTests", dependencies: ["KanjiData", "TestSupport"]),
    .testTarget(
      name: "StrokeMatchTests",
      dependencies: ["StrokeMatch", "KanjiData", "SimulatedWriting", "SeededRandom", "TestSupport"]),
    .testTarget(name: "DrawingJSONTests", dependencies: ["DrawingJSON", "StrokeMatch"]),
    .testTarget(
      name: "SchedulerTests", dependencies: ["Scheduler", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "FSRSOptimizerTests",
      dependencies: ["FSRSOptimizer", "Scheduler", "SeededRandom", "TestSupport"]),
    .testTarget(
      name: "ProgressTests",
      dependencies: ["Progress", "ProgressRecords", "Scheduler", "TestSupport"]),
    .testTarget(
      name: "PracticeTests",
      dependencies: [
        "Practice", "ProgressRecords", "KanjiData", "Scheduler", "StrokeMatch", "TestSupport",
      ]),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Practice"]),
    .testTarget(
      name: "AppTests",
      dependencies: [
        "App", "Practice", "ProgressRecords", "Progress", "Scheduler", "StrokeMatch", "KanjiData",
        "DrawingJSON", "TerminalUI", "SQLite", "TestSupport",
      ]),
    .testTarget(name: "EndToEndTests", dependencies: ["KanjiData", "SQLite", "TestSupport"]),
  ]
)

import Foundation
import Testing

/// The package's built `kanji-write` and its reference database, for the tests that run the
/// real binary.
enum BuiltBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let path = packageRoot.appendingPathComponent(".build/debug/kanji-write").path
  static let referenceDatabase = packageRoot.appendingPathComponent("Data/kanji.sqlite").path

  static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Records an issue naming the fix, and stops the test, when `make data` has not been run.
  static func requireReferenceDatabase() throws {
    guard FileManager.default.fileExists(atPath: referenceDatabase) else {
      Issue.record("\(referenceDatabase) is missing: run `make data` first (make test does)")
      throw CancellationError()
    }
  }

  /// A process for the binary, not yet started.
  static func process(_ arguments: [String], environment: [String: String]) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = environment
    return process
  }

  /// Runs the binary to its end with `input` on standard input. Standard error goes to a file,
  /// so a child that writes a lot to both streams cannot stall on a full pipe.
  static func run(
    _ arguments: [String], input: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Output {
    let process = process(arguments, environment: environment)
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("kw-stderr-\(UUID().uuidString)")
    guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown)
    }
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    defer { try? errorHandle.close() }
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = errorHandle
    let stdin = input.map { _ in Pipe() }
    process.standardInput = stdin ?? FileHandle.nullDevice
    try process.run()
    if let stdin, let input {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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

extension BuiltBinary {
  /// Writes all of `bytes` to `descriptor`; false once the reader has gone (the binary stopped
  /// reading and exited, as it may on an input it refuses).
  @discardableResult
  static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }

  /// Runs the binary with standard input written by `feed` (on a thread of its own; the pipe is
  /// closed after it) and returns its output and its peak resident memory in MB, as the kernel
  /// counted it (by GNU time, which forks it: other tests' children do not count).
  static func runMeasuringMemory(
    _ arguments: [String], feed: @escaping @Sendable (Int32) -> Void,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> (output: Output, peakMegabytes: Double) {
    // A write to a pipe whose reader has exited fails with EPIPE instead of killing the tests.
    signal(SIGPIPE, SIG_IGN)
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    guard pipe(&input) == 0, pipe(&output) == 0 else {
      throw HarnessError(description: "pipe: \(String(cString: strerror(errno)))")
    }
    // Close-on-exec, so that no other test's child inherits an end and holds a pipe open.
    for descriptor in input + output { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("kw-stderr-\(UUID().uuidString)").path
    defer { unlink(errorFile) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
    // GNU time reports the peak of a child it forked itself: a child of this process would be
    // charged this process's own peak, since a child's peak starts from its parent's.
    let timer = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: timer) else {
      throw HarnessError(description: "\(timer) is missing: sudo apt-get install time")
    }
    let peakFile = errorFile + ".peak"
    defer { unlink(peakFile) }
    var argv = ([timer, "-f", "%M", "-o", peakFile, path] + arguments).map { strdup($0) } + [nil]
    var envp = environment.map { strdup("\($0)=\($1)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, timer, &actions, &attributes, &argv, &envp)
    close(input[0])
    close(output[1])
    guard spawned == 0 else {
      close(input[1])
      close(output[0])
      throw HarnessError(description: "cannot run \(path): \(String(cString: strerror(spawned)))")
    }
    let writer = input[1]
    let fed = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      feed(writer)
      close(writer)
      fed.signal()
    }
    var stdout: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      stdout += chunk[..<count]
    }
    close(output[0])
    fed.wait()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // GNU time exits with the child's status, or 128 + the signal that ended it.
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    let report = (try? String(contentsOfFile: peakFile, encoding: .utf8)) ?? ""
    guard let kilobytes = report.split(separator: "\n").last.flatMap({ Double($0) }) else {
      throw HarnessError(description: "no peak memory from \(timer): \(report)")
    }
    return (
      Output(status: exitStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: stderr),
      kilobytes / 1024
    )
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An error of the test harness itself, not of the code under test.
public struct HarnessError: Error, CustomStringConvertible {
  public var description: String

  public init(description: String) {
    self.description = description
  }
}

/// A program run by a test. Started with posix_spawn, an empty signal mask and default
/// dispositions: Foundation.Process would leave SIGHUP and SIGTERM blocked in the child (a tmux
/// server, the app) and let children started at the same time by other tests inherit pipe ends.
/// Standard output and error go to files, so that a child writing a lot to both never stalls on a
/// full pipe; standard input is empty, or written by a feed on a thread of its own.
public final class ChildProcess {
  public enum Input: Sendable {
    /// /dev/null.
    case empty
    case bytes([UInt8])
    /// Writes to the descriptor it is given; the pipe is closed when it returns.
    case feed(@Sendable (Int32) -> Void)
  }

  public struct Output: Sendable {
    /// The exit status, or 128 + the signal that ended the child, as a shell tells it.
    public var status: Int32
    /// The signal that ended the child, if one did.
    public var signal: Int32?
    public var standardOutput: Data
    public var standardError: Data

    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
  }

  private static let spawning = NSLock()

  public let pid: pid_t
  private let files: TemporaryFolder
  private let fed: DispatchSemaphore?
  private var waitStatus: Int32?
  private var output: Output?

  /// Starts `arguments[0]` (looked up in PATH when it has no slash); with `errorsToOutput`,
  /// standard error goes to the same file as standard output.
  public init(
    _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    input: Input = .empty, errorsToOutput: Bool = false
  ) throws {
    files = try TemporaryFolder()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var feed: (@Sendable (Int32) -> Void)?
    switch input {
    case .empty: break
    case .bytes(let bytes): feed = { Self.write(bytes, to: $0) }
    case .feed(let writer): feed = writer
    }
    // Until its ends are close-on-exec, a pipe would leak into a child that another test starts
    // meanwhile, which would hold it open; so pipes are made and children started one at a time.
    Self.spawning.lock()
    defer { Self.spawning.unlock() }
    var ends: [Int32] = [-1, -1]
    if feed != nil {
      // A write to a pipe whose reader has exited fails with EPIPE instead of killing the tests.
      signal(SIGPIPE, SIG_IGN)
      guard pipe(&ends) == 0 else {
        throw HarnessError(description: "pipe: \(String(cString: strerror(errno)))")
      }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    let create = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, files.file("stdout"), create, 0o600)
    if errorsToOutput {
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    } else {
      posix_spawn_file_actions_addopen(&actions, 2, files.file("stderr"), create, 0o600)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var argv = arguments.map { strdup($0) } + [nil]
    var envp = environment.map { strdup("\($0)=\($1)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
    if feed != nil { close(ends[0]) }
    guard spawned == 0 else {
      if feed != nil { close(ends[1]) }
      throw HarnessError(
        description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    self.pid = pid
    if let feed {
      let writer = ends[1]
      let fed = DispatchSemaphore(value: 0)
      Thread.detachNewThread {
        feed(writer)
        close(writer)
        fed.signal()
      }
      self.fed = fed
    } else {
      fed = nil
    }
  }

  /// Runs a program to its end.
  public static func run(
    _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    input: Input = .empty, errorsToOutput: Bool = false
  ) throws -> Output {
    try ChildProcess(
      arguments, environment: environment, input: input, errorsToOutput: errorsToOutput
    ).wait()
  }

  /// What the child has written to standard output so far.
  public func standardOutputSoFar() -> Data {
    FileManager.default.contents(atPath: files.file("stdout")) ?? Data()
  }

  /// Whether the child has ended; it is reaped then, so its pid is no longer its own.
  public func hasExited() -> Bool {
    if waitStatus != nil { return true }
    var status: Int32 = 0
    var reaped = waitpid(pid, &status, WNOHANG)
    while reaped < 0 && errno == EINTR { reaped = waitpid(pid, &status, WNOHANG) }
    if reaped == pid { waitStatus = status }
    return waitStatus != nil
  }

  /// Sends `signal` to the child, unless it has ended and been reaped (its pid may be another
  /// process's by then).
  public func kill(_ signal: Int32) {
    if waitStatus == nil { _ = Glibc.kill(pid, signal) }
  }

  /// Waits until the child has ended and its feed is done, and returns what it wrote.
  public func wait() -> Output {
    if let output { return output }
    var status: Int32 = 0
    if let waitStatus {
      status = waitStatus
    } else {
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      waitStatus = status
    }
    fed?.wait()
    let signal = status & 0x7f
    let output = Output(
      status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
      signal: signal == 0 ? nil : signal,
      standardOutput: standardOutputSoFar(),
      standardError: FileManager.default.contents(atPath: files.file("stderr")) ?? Data())
    self.output = output
    return output
  }

  /// Writes all of `bytes` to `descriptor`; false once the reader has gone (the child stopped
  /// reading and exited, as it may on an input it refuses).
  @discardableResult
  public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
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
}

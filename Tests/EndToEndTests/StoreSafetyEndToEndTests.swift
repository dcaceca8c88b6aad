import Foundation
import SQLite
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The learner's store through the real binary when it is from a newer version, damaged, full,
/// read-only, or about to be created for a terminal the app cannot use: a clear message, exit
/// status 2, and nothing written that must not be.
@Suite struct StoreSafetyEndToEndTests {
  init() throws {
    try #require(BuiltBinary.exists, "build kanji-write first: \(BuiltBinary.path) is missing")
    try Repository.requireReferenceDatabase()
  }

  /// Commands that write, and the ones that only read.
  static let writers: [[String]] = [
    ["config", "new_per_day", "5"], ["known", "一"], ["review", "--kanji", "学", "--rating", "good"],
    ["add", "校"],
  ]
  static let readers: [[String]] = [["due"], ["stats"], ["export", "--format", "json"], ["check"]]

  func runner(withData: Bool = true) throws -> ProgressHomeRunner {
    let runner = try ProgressHomeRunner()
    try runner.seed(["学", "生"])
    try runner.run("review", "--kanji", "学", "--rating", "good")
    return runner
  }

  func setVersion(_ version: Int, of path: String) throws {
    let db = try Database(path: path)
    try db.execute("PRAGMA user_version = \(version)")
  }

  @Test(arguments: [99, -1])
  func aStoreOfAnotherVersionIsRefusedByEveryCommand(version: Int) throws {
    let runner = try runner()
    try setVersion(version, of: runner.database)
    let before = try #require(FileManager.default.contents(atPath: runner.database))
    for command in Self.writers + Self.readers {
      let result = try runner.run(command)
      #expect(result.status == 2, "\(command)")
      #expect(result.stderr.contains(runner.database), "\(command): \(result.stderr)")
      if version == 99 {
        #expect(result.stderr.contains("newer kanji-write (schema 99, this one knows up to "))
      } else {
        #expect(result.stderr.contains("schema version -1"))
      }
    }
    #expect(FileManager.default.contents(atPath: runner.database) == before)
  }

  @Test func aStoreDamagedPastPageOneIsNotWritten() throws {
    let runner = try runner()
    let kanji = (0..<300).map { String(UnicodeScalar(0x4E00 + $0)!) }
    #expect(try runner.run(["add", kanji.joined()]).status == 0)
    for character in kanji.prefix(60) {
      _ = try runner.run("review", "--kanji", character, "--rating", "good")
    }
    var bytes = try #require(FileManager.default.contents(atPath: runner.database))
    for i in (bytes.count - 3 * 4096)..<bytes.count { bytes[i] = 0x5A }
    #expect(FileManager.default.createFile(atPath: runner.database, contents: bytes))
    for command in Self.writers {
      let result = try runner.run(command)
      #expect(result.status == 2, "\(command) wrote to a damaged store")
      #expect(result.stderr.contains("is damaged"), "\(command): \(result.stderr)")
    }
    #expect(FileManager.default.contents(atPath: runner.database) == bytes)
  }

  /// A copy the learner made read-only, in a read-only folder, still exports in full.
  @Test func aReadOnlyHomeStillExports() throws {
    let runner = try runner()
    let full = try runner.run("export", "--format", "json")
    let before = try #require(FileManager.default.contents(atPath: runner.database))
    chmod(runner.database, 0o444)
    chmod(runner.home, 0o555)
    defer { chmod(runner.home, 0o755) }
    let result = try runner.run("export", "--format", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let exported = try #require(runner.json(result.stdout))
    #expect((exported["reviewLog"] as? [Any])?.count == 1)
    #expect((exported["cards"] as? [Any])?.count == 2)
    #expect(
      (runner.json(full.stdout)?["reviewLog"] as? [Any])?.count
        == (exported["reviewLog"] as? [Any])?.count)
    for command in [["due"], ["stats"], ["check"]] {
      #expect(try runner.run(command).status == 0, "\(command)")
    }
    let write = try runner.run("review", "--kanji", "学", "--rating", "good")
    #expect(write.status == 2 && write.stderr.contains("read-only"))
    #expect(FileManager.default.contents(atPath: runner.database) == before)
  }

  @Test func aNewStoreIsPrivate() throws {
    let runner = try ProgressHomeRunner()
    let nested = runner.home + "/deeper/kanji-write"
    var environment = runner.environment
    environment["KANJI_WRITE_HOME"] = nested
    #expect(try BuiltBinary.run(["add", "学"], environment: environment).status == 0)
    var info = stat()
    #expect(stat(nested, &info) == 0 && info.st_mode & 0o777 == 0o700)
    #expect(stat(nested + "/progress.sqlite", &info) == 0 && info.st_mode & 0o777 == 0o600)
    let backup = runner.home + "/backup.json"
    #expect(try BuiltBinary.run(["export", "--out", backup], environment: environment).status == 0)
    #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600)
  }

  /// An unknown TERM is refused before the store is opened, so nothing is created.
  @Test func anUnknownTerminalCreatesNoStore() throws {
    let app = try AppUnderTest([], terminal: ["TERM": "bogus-terminal"])
    let screen = try app.tmux.waitForText("[exit ").joined(separator: "\n")
    #expect(screen.contains("does not know the terminal type 'bogus-terminal'"))
    #expect(screen.contains("[exit 2]"))
    #expect(!FileManager.default.fileExists(atPath: app.home + "/progress.sqlite"))
  }

  static var canMountTmpfs: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
  }

  /// A store on a file system with no room left: the review that does not fit is refused with
  /// "full", and every review saved before it is still there and sound.
  @Test(.enabled(if: canMountTmpfs, "needs root to mount a small tmpfs in its own namespace"))
  func aFullDiskIsToldAndLosesNothingSaved() throws {
    let runner = try ProgressHomeRunner()
    let mount = runner.home + "/small"
    let script = """
      set -u
      mkdir -p "$MOUNT" && mount -t tmpfs -o size=400k tmpfs "$MOUNT" || exit 77
      export KANJI_WRITE_HOME="$MOUNT/home"
      "$BIN" add 一二三四五六七八九十 >/dev/null || exit 3
      "$BIN" review --kanji 一 --rating good >/dev/null || exit 4
      # Leave less room than a transaction needs.
      dd if=/dev/zero of="$MOUNT/filler" bs=4k 2>/dev/null
      truncate -s -24k "$MOUNT/filler"
      saved=1
      for k in 二 三 四 五 六 七 八 九 十; do
        if "$BIN" review --kanji "$k" --rating good >/dev/null 2>"$ERRORS"; then
          saved=$((saved + 1))
        else
          echo "status $?"; cat "$ERRORS"; break
        fi
      done
      echo "saved $saved"
      # Its message to a full disk is lost, but the command still ends with status 2.
      "$BIN" review --kanji 十 --rating good 2>"$MOUNT/error"; echo "unwritable message $?"
      "$BIN" export --format json | grep -o '"kind":"review"' | wc -l | sed 's/^/exported /'
      "$BIN" check >/dev/null && echo "check ok"
      """
    var environment = runner.environment
    environment["MOUNT"] = mount
    // Outside the full file system, where the message can be written.
    environment["ERRORS"] = runner.home + "/errors"
    environment["BIN"] = BuiltBinary.path
    environment["KANJI_WRITE_DATA"] = Repository.referenceDatabase
    let result = try spawn(
      ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
      environment: environment)
    try #require(result.status != 77, "could not mount a tmpfs: \(result.output)")
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("status 2"), "\(result.output)")
    #expect(result.output.contains("is full; nothing more was saved"), "\(result.output)")
    let saved = result.output.split(separator: "\n").first { $0.hasPrefix("saved ") }
      .flatMap { Int($0.dropFirst(6)) }
    let exported = result.output.split(separator: "\n").first { $0.hasPrefix("exported ") }
      .flatMap { Int($0.dropFirst(9).trimmingCharacters(in: .whitespaces)) }
    #expect(saved != nil && saved == exported, "\(result.output)")
    #expect(result.output.contains("check ok"), "\(result.output)")
    #expect(result.output.contains("unwritable message 2"), "\(result.output)")
  }
}

import ArgumentParser
import Foundation
import Progress

/// `kanji-write sync DIR`: merges progress with other machines through a shared folder.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Merge progress with your other machines through a folder they share.",
    discussion: """
      DIR is any folder another tool keeps in step between machines (Syncthing, Dropbox, a USB \
      stick, git, rsync). Each machine appends its own events (reviews, deck changes, \
      settings, self-tests) to its own file there, DEVICE.kwlog, and reads the others'. Sync \
      imports the events this home has not seen, rebuilds the cards they touch as if every \
      review had been made on one machine in time order, and writes this home's new events. \
      Run it at any time, as often as you like, on both machines at once. An empty home \
      rebuilds everything from the folder. Without DIR, the folder set with \
      `kanji-write config sync_dir DIR` is used; the app syncs with that one on start and on \
      quit.
      """)

  @OptionGroup var home: HomeOption

  @Argument(help: "The shared folder (default: the sync_dir setting).")
  var folder: String?

  @Option(help: "Name this machine (shown to the others); its file keeps its name.")
  var name: String?

  func run() throws {
    if let folder {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
        isFolder.boolValue
      else { throw CLIError("the sync folder \(folder) does not exist or is not a folder") }
    }
    let store = try CLI.openStore(home)
    if let name {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else {
        throw CLIError("a device name cannot be empty")
      }
      try store.renameDevice(trimmed)
    }
    let configured = try store.setting("sync_dir")
    guard let folder = folder ?? (configured == "off" ? nil : configured) else {
      if name != nil {
        print("This machine is now named \(try store.deviceName()).")
        return
      }
      throw CLIError(
        "give the shared folder (kanji-write sync DIR), or set it with kanji-write config sync_dir DIR"
      )
    }
    let report = try store.sync(folder: folder)
    let others =
      report.otherDevices.isEmpty ? "none yet" : report.otherDevices.joined(separator: ", ")
    print(
      "Synced with \(report.folder): \(report.imported) event\(report.imported == 1 ? "" : "s") in, \(report.exported) out. "
        + "This machine: \(report.device).kwlog; others: \(others).")
    guard report.problems.isEmpty else {
      throw CLIError(
        "\(report.problems.count) line(s) of the sync folder were not imported:\n"
          + report.problems.map { "  \($0)" }.joined(separator: "\n"))
    }
  }
}

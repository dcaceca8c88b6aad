import Foundation
import SQLite
import Scheduler

/// What one sync did.
public struct SyncReport: Equatable, Sendable {
  /// The folder, as an absolute path.
  public var folder: String
  /// This device's id: its file in the folder is `DEVICE.kwlog`.
  public var device: String
  /// Events read from the other devices' files that this store did not have.
  public var imported: Int
  /// This device's events written to its own file.
  public var exported: Int
  /// The other devices whose files are in the folder, by name (their id when unnamed).
  public var otherDevices: [String]
  /// Lines that were not imported (a bad checksum, a newer format), one message each.
  public var problems: [String]
}

extension ProgressStore {
  /// This store's device id, made once per store (its file in a sync folder is `ID.kwlog`).
  public func deviceID() throws -> String {
    try read { try db.query("SELECT device FROM sync_device").first?.string(0) ?? "" }
  }

  /// The device's name as other devices see it ("" until named).
  public func deviceName() throws -> String {
    try read { try db.query("SELECT name FROM sync_device").first?.string(0) ?? "" }
  }

  /// Renames this device; the name travels to the other devices at the next sync. Its id, and
  /// so its file, stay the same.
  public func renameDevice(_ name: String) throws {
    try write { try db.run("UPDATE sync_device SET name = ?", [.text(name)]) }
  }

  /// Syncs with `folder`, in one transaction: imports the events of the other devices' files
  /// that this store has not seen, rebuilds the cards, settings and known kanji they touch, and
  /// appends this device's new events to its own file (fsynced before the transaction
  /// commits). Safe to run at any time, any number of times, from several processes at once.
  public func sync(folder path: String) throws -> SyncReport {
    let folder = try SyncFolder(path)
    return try write {
      let device = try deviceID()
      var report = SyncReport(
        folder: folder.path, device: device, imported: 0, exported: 0, otherDevices: [],
        problems: [])
      var importer = try SyncImporter(store: self, device: device)
      let files = try folder.otherFiles(except: device)
      for file in files { try importer.importFile(file, from: folder) }
      try importer.finish()
      report.imported = importer.imported
      report.problems = importer.problems
      report.otherDevices = try deviceNames(files: files)
      report.exported = try SyncExporter(store: self, device: device, folder: folder).export()
      return report
    }
  }

  /// The devices of these files, by their latest name.
  private func deviceNames(files: [String]) throws -> [String] {
    var names: [String: String] = [:]
    for row in try db.query(
      """
      SELECT subject, json_extract(body, '$.name') FROM sync_events WHERE type = 'device'
      ORDER BY time_ms, device, seq
      """)
    {
      if let id = row.string(0), let name = row.string(1), !name.isEmpty { names[id] = name }
    }
    return files.map { file in
      let id = String(file.dropLast(SyncFolder.fileExtension.count + 1))
      return names[id] ?? id
    }
  }

  /// The columns of a table, in order.
  func columns(of table: String) throws -> [String] {
    try db.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap {
      $0.string(0)
    }
  }
}

extension SyncValue {
  init(_ value: SQLValue) {
    switch value {
    case .integer(let v): self = .integer(v)
    case .real(let v): self = .real(v)
    case .text(let v): self = .text(v)
    case .null, .blob: self = .null
    }
  }

  var sql: SQLValue {
    switch self {
    case .integer(let v): .integer(v)
    case .real(let v): .real(v)
    case .text(let v): .text(v)
    case .null: .null
    }
  }
}

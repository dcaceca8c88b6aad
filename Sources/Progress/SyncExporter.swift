import Foundation
import SQLite

/// Appends this device's new events to its own file, inside the sync's transaction. The store
/// remembers how far the file was written (its last event and its size); a file that does
/// not have that size was changed since (this device stopped mid-write, or the file was
/// restored or lost), so its events are read and only those missing are written.
struct SyncExporter {
  let store: ProgressStore
  let device: String
  let folder: SyncFolder
  private var db: Database { store.db }

  init(store: ProgressStore, device: String, folder: SyncFolder) {
    self.store = store
    self.device = device
    self.folder = folder
  }

  /// Returns how many events were written.
  func export() throws -> Int {
    let file = folder.fileName(device: device)
    let written = try db.query(
      "SELECT seq, bytes FROM sync_written WHERE folder = ?", [.text(folder.path)]
    ).first
    var after = written?.int64(0) ?? 0
    let recordedBytes = written?.int64(1) ?? 0
    let lastSeq = try db.query("SELECT last_seq FROM sync_device").first?.int64(0) ?? 0
    let size = folder.size(file)
    var present: Set<Int64> = []
    var cut: Int64?
    if (size ?? 0) != recordedBytes || (size == nil && after > 0) {
      // Read back what the file holds: after the recorded size when it grew (a write this
      // device made but did not record), else all of it.
      let start = (size ?? 0) > recordedBytes ? recordedBytes : 0
      if start == 0 { after = 0 }
      let bytes = size == nil ? [] : try folder.read(file, from: start)
      var end = 0
      for (line, lineEnd) in SyncLines(bytes) {
        end = lineEnd
        if case .record(let record) = SyncRecord.decode(line), record.device == device {
          guard try isOwn(record, lastSeq: lastSeq) else {
            throw ProgressError.syncFolder(
              "\(folder.path)/\(file) holds events this home never made: another machine uses this home's device id (a copied progress.sqlite?). Nothing was synced; start the other machine from the folder with an empty home (kanji-write sync DIR)"
            )
          }
          present.insert(record.seq)
        }
      }
      if end < bytes.count { cut = start + Int64(end) }
    }
    guard lastSeq > after || cut != nil else { return 0 }
    var lines: [UInt8] = []
    var count = 0
    for record in try events(after: after) where !present.contains(record.seq) {
      lines += record.line()
      count += 1
    }
    if !lines.isEmpty || cut != nil {
      try folder.append(lines, to: file, truncatingTo: cut)
    }
    try db.run(
      """
      INSERT INTO sync_written(folder, seq, bytes) VALUES (?, ?, ?)
      ON CONFLICT(folder) DO UPDATE SET seq = excluded.seq, bytes = excluded.bytes
      """, [.text(folder.path), .integer(lastSeq), .integer(folder.size(file) ?? 0)])
    return count
  }

  /// Whether the record is this store's own event of that number (or one taken back since);
  /// another event means a second machine writes this device's file.
  private func isOwn(_ record: SyncRecord, lastSeq: Int64) throws -> Bool {
    guard record.seq <= lastSeq else { return false }
    let key: [SQLValue] = [.text(device), .integer(record.seq)]
    guard
      let row = try db.query(
        """
        SELECT time_ms, kanji FROM review_log WHERE device = ? AND seq = ?
        UNION ALL SELECT time_ms, subject FROM sync_events WHERE device = ? AND seq = ?
        """, key + key
      ).first
    else { return true }
    return row.int64(0) == record.timeMs && row.string(1) == record.subject
  }

  /// This device's events after `seq`, in order: its reviews (every column of the row but its
  /// local id, by name) and its other events.
  private func events(after seq: Int64) throws -> [SyncRecord] {
    let columns = try store.columns(of: "review_log").filter {
      !["id", "device", "seq"].contains($0)
    }
    let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    var records = try db.query(
      "SELECT seq, time_ms, kanji, \(list) FROM review_log WHERE device = ? AND seq > ?",
      [.text(device), .integer(seq)]
    ).map { row in
      var body: [String: SyncValue] = [:]
      for (index, name) in columns.enumerated() { body[name] = SyncValue(row.values[index + 3]) }
      return SyncRecord(
        device: device, seq: row.int64(0) ?? 0, timeMs: row.int64(1) ?? 0,
        type: SyncRecord.reviewType, subject: row.string(2) ?? "", body: body)
    }
    for row in try db.query(
      "SELECT seq, time_ms, type, subject, body FROM sync_events WHERE device = ? AND seq > ?",
      [.text(device), .integer(seq)])
    {
      records.append(
        SyncRecord(
          device: device, seq: row.int64(0) ?? 0, timeMs: row.int64(1) ?? 0,
          type: row.string(2) ?? "", subject: row.string(3) ?? "",
          body: SyncRecord.body(json: row.string(4) ?? "{}")))
    }
    return records.sorted { $0.seq < $1.seq }
  }
}

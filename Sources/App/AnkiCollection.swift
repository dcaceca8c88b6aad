import Foundation
import KanjiData
import SQLite

/// A collection file that cannot be read, in words for the learner.
public struct AnkiCollectionError: Error, CustomStringConvertible, Sendable {
  public let description: String
}

/// What an Anki collection says the learner can read: the kanji in the fields of its mature notes.
public struct AnkiReading: Sendable {
  /// The collection's schema version (`col.ver`).
  public var schema: Int
  /// How many notes have a mature card in the chosen decks.
  public var matureNotes: Int
  /// Every CJK ideograph in those notes' fields, in order of first appearance.
  public var characters: [String]
}

/// Reads an Anki collection (`collection.anki2`, schemas 11 to 18) from a snapshot copy: Anki
/// may hold the file open and locked, and this never opens a connection to the original.
public enum AnkiCollection {
  public static let supportedSchemas = 11...18

  /// The ideographs of the notes with at least one card of interval `minimumInterval` days or
  /// more that is not suspended, in the deck named `deck` and its subdecks when one is given.
  public static func read(path: String, minimumInterval: Int = 21, deck: String? = nil)
    throws -> AnkiReading
  {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw AnkiCollectionError(description: "no Anki collection at \(path)")
    }
    guard !isFolder.boolValue else {
      throw AnkiCollectionError(
        description: "\(path) is a folder; give the collection.anki2 file inside your Anki profile")
    }
    let snapshot = FileManager.default.temporaryDirectory
      .appendingPathComponent("kanji-write-anki-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: snapshot) }
    let copy = snapshot.appendingPathComponent("collection.anki2").path
    do {
      try FileManager.default.copyItem(atPath: path, toPath: copy)
      // Recent changes of a collection in WAL mode live in the -wal file until a checkpoint.
      if FileManager.default.fileExists(atPath: path + "-wal") {
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
      }
    } catch {
      throw AnkiCollectionError(
        description: "cannot read \(path) (\(error.localizedDescription))")
    }
    do {
      let db = try Database(path: copy, mode: .readOnly)
      return try read(db, path: path, minimumInterval: minimumInterval, deck: deck)
    } catch let error as SQLiteError {
      throw AnkiCollectionError(
        description: "\(path) is not an Anki collection, or it is damaged (\(error.message))")
    }
  }

  private static func read(_ db: Database, path: String, minimumInterval: Int, deck: String?)
    throws -> AnkiReading
  {
    let tables = Set(
      try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
        $0.string(0)
      })
    guard tables.isSuperset(of: ["col", "notes", "cards"]) else {
      throw AnkiCollectionError(
        description: "\(path) is not an Anki collection (it has no col, notes and cards tables)")
    }
    guard let schema = try db.scalar("SELECT ver FROM col LIMIT 1").flatMap(Self.int) else {
      throw AnkiCollectionError(
        description: "\(path) is not an Anki collection (no schema version)")
    }
    if schema > supportedSchemas.upperBound {
      throw AnkiCollectionError(
        description:
          "\(path) was written by a newer Anki (schema \(schema); this kanji-write reads up to \(supportedSchemas.upperBound))"
      )
    }
    guard schema >= supportedSchemas.lowerBound else {
      throw AnkiCollectionError(
        description:
          "\(path) was written by an old Anki (schema \(schema)); open it once in a current Anki to upgrade it"
      )
    }
    var deckFilter = ""
    if let deck {
      let decks = try deckNames(db, path: path, hasDeckTable: tables.contains("decks"))
      let wanted = levels(deck)
      let chosen = decks.filter { _, name in
        let have = levels(name)
        return have.count >= wanted.count && Array(have.prefix(wanted.count)) == wanted
      }.keys
      guard !chosen.isEmpty else {
        let names = decks.values.map { $0.replacingOccurrences(of: "\u{1f}", with: "::") }
          .sorted()
        throw AnkiCollectionError(
          description:
            "no deck named \"\(deck)\" in \(path); its decks: \(names.joined(separator: ", "))")
      }
      // A card moved to a filtered deck keeps its home deck in odid.
      let ids = chosen.sorted().map(String.init).joined(separator: ", ")
      deckFilter = " AND (c.did IN (\(ids)) OR c.odid IN (\(ids)))"
    }
    let rows = try db.query(
      """
      SELECT n.flds FROM notes n WHERE EXISTS (
        SELECT 1 FROM cards c WHERE c.nid = n.id AND c.ivl >= ? AND c.queue != -1\(deckFilter))
      ORDER BY n.id
      """, [.integer(Int64(max(minimumInterval, 1)))])
    var seen = Set<String>()
    var characters: [String] = []
    for row in rows {
      for scalar in stripTags(row.string(0) ?? "").unicodeScalars
      where Importer.isIdeograph(scalar) {
        let character = String(Character(scalar))
        if seen.insert(character).inserted { characters.append(character) }
      }
    }
    return AnkiReading(schema: schema, matureNotes: rows.count, characters: characters)
  }

  /// Each deck's id and full name: the `decks` table in newer schemas, `col.decks` JSON in older.
  private static func deckNames(_ db: Database, path: String, hasDeckTable: Bool) throws
    -> [Int64: String]
  {
    var names: [Int64: String] = [:]
    if hasDeckTable {
      for row in try db.query("SELECT id, name FROM decks") {
        if let id = row.int64(0), let name = row.string(1) { names[id] = name }
      }
      if !names.isEmpty { return names }
    }
    guard let json = try db.scalar("SELECT decks FROM col LIMIT 1").flatMap(Self.text),
      let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else {
      throw AnkiCollectionError(description: "\(path) lists no decks")
    }
    for (key, value) in object {
      if let id = Int64(key), let name = (value as? [String: Any])?["name"] as? String {
        names[id] = name
      }
    }
    return names
  }

  /// A deck name's levels: schema 18 separates them with U+001F, older schemas and people "::".
  static func levels(_ name: String) -> [String] {
    name.replacingOccurrences(of: "\u{1f}", with: "::").components(separatedBy: "::")
      .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
  }

  /// A field without its HTML tags, so that markup never counts as text.
  static func stripTags(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      switch character {
      case "<": inTag = true
      case ">" where inTag: inTag = false
      default: if !inTag { text.append(character) }
      }
    }
    return text
  }

  private static func int(_ value: SQLValue) -> Int? {
    switch value {
    case .integer(let v): return Int(v)
    case .text(let s): return Int(s)
    default: return nil
    }
  }

  private static func text(_ value: SQLValue) -> String? {
    if case .text(let s) = value { return s }
    return nil
  }
}

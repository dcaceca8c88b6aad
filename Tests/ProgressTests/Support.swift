import Foundation
import SQLite
import TestSupport

@testable import Progress

func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

/// A store as the first schema left it, in WAL mode, holding the card 学.
func writeVersionOneStore(at path: String) throws {
  let db = try Database(path: path)
  try db.execute("PRAGMA journal_mode = WAL")
  try db.execute(Schema.migrations[0])
  try db.execute("PRAGMA user_version = 1")
  try db.run("INSERT INTO cards(kanji, position, added_ms) VALUES ('学', 1, 0)")
}

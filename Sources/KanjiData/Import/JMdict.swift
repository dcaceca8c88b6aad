import Foundation
import SQLite

/// Reads JMdict's common words from jamdict's SQLite database (`jamdict_data/jamdict.db`,
/// unpacked from the `.xz` of the PyPI package jamdict-data).
///
/// A written form (a `Kanji` row) is common when one of its priority tags (`KJP`) is news1,
/// ichi1, spec1, spec2, gai1 or nf01-nf24. Its readings are the entry's kana forms that are not
/// `nokanji` and whose restrictions (`KNR`), when there are any, name this written form; the
/// common ones (with a `KNP` tag) first. Its meanings are the English glosses of the entry's
/// first senses that apply to this written form (`stagk`), one string per sense.
struct JMdict {
  /// One common written form of an entry, before the importer checks its characters.
  struct CommonForm: Equatable {
    var entry: Int64
    var written: String
    var readings: [String]
    var meanings: [String]
    /// Lower is more frequent: the nf bucket (1-48, 49 without one) times ten, less the
    /// number of other common tags (news1, ichi1, spec1, spec2, gai1).
    var score: Int
  }

  /// What was read, and what was skipped and why.
  struct Contents {
    var forms: [CommonForm] = []
    /// Malformed rows, each naming its table, row and entry.
    var malformed: [String] = []
    /// Common written forms that no reading applies to.
    var withoutReading = 0
    /// Common written forms without an English gloss.
    var withoutGloss = 0
  }

  static let sensesKept = 3
  static let commonTags = Set(
    ["news1", "ichi1", "spec1", "spec2", "gai1"] + (1...24).map { String(format: "nf%02d", $0) })

  let path: String

  func read() throws -> Contents {
    guard !path.hasSuffix(".xz") else {
      throw ImportError(
        description: "\(path): unpack it first (xz -dk \(path)) and pass the .db file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw ImportError(description: "\(path): no such file, or it cannot be read")
    }
    do {
      let db = try Database(path: path, mode: .readOnlyImmutable)
      return try read(db)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(description: "\(path): not a jamdict JMdict database (\(error))")
    }
  }

  private func read(_ db: Database) throws -> Contents {
    var contents = Contents()
    func malformed(_ line: String) { contents.malformed.append("\(path): \(line)") }

    // The common written forms, with their tags.
    struct Form {
      var id: Int64
      var entry: Int64
      var text: String
      var tags: [String]
    }
    var forms: [Form] = []
    let formRows = try db.prepare(
      """
      SELECT k.ID, k.idseq, k.text, group_concat(p.text, ' ') FROM Kanji k
      JOIN KJP p ON p.kid = k.ID GROUP BY k.ID ORDER BY k.ID
      """)
    while try formRows.step() {
      let id = formRows.int64(at: 0)
      let tags = (formRows.text(at: 3) ?? "").split(separator: " ").map(String.init)
      guard tags.contains(where: Self.commonTags.contains) else { continue }
      guard case .integer(let entry) = formRows.value(at: 1) else {
        malformed("Kanji row \(id): no entry")
        continue
      }
      guard let text = formRows.text(at: 2), !text.isEmpty,
        !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
      else {
        malformed("Kanji row \(id) (entry \(entry)): an empty or blank written form")
        continue
      }
      forms.append(Form(id: id, entry: entry, text: text, tags: tags))
    }
    let entries = Set(forms.map(\.entry))
    let entryList = "SELECT k.idseq FROM Kanji k JOIN KJP p ON p.kid = k.ID"

    // Readings by entry, in JMdict's order; restrictions by kana row.
    struct Reading {
      var id: Int64
      var text: String
      var common: Bool
    }
    var restrictions: [Int64: Set<String>] = [:]
    for row in try db.query("SELECT kid, text FROM KNR") {
      guard let kid = row.int64(0), let text = row.string(1) else { continue }
      restrictions[kid, default: []].insert(text)
    }
    var readings: [Int64: [Reading]] = [:]
    let kanaRows = try db.prepare(
      """
      SELECT a.ID, a.idseq, a.text, a.nokanji, EXISTS(SELECT 1 FROM KNP WHERE kid = a.ID)
      FROM Kana a WHERE a.idseq IN (\(entryList)) ORDER BY a.ID
      """)
    while try kanaRows.step() {
      let id = kanaRows.int64(at: 0)
      let entry = kanaRows.int64(at: 1)
      guard entries.contains(entry) else { continue }
      guard let text = kanaRows.text(at: 2), !text.isEmpty else {
        malformed("Kana row \(id) (entry \(entry)): an empty reading")
        continue
      }
      // Readings spelt with letters (ＣＤ...) are not read aloud in kana: left out.
      guard kanaRows.int64(at: 3) == 0, text.unicodeScalars.allSatisfy(Word.isKana) else {
        continue
      }
      readings[entry, default: []].append(
        Reading(id: id, text: text, common: kanaRows.int64(at: 4) != 0))
    }

    // English glosses by entry and sense, in order; sense restrictions by sense.
    var senseRestrictions: [Int64: Set<String>] = [:]
    for row in try db.query("SELECT sid, text FROM stagk") {
      guard let sid = row.int64(0), let text = row.string(1) else { continue }
      senseRestrictions[sid, default: []].insert(text)
    }
    var senses: [Int64: [(id: Int64, glosses: [String])]] = [:]
    let glossRows = try db.prepare(
      """
      SELECT s.ID, s.idseq, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID
      WHERE g.lang = 'eng' AND s.idseq IN (\(entryList)) ORDER BY s.ID, g.rowid
      """)
    while try glossRows.step() {
      let sense = glossRows.int64(at: 0)
      let entry = glossRows.int64(at: 1)
      guard entries.contains(entry) else { continue }
      guard let text = glossRows.text(at: 2)?.trimmingCharacters(in: .whitespaces),
        !text.isEmpty
      else {
        malformed("SenseGloss of sense \(sense) (entry \(entry)): an empty gloss")
        continue
      }
      if senses[entry]?.last?.id == sense {
        senses[entry]![senses[entry]!.count - 1].glosses.append(text)
      } else {
        senses[entry, default: []].append((sense, [text]))
      }
    }

    for form in forms {
      let applying = (readings[form.entry] ?? []).filter {
        restrictions[$0.id].map { $0.contains(form.text) } ?? true
      }
      var seen = Set<String>()
      let texts = (applying.filter(\.common) + applying.filter { !$0.common }).map(\.text)
        .filter { seen.insert($0).inserted }
      guard !texts.isEmpty else {
        contents.withoutReading += 1
        continue
      }
      let meanings = (senses[form.entry] ?? []).filter {
        senseRestrictions[$0.id].map { $0.contains(form.text) } ?? true
      }.prefix(Self.sensesKept).map { $0.glosses.joined(separator: "; ") }
      guard !meanings.isEmpty else {
        contents.withoutGloss += 1
        continue
      }
      contents.forms.append(
        CommonForm(
          entry: form.entry, written: form.text, readings: texts, meanings: Array(meanings),
          score: Self.score(form.tags)))
    }
    return contents
  }

  static func score(_ tags: [String]) -> Int {
    let bucket =
      tags.compactMap { tag -> Int? in
        guard tag.hasPrefix("nf") else { return nil }
        return Int(tag.dropFirst(2))
      }.min() ?? 49
    let others = tags.filter { !$0.hasPrefix("nf") && commonTags.contains($0) }
    return bucket * 10 - Set(others).count
  }
}

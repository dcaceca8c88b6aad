import Foundation

/// The parts of KANJIDIC2 the app uses: per character its readings, meanings in every
/// language given, and the misc fields.
struct Kanjidic {
  struct Entry {
    var literal = ""
    var meanings: [String] = []
    var otherMeanings: [String: [String]] = [:]
    var onyomi: [String] = []
    var kunyomi: [String] = []
    var nanori: [String] = []
    var grade: Int?
    var jlpt: Int?
    var frequency: Int?
    var strokeCount: Int?
    var radical: Int?
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// `database_version` and `date_of_creation` from the header.
  var databaseVersion = ""
  var dateOfCreation = ""
  var entries: [Entry] = []

  init(xml bytes: [UInt8]) throws {
    var scanner = XMLScanner(bytes: bytes)
    var entry: Entry?
    var sawRoot = false
    do {
      while let token = try scanner.next() {
        guard case .start(let name, let attributes, let selfClosing) = token, !selfClosing else {
          if case .end("character") = token, let done = entry {
            guard !done.literal.isEmpty else {
              throw Failure(description: "a <character> without <literal>")
            }
            entries.append(done)
            entry = nil
          }
          continue
        }
        if !sawRoot {
          guard name == "kanjidic2" else {
            throw Failure(description: "not a KANJIDIC2 file (the root element is <\(name)>)")
          }
          sawRoot = true
          continue
        }
        func attribute(_ key: String) -> String? {
          attributes.first { $0.name == key }?.value
        }
        switch name {
        case "database_version": databaseVersion = try scanner.textContent(of: name)
        case "date_of_creation": dateOfCreation = try scanner.textContent(of: name)
        case "character": entry = Entry()
        case "literal":
          let text = try scanner.textContent(of: name)
          guard text.unicodeScalars.count == 1 else {
            throw Failure(description: "the literal \"\(text)\" is not one character")
          }
          entry?.literal = text
        case "rad_value" where attribute("rad_type") == "classical":
          let value = try Self.number(scanner.textContent(of: name), name, entry?.literal)
          entry?.radical = value
        case "grade":
          let value = try Self.number(scanner.textContent(of: name), name, entry?.literal)
          entry?.grade = value
        case "stroke_count":
          // The first count is the accepted one; later ones are common miscounts.
          let value = try Self.number(scanner.textContent(of: name), name, entry?.literal)
          if entry?.strokeCount == nil { entry?.strokeCount = value }
        case "freq":
          let value = try Self.number(scanner.textContent(of: name), name, entry?.literal)
          entry?.frequency = value
        case "jlpt":
          let value = try Self.number(scanner.textContent(of: name), name, entry?.literal)
          entry?.jlpt = value
        case "reading":
          let text = try scanner.textContent(of: name)
          switch attribute("r_type") {
          case "ja_on": entry?.onyomi.append(text)
          case "ja_kun": entry?.kunyomi.append(text)
          default: break
          }
        case "meaning":
          let text = try scanner.textContent(of: name)
          if let language = attribute("m_lang"), language != "en" {
            entry?.otherMeanings[language, default: []].append(text)
          } else {
            entry?.meanings.append(text)
          }
        case "nanori":
          entry?.nanori.append(try scanner.textContent(of: name))
        default:
          continue
        }
      }
    } catch let error as XMLScanner.Failure {
      throw Failure(description: "malformed XML: \(error)")
    }
    guard sawRoot else { throw Failure(description: "not a KANJIDIC2 file (no root element)") }
    guard !entries.isEmpty else { throw Failure(description: "no <character> entries") }
  }

  private static func number(_ text: String, _ field: String, _ literal: String?) throws -> Int {
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
      throw Failure(
        description: "<\(field)> of \(literal ?? "an entry") is not a number: \"\(text)\"")
    }
    return value
  }
}

import KanjiData

/// The words `add --words` names: the words themselves, `freq:N` (the N most frequent common
/// words) or `jlpt:N4` (the common words with a kanji of that level whose other kanji are of
/// that level or easier), the most frequent first.
public enum WordSelection {
  public static func words(_ spec: String, reference: ReferenceDatabase) throws -> (
    known: [String], unknown: [String]
  ) {
    let lowered = spec.lowercased()
    if lowered.hasPrefix("freq:") {
      guard let count = Int(spec.dropFirst(5)), (1...100_000).contains(count) else {
        throw AppError("freq: takes a number of words from 1 to 100000, as freq:100")
      }
      return (try reference.mostFrequentWords(limit: count).map(\.written), [])
    }
    if lowered.hasPrefix("jlpt:") {
      guard let level = Int(lowered.dropFirst(5).drop { $0 == "n" }), (1...5).contains(level)
      else { throw AppError("the JLPT level is N5, N4, N3, N2 or N1 (jlpt:N4)") }
      let own = Set(try reference.characters(matching: .jlpt(level)))
      var allowed = own
      for easier in stride(from: level + 1, through: 5, by: 1) {
        allowed.formUnion(try reference.characters(matching: .jlpt(easier)))
      }
      let words = try reference.mostFrequentWords(limit: .max, kanjiIn: allowed)
        .filter { $0.kanji.contains(where: own.contains) }
      var seen = Set<String>()
      return (words.map(\.written).filter { seen.insert($0).inserted }, [])
    }
    let written = spec.split(whereSeparator: \.isWhitespace).map(String.init)
    var known: [String] = []
    var unknown: [String] = []
    for word in written {
      if try reference.words(written: word).isEmpty {
        unknown.append(word)
      } else {
        known.append(word)
      }
    }
    return (known, unknown)
  }
}

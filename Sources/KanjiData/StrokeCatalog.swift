/// Every character's main strokes as stored, read in one pass and grouped by stroke count: a
/// stroke count's kanji are then decoded on demand, on any thread, without the database. For a
/// batch that needs most stroke counts, one pass instead of a table scan per count.
public struct StrokeCatalog: Sendable {
  struct Entry: Sendable {
    var character: String
    var blob: [UInt8]
  }

  let path: String
  let byStrokeCount: [Int: [Entry]]

  /// The kanji of `strokeCount` strokes, in code point order, strokes only (no variants or
  /// dictionary fields): what `ReferenceDatabase.allStrokes(strokeCount:)` returns.
  public func kanji(strokeCount: Int) throws -> [Kanji] {
    try (byStrokeCount[strokeCount] ?? []).map { entry in
      do {
        let strokes = try entry.blob.withUnsafeBytes { try StrokeCodec.decode($0) }
        return Kanji(character: entry.character, strokes: strokes)
      } catch {
        throw ReferenceDataError(
          description: "\(path): the strokes of \(entry.character): \(error)")
      }
    }
  }
}

extension ReferenceDatabase {
  /// Every character's encoded main strokes, by stroke count, in code point order.
  public func strokeCatalog() throws -> StrokeCatalog {
    var byStrokeCount: [Int: [StrokeCatalog.Entry]] = [:]
    try eachEncodedStrokeSet { character, blob in
      // The count a blob's header declares, kept only when the header is the one
      // `allStrokes(strokeCount:)` matches.
      guard let count = StrokeCodec.declaredStrokeCount(blob),
        blob.starts(with: StrokeCodec.header(strokeCount: count))
      else { return }
      byStrokeCount[count, default: []].append(.init(character: character, blob: blob))
    }
    return StrokeCatalog(path: path, byStrokeCount: byStrokeCount)
  }
}

extension StrokeCodec {
  /// The stroke count a blob's header declares; nil when it is not in this format.
  static func declaredStrokeCount(_ blob: [UInt8]) -> Int? {
    guard blob.first == format else { return nil }
    var value = 0
    var shift = 0
    for byte in blob.dropFirst() {
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
      guard shift < 63 else { return nil }
    }
    return nil
  }
}

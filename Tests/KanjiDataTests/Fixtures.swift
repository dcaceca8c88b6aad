import Foundation
import TestSupport

@testable import KanjiData

/// Small KanjiVG and KANJIDIC2 files written by the tests, in the upstream layout, in a
/// temporary folder that goes when the value does.
struct Fixtures {
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }

  init() throws {
    temporary = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("kanji"), withIntermediateDirectories: true)
  }

  var kanjivg: String { folder.path }
  var database: String { folder.appendingPathComponent("kanji.sqlite").path }

  /// A KanjiVG file for `character` (a variant when `variant` is set) with the given strokes.
  @discardableResult
  func svg(
    _ character: Character, variant: String? = nil, strokes: [(type: String, d: String)],
    element: String? = nil
  ) throws -> String {
    let hex = String(format: "%05x", character.unicodeScalars.first!.value)
    let id = variant.map { "\(hex)-\($0)" } ?? hex
    let paths = strokes.enumerated().map { i, s in
      "\t\t<path id=\"kvg:\(id)-s\(i + 1)\" kvg:type=\"\(s.type)\" d=\"\(s.d)\"/>"
    }.joined(separator: "\n")
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd" [
      <!ATTLIST g
      xmlns:kvg CDATA #FIXED "http://kanjivg.tagaini.net"
      kvg:element CDATA #IMPLIED >
      <!ATTLIST path
      xmlns:kvg CDATA #FIXED "http://kanjivg.tagaini.net"
      kvg:type CDATA #IMPLIED >
      ]>
      <svg xmlns="http://www.w3.org/2000/svg" width="109" height="109" viewBox="0 0 109 109">
      <g id="kvg:StrokePaths_\(id)" style="fill:none;stroke:#000000;stroke-width:3;">
      <g id="kvg:\(id)" kvg:element="\(character)">
      \t<g id="kvg:\(id)-g1" kvg:element="\(element ?? String(character))" kvg:position="top" kvg:radical="general">
      \(paths)
      \t</g>
      </g>
      </g>
      <g id="kvg:StrokeNumbers_\(id)" style="font-size:8;fill:#808080">
      \t<text transform="matrix(1 0 0 1 10 10)">1</text>
      </g>
      </svg>
      """
    return try write(text, to: "kanji/\(id).svg")
  }

  /// A KANJIDIC2 file with one entry per (character, grade, stroke count, meaning, reading).
  @discardableResult
  func kanjidic(
    _ entries: [(Character, grade: Int, strokes: Int, meaning: String, on: String)],
    name: String = "kanjidic2.xml", cutAt: Int? = nil
  ) throws -> String {
    let body = entries.map { e in
      """
      <character>
      <literal>\(e.0)</literal>
      <radical><rad_value rad_type="classical">1</rad_value><rad_value rad_type="nelson_c">1</rad_value></radical>
      <misc><grade>\(e.grade)</grade><stroke_count>\(e.strokes)</stroke_count><stroke_count>9</stroke_count><freq>2</freq><jlpt>4</jlpt></misc>
      <reading_meaning><rmgroup>
      <reading r_type="pinyin">yi1</reading><reading r_type="ja_on">\(e.on)</reading><reading r_type="ja_kun">ひと-</reading>
      <meaning>\(e.meaning)</meaning><meaning m_lang="fr">un &amp; seul</meaning>
      </rmgroup><nanori>かず</nanori></reading_meaning>
      </character>
      """
    }.joined(separator: "\n")
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE kanjidic2 [
      \t<!ELEMENT kanjidic2 (header,character*)>
      \t<!-- a comment in the DTD -->
      ]>
      <kanjidic2>
      <header><file_version>4</file_version><database_version>2022-235</database_version><date_of_creation>2022-08-23</date_of_creation></header>
      \(body)
      </kanjidic2>
      """
    if let cutAt { text = String(text.utf8.prefix(cutAt))! }
    return try write(text, to: name)
  }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// The standard small set: 一 (with a variant), 二, and the kana あ.
  func standardSet() throws -> String {
    try svg(
      "一",
      strokes: [("㇐", "M11,54.25c3.5,0.75,11.24,1.12,14.75,0.75c27.25-2.75,47.5-4.5,67.75-3.25")])
    try svg("一", variant: "Kaisho", strokes: [("㇐", "M12,54C30,53,60,51,93,52")])
    try svg(
      "二",
      strokes: [
        ("㇐", "M27.5,28.5c1.5,0.5,4.25,0.75,6.25,0.5s25-3,30.5-3s5,0.5,6.25,0.75"),
        ("㇐", "M14.25,77.25c2.5,0.75,5.69,0.69,8.25,0.5S79,73,88.5,73"),
      ])
    try svg("あ", strokes: [("", "M30,30c10,0,20,0,30,0")])
    return try kanjidic([
      ("一", grade: 1, strokes: 1, meaning: "one", on: "イチ"),
      ("二", grade: 1, strokes: 2, meaning: "two", on: "ニ"),
      ("三", grade: 1, strokes: 3, meaning: "three", on: "サン"),
    ])
  }
}

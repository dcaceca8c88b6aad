import Foundation
import TestSupport
import Testing

@testable import KanjiData

@Suite struct RealDataTests {
  /// Jōyō kanji whose KanjiVG stroke count differs from KANJIDIC2's, and why. KANJIDIC2
  /// counts these 2010 additions in their simplified (permitted) print form; KanjiVG draws the
  /// official Jōyō form.
  static let strokeCountExceptions: [String: String] = [
    "僅": "KanjiVG draws the traditional 堇 (13); KANJIDIC2 counts 12",
    "牙": "KanjiVG draws the Japanese form (4); KANJIDIC2 counts the traditional 5",
    "葛": "KanjiVG draws 曷 with 人 (12); KANJIDIC2 counts the ヒ form (11)",
    "謎": "KanjiVG draws 辶 with two dots (17); KANJIDIC2 counts one dot (16)",
    "賭": "KanjiVG draws 者 with its dot (16); KANJIDIC2 counts 15",
    "遜": "KanjiVG draws 辶 with two dots (14); KANJIDIC2 counts one dot (13)",
    "遡": "KanjiVG draws 辶 with two dots (14); KANJIDIC2 counts one dot (13)",
    "餅": "KanjiVG draws the official 飠 (15); KANJIDIC2 counts the simplified 食 (14)",
    "餌": "KanjiVG draws the official 飠 (15); KANJIDIC2 counts the simplified 食 (14)",
  ]

  @Test func everyJoyoKanjiHasStrokesMeaningsAndReadings() throws {
    let db = try RealData.openDatabase()
    let joyo = try db.characters(matching: .joyo)
    #expect(joyo.count == 2136)
    var mismatched: [String] = []
    for character in joyo {
      let kanji = try #require(try db.kanji(character), "\(character) is missing")
      #expect(!kanji.strokes.strokes.isEmpty, "\(character) has no strokes")
      #expect(!kanji.meanings.isEmpty, "\(character) has no English meaning")
      #expect(!(kanji.onyomi + kanji.kunyomi).isEmpty, "\(character) has no reading")
      #expect(kanji.isJoyo)
      if kanji.strokes.strokes.count != kanji.strokeCount { mismatched.append(character) }
    }
    #expect(Double(mismatched.count) / Double(joyo.count) <= 0.01)
    let unexplained = mismatched.filter { Self.strokeCountExceptions[$0] == nil }
    #expect(unexplained.isEmpty, "stroke counts differ from KANJIDIC2: \(unexplained)")
  }

  @Test func everyKanjiVGFileParses() throws {
    let source = try KanjiVGSource(path: Repository.require(RealData.wheel))
    #expect(source.fileCount == 11_662)
    var failures: [String] = []
    var strokes = 0
    for index in 0..<source.fileCount {
      do {
        let file = try KanjiVGFile(bytes: try source.contents(index))
        strokes += file.paths.count
      } catch {
        failures.append("\(source.name(index)): \(error)")
      }
    }
    #expect(failures.isEmpty, "\(failures.prefix(10))")
    #expect(strokes > 140_000)
  }

  /// Every Jōyō kanji's stored strokes against its KanjiVG paths: same ends, every stored
  /// point within 0.5 u of the curve, and every point of the curve within 0.5 u of the
  /// stored polyline (no shape lost).
  @Test func storedStrokesFollowTheirCurves() throws {
    let db = try RealData.openDatabase()
    let source = try KanjiVGSource(path: Repository.require(RealData.wheel))
    var index: [String: Int] = [:]
    for i in 0..<source.fileCount { index[source.name(i)] = i }
    var checked = 0
    for character in try db.characters(matching: .joyo) {
      let name = String(format: "%05x.svg", character.unicodeScalars.first!.value)
      let file = try KanjiVGFile(bytes: try source.contents(try #require(index[name])))
      let stored = try #require(try db.strokes(character))
      #expect(stored.strokes.count == file.paths.count)
      for (stroke, path) in zip(stored.strokes, file.paths) {
        let points = stroke.points
        // Stored in thousandths: exact for KanjiVG's usual two decimals, else within 0.0005.
        #expect(points.first!.distance(to: path.start) < 0.0008, "\(character) start")
        #expect(points.last!.distance(to: path.end) < 0.0008, "\(character) end")
        let dense = path.segments.flatMap { s in (0...16).map { s.point(at: Double($0) / 16) } }
        let curve = dense.isEmpty ? [path.start] : dense
        for point in points {
          #expect(Geometry.distance(point, toPolyline: curve) <= 0.5, "\(character) point off")
        }
        for point in curve {
          #expect(Geometry.distance(point, toPolyline: points) <= 0.5, "\(character) shape lost")
        }
        checked += 1
      }
    }
    #expect(checked > 20_000)
  }

  @Test func loadsComponentsVariantsAndDictionaryData() throws {
    let db = try RealData.openDatabase()
    let gaku = try #require(try db.kanji("学"))
    #expect(gaku.strokes.strokes.count == 8)
    #expect(gaku.strokes.strokes[0].type == "㇔")
    #expect(gaku.meanings.contains("study"))
    #expect(gaku.onyomi == ["ガク"])
    #expect(gaku.kunyomi.contains("まな.ぶ"))
    #expect(gaku.grade == 1 && gaku.jlpt == 4 && gaku.strokeCount == 8 && gaku.radical == 39)
    #expect(gaku.otherMeanings["fr"]?.isEmpty == false)
    let child = try #require(gaku.strokes.components.first { $0.element == "子" })
    #expect(child.strokes == [5, 6, 7] && child.position == "bottom" && child.radical == "general")
    #expect(gaku.strokes.components.contains { $0.element == "⺍" && $0.original == "つ" })
    #expect(gaku.variants.isEmpty)
    let master = try #require(try db.kanji("主"))
    #expect(master.variants.map(\.name).contains("VtLst"))
    #expect(master.variants.allSatisfy { $0.strokes.strokes.count == 5 })
    #expect(try db.kanji("あ") == nil)
    #expect(try db.kanji("学校") == nil)
  }

  @Test func selectorsUseKanjidicFields() throws {
    let db = try RealData.openDatabase()
    #expect(try db.characters(matching: .grade(1)).count == 80)
    let n5 = try db.characters(matching: .jlpt(5))
    #expect(n5.count > 90 && n5.contains("日"))
    let n3 = try db.characters(matching: .jlpt(3))
    let n2 = try db.characters(matching: .jlpt(2))
    #expect(Set(n3).isDisjoint(with: n2) && abs(n3.count - n2.count) <= 1)
    let top = try db.characters(matching: .frequency(10))
    #expect(top.count == 10 && top.first == "日")
    #expect(try db.characters(matching: .literal(["学", "校", "学"])) == ["学", "校"])
    #expect(throws: ReferenceDataError.self) { try db.characters(matching: .literal(["𠀋"])) }
    let metadata = try db.metadata()
    #expect(
      metadata["kanjivg_sha256"]
        == "5190e7ec4eb513dbe6865b2ed52c58287fc10ea514b9409e4cf66ce7db41644d")
  }

  @Test func allKanjiIsEveryCharacterWithStrokes() throws {
    let all = try RealData.openDatabase().allKanji()
    #expect(all.count > 6_000)
    #expect(all.allSatisfy { !$0.strokes.strokes.isEmpty })
    #expect(all.contains { $0.character == "主" && !$0.variants.isEmpty })
  }

  @Test func strokesOnlyLoadersMatchTheFullOnes() throws {
    let db = try RealData.openDatabase()
    let full = try db.allKanji()
    let strokes = try db.allStrokes()
    #expect(strokes.map(\.character) == full.map(\.character))
    #expect(strokes.map(\.strokes) == full.map(\.strokes))
    for count in [1, 5, 12, 30] {
      let some = try db.allStrokes(strokeCount: count)
      #expect(!some.isEmpty || count == 30)
      #expect(some == strokes.filter { $0.strokes.strokes.count == count })
    }
    let catalog = try db.strokeCatalog()
    for count in 0...40 {
      #expect(try catalog.kanji(strokeCount: count) == db.allStrokes(strokeCount: count))
    }
    let forms = try #require(try db.strokeForms("主"))
    let kanji = try #require(try db.kanji("主"))
    #expect(forms.strokes == kanji.strokes && forms.variants == kanji.variants)
    #expect(try db.strokeForms("𠀋") == nil)
  }
}

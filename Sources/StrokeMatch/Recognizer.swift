import Foundation
import KanjiData

/// Ranks kanji by how well a drawing matches them: a fast in-order comparison over every
/// candidate with a similar stroke count, then the grader's full matching over the best few.
public struct Recognizer: Sendable {
  struct Template: Sendable {
    var character: String
    var form: PreparedStrokeSet
    /// Each stroke resampled to a few points, flattened.
    var coarse: [Point]
  }

  static let coarseCount = 6
  static let window = 2
  static let shortlist = 24

  let templates: [Template]
  let byStrokeCount: [Int: [Int]]

  public init(candidates: [Kanji]) {
    var templates: [Template] = []
    var byStrokeCount: [Int: [Int]] = [:]
    for kanji in candidates where !kanji.strokes.strokes.isEmpty {
      let form = PreparedStrokeSet(name: "", strokeSet: kanji.strokes)
      let coarse = form.strokes.flatMap { Polyline.resample($0.polyline, count: Self.coarseCount) }
      byStrokeCount[form.strokes.count, default: []].append(templates.count)
      templates.append(Template(character: kanji.character, form: form, coarse: coarse))
    }
    self.templates = templates
    self.byStrokeCount = byStrokeCount
  }

  public func recognize(_ drawing: Drawing, top: Int) -> [(kanji: String, score: Double)] {
    let prepared = PreparedDrawing(drawing)
    let n = prepared.strokes.count
    guard n > 0, top > 0 else { return [] }
    let coarseDrawn = prepared.strokes.map { Polyline.resample($0.polyline, count: Self.coarseCount) }
    var ranked: [(index: Int, cost: Double)] = []
    for m in max(1, n - Self.window)...(n + Self.window) {
      for index in byStrokeCount[m] ?? [] {
        let cost = coarseCost(coarseDrawn, prepared.bounds, templates[index])
        ranked.append((index, cost))
      }
    }
    ranked.sort { $0.cost < $1.cost }
    let tolerance = Tolerance(leniency: .normal, quantisation: prepared.quantisation)
    let matcher = Matcher(tolerance: tolerance)
    var fine: [(kanji: String, cost: Double)] = []
    for (index, _) in ranked.prefix(max(Self.shortlist, top)) {
      let template = templates[index]
      let match = matcher.match(prepared, template.form)
      fine.append((template.character, fineCost(match)))
    }
    fine.sort { $0.cost < $1.cost }
    return fine.prefix(top).map { (kanji: $0.kanji, score: (1 / (1 + $0.cost) * 1000).rounded() / 1000) }
  }

  /// Total assignment cost per stroke, plus a charge for each stroke drawn out of order.
  func fineCost(_ match: Match) -> Double {
    let sequence = match.referenceOfDrawn.compactMap { $0 }
    var inversions = 0
    for a in sequence.indices {
      for b in sequence.indices where b > a && sequence[b] < sequence[a] { inversions += 1 }
    }
    let strokes = Double(max(match.referenceOfDrawn.count, match.drawnOfReference.count))
    return (match.total + 0.3 * Double(min(inversions, 4))) / strokes
  }

  /// Drawn strokes compared with the template's in order, allowing a stroke skipped on either side.
  func coarseCost(_ drawn: [[Point]], _ bounds: Bounds, _ template: Template) -> Double {
    let placement = Placement.fitting(bounds, onto: template.form.bounds)
    let k = Self.coarseCount
    let n = drawn.count
    let m = template.form.strokes.count
    let skip = 1.2
    // pair(i, j): mean distance of drawn stroke i to template stroke j over 30 units, either way.
    func pair(_ i: Int, _ j: Int) -> Double {
      var forward = 0.0
      var backward = 0.0
      let base = j * k
      for s in 0..<k {
        let p = placement.apply(drawn[i][s])
        forward += p.distance(to: template.coarse[base + s])
        backward += p.distance(to: template.coarse[base + k - 1 - s])
      }
      return min(forward, backward + 4 * Double(k)) / (Double(k) * 12)
    }
    // Banded dynamic programming over (drawn, template) prefixes.
    let band = Self.window + 1
    var previous = [Double](repeating: .infinity, count: m + 1)
    var current = previous
    previous[0] = 0
    for j in stride(from: 1, through: min(m, band), by: 1) { previous[j] = Double(j) * skip }
    for i in 1...n {
      current = [Double](repeating: .infinity, count: m + 1)
      if i <= band { current[0] = Double(i) * skip }
      let low = max(1, i - band)
      let high = min(m, i + band)
      if low <= high {
        for j in low...high {
          var best = previous[j - 1] + pair(i - 1, j - 1)
          best = min(best, previous[j] + skip, current[j - 1] + skip)
          current[j] = best
        }
      }
      previous = current
    }
    return previous[m] / Double(max(n, m))
  }
}

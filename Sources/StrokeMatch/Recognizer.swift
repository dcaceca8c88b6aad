import Foundation
import KanjiData

/// Ranks kanji by how well a drawing matches them: a fast in-order comparison over every
/// candidate with a similar stroke count, then the grader's full matching over the best few.
public struct Recognizer: Sendable {
  static let coarseCount = 6
  static let window = 2
  static let shortlist = 10
  static let prefilter = 100

  let characters: [String]
  let strokeSets: [StrokeSet]
  /// Every template's strokes resampled to `coarseCount` points, one flat array; template t's
  /// strokes start at `offsets[t]`.
  let coarse: [Point]
  let offsets: [Int]
  let strokeCounts: [Int]
  let bounds: [Bounds]
  let byStrokeCount: [Int: [Int]]
  let preparedForms = PreparedForms()

  public init(candidates: [Kanji]) {
    var characters: [String] = []
    var strokeSets: [StrokeSet] = []
    var coarse: [Point] = []
    var offsets: [Int] = []
    var strokeCounts: [Int] = []
    var bounds: [Bounds] = []
    var byStrokeCount: [Int: [Int]] = [:]
    coarse.reserveCapacity(
      candidates.reduce(0) { $0 + $1.strokes.strokes.count } * Self.coarseCount)
    for kanji in candidates where !kanji.strokes.strokes.isEmpty {
      let strokes = kanji.strokes.strokes
      byStrokeCount[strokes.count, default: []].append(characters.count)
      characters.append(kanji.character)
      strokeSets.append(kanji.strokes)
      offsets.append(coarse.count)
      strokeCounts.append(strokes.count)
      var box = Bounds()
      for stroke in strokes {
        let points = Polyline.deduplicated(stroke.points)
        Polyline.appendResampled(
          points.isEmpty ? stroke.points : points, count: Self.coarseCount, to: &coarse)
        for point in stroke.points { box.add(point) }
      }
      bounds.append(box)
    }
    self.characters = characters
    self.strokeSets = strokeSets
    self.coarse = coarse
    self.offsets = offsets
    self.strokeCounts = strokeCounts
    self.bounds = bounds
    self.byStrokeCount = byStrokeCount
  }

  /// How many kanji the recogniser chooses from.
  public var count: Int { characters.count }

  public func recognize(_ drawing: Drawing, top: Int) -> [(kanji: String, score: Double)] {
    recognize(
      drawing, top: top, window: Self.window, prefilter: Self.prefilter, shortlist: Self.shortlist)
  }

  /// `window`: how far a candidate's stroke count may be from the drawing's; `prefilter`: how many
  /// of the ends-only comparison's best are compared by their whole strokes; `shortlist`: how
  /// many of those get the full matching.
  func recognize(_ drawing: Drawing, top: Int, window: Int, prefilter: Int, shortlist: Int)
    -> [(kanji: String, score: Double)]
  {
    let prepared = PreparedDrawing(drawing)
    let n = prepared.strokes.count
    guard n > 0, top > 0 else { return [] }
    let drawn = prepared.strokes.flatMap {
      Polyline.resample($0.polyline, count: Self.coarseCount)
    }
    let ranked = coarseRanking(
      drawn, strokes: n, bounds: prepared.bounds, window: window, prefilter: prefilter)
    let matcher = Matcher(
      tolerance: Tolerance(leniency: .normal, quantisation: prepared.quantisation))
    var fine: [(kanji: String, cost: Double)] = []
    for (index, _) in ranked.prefix(max(shortlist, top)) {
      let form = preparedForms.form(index) {
        PreparedStrokeSet(name: "", strokeSet: strokeSets[index], measuringGaps: false)
      }
      fine.append((characters[index], fineCost(matcher.match(prepared, form, placingGaps: false))))
    }
    fine.sort { $0.cost < $1.cost }
    return fine.prefix(top).map {
      (kanji: $0.kanji, score: (1 / (1 + $0.cost) * 1000).rounded() / 1000)
    }
  }

  /// Candidates with a stroke count within `window` of the drawing's, cheapest first.
  func coarseRanking(
    _ drawn: [Point], strokes n: Int, bounds: Bounds, window: Int, prefilter: Int = prefilter,
    excluding: String? = nil
  )
    -> [(index: Int, cost: Double)]
  {
    var ranked: [(index: Int, cost: Double)] = []
    var previous = [Double](repeating: 0, count: 64)
    var current = previous
    var placed = drawn
    // First by the strokes' ends alone, then the best few by their whole course.
    for m in max(1, n - window)...(n + window) {
      for index in byStrokeCount[m] ?? [] where characters[index] != excluding {
        let cost = coarseCost(
          drawn, n, bounds, index, endsOnly: true, &previous, &current, &placed)
        ranked.append((index, cost))
      }
    }
    ranked.sort { $0.cost < $1.cost }
    var refined = ranked.prefix(prefilter).map { candidate in
      (
        index: candidate.index,
        cost: coarseCost(
          drawn, n, bounds, candidate.index, endsOnly: false, &previous, &current, &placed)
      )
    }
    refined.sort { $0.cost < $1.cost }
    return refined
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

  /// Drawn strokes compared with the template's in order, a stroke skipped on either side at a
  /// charge: banded dynamic programming over (drawn, template) prefixes. `endsOnly`: by the
  /// strokes' first and last samples alone, rather than all of them.
  func coarseCost(
    _ drawn: [Point], _ n: Int, _ drawnBounds: Bounds, _ template: Int, endsOnly: Bool,
    _ previous: inout [Double], _ current: inout [Double], _ placed: inout [Point]
  ) -> Double {
    let placement = Placement.fitting(drawnBounds, onto: bounds[template])
    let k = Self.coarseCount
    let m = strokeCounts[template]
    let base = offsets[template]
    let skip = 1.2
    let band = Self.window + 1
    if previous.count < m + 1 {
      previous = [Double](repeating: 0, count: m + 1)
      current = previous
    }
    // The drawn points in the template's frame, placed once each rather than once per pair.
    for i in 0..<n {
      if endsOnly {
        placed[i * k] = placement.apply(drawn[i * k])
        placed[i * k + k - 1] = placement.apply(drawn[i * k + k - 1])
      } else {
        for s in 0..<k { placed[i * k + s] = placement.apply(drawn[i * k + s]) }
      }
    }
    return coarse.withUnsafeBufferPointer { reference in
      placed.withUnsafeBufferPointer { points in
        // Mean distance of drawn stroke i to template stroke j, in 12-unit steps, either way.
        // The same sums in the same order either way; the ends are written out, the innermost
        // step of every candidate of every drawing named.
        func pair(_ i: Int, _ j: Int) -> Double {
          var forward = 0.0
          var backward = 0.0
          let r = base + j * k
          let count: Double
          if endsOnly {
            let first = points[i * k]
            let last = points[i * k + k - 1]
            forward += first.distance(to: reference[r])
            backward += first.distance(to: reference[r + k - 1])
            forward += last.distance(to: reference[r + k - 1])
            backward += last.distance(to: reference[r])
            count = 2
          } else {
            for s in 0..<k {
              let p = points[i * k + s]
              forward += p.distance(to: reference[r + s])
              backward += p.distance(to: reference[r + k - 1 - s])
            }
            count = Double(k)
          }
          return min(forward, backward + 4 * count) / (count * 12)
        }
        return previous.withUnsafeMutableBufferPointer { previousRow in
          current.withUnsafeMutableBufferPointer { currentRow in
            var previous = previousRow
            var current = currentRow
            for j in 0...m { previous[j] = j <= band ? Double(j) * skip : .infinity }
            for i in 1...n {
              for j in 0...m { current[j] = .infinity }
              if i <= band { current[0] = Double(i) * skip }
              let low = max(1, i - band)
              let high = min(m, i + band)
              if low <= high {
                for j in low...high {
                  current[j] = min(
                    previous[j - 1] + pair(i - 1, j - 1), previous[j] + skip,
                    current[j - 1] + skip)
                }
              }
              swap(&previous, &current)
            }
            return previous[m] / Double(max(n, m))
          }
        }
      }
    }
  }
}

/// The fine stage's templates, prepared on first use and kept: a batch meets the same few again
/// (the look-alikes of what it draws), and preparing one costs about as much as matching it.
final class PreparedForms: @unchecked Sendable {
  private var forms: [Int: PreparedStrokeSet] = [:]
  private let lock = NSLock()

  /// Prepared outside the lock, so that other threads find or prepare their own forms meanwhile;
  /// two threads preparing the same form at once both get an equal one.
  func form(_ index: Int, prepare: () -> PreparedStrokeSet) -> PreparedStrokeSet {
    if let form = lock.withLock({ forms[index] }) { return form }
    let form = prepare()
    return lock.withLock {
      if let kept = forms[index] { return kept }
      forms[index] = form
      return form
    }
  }
}

extension Recognizer {
  /// The candidates whose reference strokes look most like `kanji`'s, best first: the kanji a
  /// learner is most likely to confuse with it. Its other handwritten form (喻 for 喩) is the
  /// same kanji, not one to confuse it with.
  public func lookalikes(of kanji: Kanji, count: Int) -> [String] {
    let strokes = kanji.strokes.strokes
    guard !strokes.isEmpty else { return [] }
    let drawn = strokes.flatMap { Polyline.resample($0.points, count: Self.coarseCount) }
    let ranked = coarseRanking(
      drawn, strokes: strokes.count, bounds: Bounds(strokes.flatMap(\.points)), window: 1,
      excluding: kanji.character)
    return Array(
      ranked.lazy.map { self.characters[$0.index] }
        .filter { !HandwrittenForms.same($0, kanji.character) }.prefix(count))
  }
}

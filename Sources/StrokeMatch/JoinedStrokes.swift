import KanjiData

/// Strokes a real hand draws in one go or in pieces: consecutive reference strokes drawn as one
/// (the two bends of 阝, ㇕ carried on into 口's bottom line), or one stroke lifted midway.
/// Found by comparing paths: the drawn path against the reference strokes laid end to end (the
/// pen's move between them included), each way, so that neither may stray from the other.
struct JoinedStrokes {
  var tolerance: Tolerance

  /// The most reference strokes one drawn stroke is taken to join, and the most pieces one
  /// reference stroke is taken to be drawn in.
  static let longestRun = 3
  /// The share of a stroke's mean tolerance two paths may stray from each other on average
  /// (`follows`), and how many times that the worst point of either may.
  static let nearestShare = 0.8  // bigger = looser paths still read as joined or split
  static let worstPoint = 2.0  // bigger = a path may stray further at one point
  /// How many times the mean distance allowed the worst point of a reference stroke may lie
  /// from the drawn path (`covers`): a stroke's end drawn short on the way into or out of a
  /// joining leaves its last points uncovered.
  static let worstCovered = 2.0  // bigger = a joined stroke's end may be drawn shorter
  /// The pieces of a split stroke together at most this many times its length: longer, they
  /// are a stroke drawn twice over.
  static let splitLength = 1.4  // bigger = overlapping pieces still read as one stroke split
  /// How much less nearly (a share of the tolerance) a drawn stroke may follow the strokes laid
  /// end to end than the one it was matched to, and still be read as joining them.
  static let joinedMargin = 0.1  // bigger = overlapping strokes read as joined sooner
  /// The share of its own tolerance each stroke must be covered within beside a stroke the
  /// drawn one is right for.
  static let closeShare = 0.8  // bigger = a short neighbour left out read as joined sooner
  /// How far (cells) a joined-on stroke must reach away from the stroke the drawn one was
  /// matched to for the path's going there to tell a joining from a neighbour left out, and how
  /// near (a share of that reach) the path must come to its far point.
  static let farCells = 2.0  // bigger = only longer neighbours are told joined by their reach
  static let visitedShare = 0.5  // bigger = a path nearer the taken stroke still reads as joined
  /// A drawn stroke that keeps pace with the strokes laid end to end (`keepsPace`) is longer
  /// than the one it was matched to by at least this share of what the others and the pen's
  /// moves add to it.
  static let addedShare = 0.2  // bigger = a short neighbour joined on must be drawn longer
  /// A stroke joining others is at least this share of their inked length together.
  static let joinedLength = 0.7  // bigger = a joining must be drawn more fully
  /// And at most this many times as long as they are laid end to end, the pen's moves included.
  static let joinedLongest = 1.6  // bigger = a joining may be drawn with longer overshoots
  /// How many pairings around a joining are tried, cheapest first (`rematched`).
  static let rematchTries = 3  // bigger = slower, a joining found under more pairings
  /// How much less (in pair costs) that pairing must cost than the first: as cheap or a little
  /// cheaper, a stroke left out among look-alikes (馬's dots) reads as two of them joined.
  static let rematchGain = 1.0  // bigger = a pairing around a joining must explain more

  /// A joining found: drawn stroke `drawn` stands for the reference strokes `strokes`.
  struct Joined: Equatable {
    var drawn: Int
    var strokes: [Int]
  }

  /// A split found: reference stroke `stroke` is drawn as the drawn strokes `pieces`.
  struct Split: Equatable {
    var stroke: Int
    var pieces: [Int]
  }

  /// Pieces of one reference stroke among the strokes the match left over: runs of consecutive
  /// drawn strokes, at most one of them matched (to the stroke they make up), that together
  /// follow one reference stroke that is missing or misdrawn.
  func splits(
    _ drawing: PreparedDrawing, _ form: PreparedStrokeSet, _ match: Match,
    verdicts: [Grade.StrokeResult.Verdict]
  ) -> [Split] {
    var found: [Split] = []
    var used = Set<Int>()
    let n = match.referenceOfDrawn.count
    for count in 2...Self.longestRun {
      for first in 0..<max(0, n - count + 1) {
        let run = Array(first..<(first + count))
        guard used.isDisjoint(with: run) else { continue }
        let matched = run.compactMap { match.referenceOfDrawn[$0] }
        guard matched.count <= 1 else { continue }
        let candidates = matched + form.strokes.indices.filter { verdicts[$0] == .missing }
        let pieces = run.map { placed(drawing, $0, match) }
        // The stroke the pieces make up best, of the one a piece was taken for and those missing.
        let best =
          candidates
          .compactMap { j in splitFit(pieces, form.strokes[j]).map { (j, $0) } }
          .min { $0.1 < $1.1 }
        if let (j, _) = best {
          found.append(Split(stroke: j, pieces: run))
          used.formUnion(run)
        }
      }
    }
    return found
  }

  /// Drawn strokes that follow two or more consecutive reference strokes, of which at most one is
  /// matched (to that drawn stroke) and the rest missing. Where joinings vie for a stroke, the
  /// one whose strokes its drawn stroke keeps pace with best wins, not the first in stroke order
  /// (a stroke drawn alone beside a neighbour's joining can pass for joining that neighbour too).
  func joinings(
    _ drawing: PreparedDrawing, _ form: PreparedStrokeSet, _ match: Match,
    verdicts: [Grade.StrokeResult.Verdict], taken: Set<Int>
  ) -> [Joined] {
    let m = form.strokes.count
    var candidates: [(joined: Joined, fit: Double)] = []
    // Each drawn stroke's path is placed once, however many runs it is tried against.
    var paths: [Int: [Point]] = [:]
    for count in 2...Self.longestRun {
      for first in 0..<max(0, m - count + 1) {
        let run = Array(first..<(first + count))
        guard run.contains(where: { verdicts[$0] == .missing }) else { continue }
        let matched = Set(run.compactMap { match.drawnOfReference[$0] })
        guard matched.count <= 1 else { continue }
        let drawn =
          matched.isEmpty
          ? match.referenceOfDrawn.indices.filter {
            match.referenceOfDrawn[$0] == nil && !taken.contains($0)
          } : Array(matched)
        let strokes = run.map { form.strokes[$0] }
        for i in drawn {
          let path = paths[i] ?? placedApart(drawing, form, i, match)
          paths[i] = path
          let taken = run.first { match.drawnOfReference[$0] == i }
          guard
            isJoined(
              path, strokes, takenFor: taken.map { form.strokes[$0] },
              rightForIt: taken.map { verdicts[$0] == .ok } ?? false)
          else { continue }
          candidates.append((Joined(drawn: i, strokes: run), paceFit(path, strokes)))
        }
      }
    }
    var found: [Joined] = []
    var covered = Set<Int>()
    var used = Set<Int>()
    for (joined, _) in candidates.sorted(by: { $0.fit < $1.fit })
    where covered.isDisjoint(with: joined.strokes) && !used.contains(joined.drawn) {
      found.append(joined)
      covered.formUnion(joined.strokes)
      used.insert(joined.drawn)
    }
    return found.sorted { $0.strokes[0] < $1.strokes[0] }
  }

  /// How nearly (in tolerances of the longest) a path keeps pace with strokes laid end to end.
  func paceFit(_ path: [Point], _ strokes: [PreparedStroke]) -> Double {
    let longest = strokes.map(\.length).max() ?? 0
    return Self.stepDistance(path, strokes.flatMap(\.polyline)) / tolerance.mean(longest)
  }

  /// The match paired anew around a joining, when the first pairing missed it: the joined
  /// stroke taken for a stroke elsewhere, or the stroke after it taken for the one it joined on
  /// (雨's dots each moved up one), so that a stroke far from the joining reads as missing.
  /// Each drawn stroke that keeps pace with two consecutive strokes is tried as standing for
  /// them, the rest paired without them; the pairing is kept when it is in stroke order, each
  /// of its other pairs fits, it costs clearly less than the first (`rematchGain`), and the
  /// joining it makes holds up (`isJoined`, strictly).
  func rematched(_ drawing: PreparedDrawing, _ form: PreparedStrokeSet, _ match: Match)
    -> Match?
  {
    let n = drawing.strokes.count
    let m = form.strokes.count
    guard n < m, n >= 2 else { return nil }
    let before = Self.pairingTotal(match.cost, match.referenceOfDrawn, drawn: n, m: m)
    let drawnSteps = (0..<n).map {
      Polyline.resample(placed(drawing, $0, match), count: 2 * sampleCount)
    }
    var tries: [(total: Double, drawn: Int, run: [Int], pairing: [Int?])] = []
    for first in 0..<(m - 1) {
      let run = [first, first + 1]
      let strokes = run.map { form.strokes[$0] }
      let longest = max(strokes[0].length, strokes[1].length)
      let reach = tolerance.endpoint(longest)
      let steps = Polyline.resample(strokes.flatMap(\.polyline), count: 2 * sampleCount)
      for i in 0..<n where drawnSteps[i][0].distance(to: steps[0]) <= reach {
        // Already taken for one of them with the other missing: `joinings` looks there as it is.
        if let j = match.referenceOfDrawn[i], run.contains(j),
          run.allSatisfy({ $0 == j || match.drawnOfReference[$0] == nil })
        {
          continue
        }
        var distance = 0.0
        for (a, b) in zip(drawnSteps[i], steps) { distance += a.distance(to: b) }
        let fit = distance / Double(steps.count) / tolerance.mean(longest)
        guard fit <= 1 else { continue }
        var pairing = Self.paired(match.cost, without: i, strokes: run, n: n, m: m)
        // Taken for the one of the two it fits better, as the matcher would pair it.
        pairing[i] = match.cost[i][first] <= match.cost[i][first + 1] ? first : first + 1
        // The rest each within its tolerance: a pairing that shifts strokes out of their
        // places to fill a gap elsewhere is a stroke missing there, not a joining.
        // In stroke order: a pairing around a joining restores the order the hand kept.
        let order = pairing.compactMap { $0 }
        guard pairing != match.referenceOfDrawn, zip(order, order.dropFirst()).allSatisfy(<),
          pairing.enumerated().allSatisfy({ k, j in
            k == i || j.map { match.cost[k][$0] < 1 } ?? true
          })
        else { continue }
        var rest = pairing
        rest[i] = nil
        let total = Self.pairingTotal(match.cost, rest, drawn: n - 1, m: m - 2) + fit
        if total + Self.rematchGain < before { tries.append((total, i, run, pairing)) }
      }
    }
    let matcher = Matcher(tolerance: tolerance)
    for attempt in tries.sorted(by: { $0.total < $1.total }).prefix(Self.rematchTries) {
      let trial = matcher.assign(drawing, form, match.placement, fixed: attempt.pairing)
      let path = placedApart(drawing, form, attempt.drawn, trial)
      let taken = attempt.pairing[attempt.drawn].map { form.strokes[$0] }
      if isJoined(path, attempt.run.map { form.strokes[$0] }, takenFor: taken, rightForIt: true) {
        return trial
      }
    }
    return nil
  }

  /// The reference stroke of each drawn stroke, paired least dearly (as `Matcher.assign` pairs
  /// them) with drawn stroke `drawn` and the reference strokes `strokes` left out.
  static func paired(_ cost: [[Double]], without drawn: Int, strokes: [Int], n: Int, m: Int)
    -> [Int?]
  {
    let rows = (0..<n).filter { $0 != drawn }
    let columns = (0..<m).filter { !strokes.contains($0) }
    let size = max(rows.count, columns.count)
    let split = 2 * Matcher.unmatchedCost
    var matrix = [Double](repeating: Matcher.unmatchedCost, count: size * size)
    for (r, i) in rows.enumerated() {
      for (c, j) in columns.enumerated() { matrix[r * size + c] = min(cost[i][j], split) }
    }
    var pairing = [Int?](repeating: nil, count: n)
    for (r, c) in Assignment.solve(matrix, size: size).enumerated()
    where r < rows.count && c < columns.count && cost[rows[r]][columns[c]] < split {
      pairing[rows[r]] = columns[c]
    }
    return pairing
  }

  /// What `Matcher.assign` charges for a pairing of `drawn` drawn strokes with `m` reference
  /// strokes: each pair's cost, and a charge for each stroke, drawn or reference, left unpaired.
  static func pairingTotal(_ cost: [[Double]], _ pairing: [Int?], drawn: Int, m: Int) -> Double {
    var total = 0.0
    var pairs = 0
    for (i, j) in pairing.enumerated() {
      guard let j else { continue }
      total += cost[i][j]
      pairs += 1
    }
    let unpaired = drawn + m - 2 * pairs
    return total + Matcher.unmatchedCost * Double(unpaired)
  }

  /// A drawn stroke's polyline under a placement fitted without it: paired point by point
  /// with one of the strokes it joins, it would pull the fit towards that one.
  func placedApart(_ drawing: PreparedDrawing, _ form: PreparedStrokeSet, _ i: Int, _ match: Match)
    -> [Point]
  {
    guard match.referenceOfDrawn[i] != nil else { return placed(drawing, i, match) }
    var without = match
    without.referenceOfDrawn[i] = nil
    let placement =
      Matcher(tolerance: tolerance).refit(drawing, form, without) ?? match.placement
    return drawing.strokes[i].polyline.map(placement.apply)
  }

  /// A drawn stroke's polyline under the match's placement.
  func placed(_ drawing: PreparedDrawing, _ i: Int, _ match: Match) -> [Point] {
    drawing.strokes[i].polyline.map(match.placement.apply)
  }

  /// `takenFor`: the stroke of them the drawn one was matched to, if any; the drawn stroke
  /// must then follow all of them laid end to end more nearly than that one alone (else it is
  /// that stroke, drawn beside a short neighbour left out).
  /// `rightForIt`: the drawn stroke was judged right for that one; it must then follow them
  /// strictly more nearly.
  func isJoined(
    _ path: [Point], _ strokes: [PreparedStroke], takenFor: PreparedStroke? = nil,
    rightForIt: Bool = false
  ) -> Bool {
    guard let start = path.first, let first = strokes.first else { return false }
    let reference = strokes.flatMap(\.polyline)
    let inked = strokes.reduce(0) { $0 + $1.length }
    let longest = strokes.map(\.length).max() ?? inked
    // As long as the strokes together: one of them drawn alone is no joining, however near its
    // neighbour lies (the three of 三).
    let drawnLength = Polyline.length(path) + tolerance.quantisation
    guard drawnLength >= Self.joinedLength * inked,
      drawnLength <= Self.joinedLongest * Polyline.length(reference),
      // Drawn from the first stroke's start: a joining goes the way the strokes go.
      start.distance(to: first.samples[0]) <= tolerance.endpoint(longest)
    else { return false }
    if let takenFor {
      // Beside a stroke it is right for, clearly nearer, unless it goes out to a shorter
      // neighbour's far end; else nearly as near will do.
      let joinedNearness = Self.nearness(path, reference)
      let takenNearness = Self.nearness(path, takenFor.polyline)
      let margin = Self.joinedMargin * tolerance.mean(longest)
      let nearlyAsNear = joinedNearness < takenNearness + margin
      let nearer =
        rightForIt
        ? joinedNearness < takenNearness - 0.5 * margin
          || (nearlyAsNear
            && (visitsTheOthers(path, takenFor, strokes)
              || keepsPace(path, reference, rather: takenFor)))
        : nearlyAsNear
      guard nearer || reachesPast(path, takenFor, strokes) else { return false }
    }
    // Each of them drawn, not only passed near: a stroke drawn alone beside a parallel
    // neighbour left out is no joining.
    // Beside a stroke it is right for, each of the others within its own tolerance.
    guard
      strokes.allSatisfy({
        covers(
          path, $0,
          limit: rightForIt
            ? Self.closeShare * tolerance.mean($0.length) : tolerance.mean(longest))
      })
    else { return false }
    return follows(path, reference, length: longest)
  }

  /// How closely (mean units, point by point) `pieces` drawn one after another make up `stroke`;
  /// nil when they do not.
  func splitFit(_ pieces: [[Point]], _ stroke: PreparedStroke) -> Double? {
    guard !stroke.isDot, let start = pieces.first?.first else { return nil }
    let drawnLength = pieces.reduce(0) { $0 + Polyline.length($1) }
    guard drawnLength <= Self.splitLength * stroke.length + tolerance.quantisation,
      start.distance(to: stroke.samples[0]) <= tolerance.endpoint(stroke.length)
    else { return nil }
    // Every piece is a real part of the stroke, not a dot or a slip of the pen on it, and none
    // is the whole stroke by itself (beside it, a stray stroke is extra).
    guard pieces.allSatisfy({ Polyline.length($0) >= 0.15 * stroke.length }) else { return nil }
    // The pieces together follow the stroke more nearly than any piece alone.
    // Each piece starts where the one before it stopped: the pen lifted and set down again.
    let reach = tolerance.endpoint(stroke.length)
    for (before, after) in zip(pieces, pieces.dropFirst()) {
      guard let stop = before.last, let resume = after.first, stop.distance(to: resume) <= reach
      else { return nil }
    }
    let together = Self.nearness(pieces.flatMap { $0 }, stroke.polyline)
    guard pieces.allSatisfy({ Self.nearness($0, stroke.polyline) > together }),
      follows(pieces.flatMap { $0 }, stroke.polyline, length: stroke.length)
    else { return nil }
    return together
  }

  /// Whether the drawn path ends where the joining ends rather than where the stroke it was
  /// matched to ends (or starts where the joining starts, when that stroke is the last): it
  /// went on into the others, by more than a cell.
  func reachesPast(_ path: [Point], _ taken: PreparedStroke, _ strokes: [PreparedStroke]) -> Bool {
    guard let first = strokes.first, let last = strokes.last, let start = path.first,
      let end = path.last
    else { return false }
    let cell = 2 * tolerance.quantisation
    let takenStart = taken.samples[0]
    let takenEnd = taken.samples[sampleCount - 1]
    if takenEnd.distance(to: last.samples[sampleCount - 1]) > cell {
      return end.distance(to: last.samples[sampleCount - 1]) + cell < end.distance(to: takenEnd)
    }
    if takenStart.distance(to: first.samples[0]) > cell {
      return start.distance(to: first.samples[0]) + cell < start.distance(to: takenStart)
    }
    return false
  }

  /// Whether the drawn path goes out to where the others of `strokes`, each shorter than the
  /// one it was matched to, lie away from that one: each one's point farthest from that stroke,
  /// at least `farCells` cells off it, passed within `visitedShare` of that (a hand turning back
  /// on itself cuts the turn short). A short neighbour left out is never visited there;
  /// one joined on is, however little its length moves the mean distances.
  func visitsTheOthers(_ path: [Point], _ taken: PreparedStroke, _ strokes: [PreparedStroke])
    -> Bool
  {
    let others = strokes.filter { $0.samples != taken.samples }
    // Only a shorter neighbour: a longer one left out leaves the drawn stroke its own.
    guard !others.isEmpty, others.allSatisfy({ $0.length < taken.length }) else { return false }
    let cell = 2 * tolerance.quantisation
    return others.allSatisfy { stroke in
      let away = stroke.samples.map { ($0, Polyline.distance(from: $0, to: taken.polyline)) }
      guard let (point, far) = away.max(by: { $0.1 < $1.1 }), far >= Self.farCells * cell else {
        return false
      }
      return Polyline.distance(from: point, to: path) <= Self.visitedShare * far
    }
  }

  /// Whether the drawn path, point for point at equal steps along it, lies nearer the strokes
  /// laid end to end than the one it was matched to, and is longer. Nearest distances cannot tell
  /// a short neighbour joined on (ム's dot after its bend, 糸's dot after its second stroke) from
  /// one left out: its ink and the pen's move to it lie close to the stroke and hardly move a
  /// mean. But they lengthen the path, so its points run ahead of the stroke's alone and keep
  /// pace with the strokes laid end to end; a stroke drawn alone keeps pace with itself.
  func keepsPace(_ path: [Point], _ reference: [Point], rather taken: PreparedStroke) -> Bool {
    // Longer than the stroke alone by a share of what the rest add: a stroke drawn alone that
    // strays (a bend cut short) can keep pace with a longer path as well as with its own.
    let added = Polyline.length(path) + tolerance.quantisation - taken.length
    return added >= Self.addedShare * (Polyline.length(reference) - taken.length)
      && Self.stepDistance(path, reference) < Self.stepDistance(path, taken.polyline)
  }

  /// The mean distance between two paths' points at equal steps along each.
  static func stepDistance(_ drawn: [Point], _ reference: [Point]) -> Double {
    let count = 2 * sampleCount
    let drawnSamples = Polyline.resample(drawn, count: count)
    let referenceSamples = Polyline.resample(reference, count: count)
    var total = 0.0
    for (a, b) in zip(drawnSamples, referenceSamples) { total += a.distance(to: b) }
    return total / Double(count)
  }

  /// How far apart two paths lie: the larger of the mean distances from each one's points to
  /// the other path.
  static func nearness(_ drawn: [Point], _ reference: [Point]) -> Double {
    var worse = 0.0
    for (points, path) in [
      (Polyline.resample(drawn, count: 2 * sampleCount), reference),
      (Polyline.resample(reference, count: 2 * sampleCount), drawn),
    ] {
      var total = 0.0
      for point in points { total += Polyline.distance(from: point, to: path) }
      worse = max(worse, total / Double(points.count))
    }
    return worse
  }

  /// Whether the drawn path passes along every part of a reference stroke, on average within
  /// `limit` (the joining's longest stroke's tolerance: one stroke, one hand's error).
  func covers(_ path: [Point], _ stroke: PreparedStroke, limit: Double) -> Bool {
    var total = 0.0
    for point in stroke.samples {
      let distance = Polyline.distance(from: point, to: path)
      if distance > Self.worstCovered * limit { return false }
      total += distance
    }
    return total / Double(stroke.samples.count) <= limit
  }

  /// Whether two paths follow each other: every point of each near the other, on average within
  /// the mean tolerance of a stroke of `length`, and nowhere far beyond it.
  func follows(_ drawn: [Point], _ reference: [Point], length: Double) -> Bool {
    guard drawn.count >= 2, reference.count >= 2 else { return false }
    // Nearest-point distances run well under the point-by-point ones the tolerance is for.
    let limit = Self.nearestShare * tolerance.mean(length)
    let drawnSamples = Polyline.resample(drawn, count: 2 * sampleCount)
    let referenceSamples = Polyline.resample(reference, count: 2 * sampleCount)
    for (points, path) in [(drawnSamples, reference), (referenceSamples, drawn)] {
      var total = 0.0
      for point in points {
        let distance = Polyline.distance(from: point, to: path)
        if distance > Self.worstPoint * limit { return false }
        total += distance
      }
      if total / Double(points.count) > limit { return false }
    }
    return true
  }
}

import KanjiData

/// Grades a whole drawing against one kanji: every stroke present, none extra, each in the right
/// direction, shape and place, in an accepted order.
public struct Grader: Sendable {
  public let kanji: Kanji
  public let strictness: Strictness
  public var leniency: Leniency { strictness.leniency }
  let forms: [PreparedStrokeSet]

  public init(kanji: Kanji, strictness: Strictness) {
    self.kanji = kanji
    self.strictness = strictness
    forms =
      [PreparedStrokeSet(name: "", strokeSet: kanji.strokes)]
      + kanji.variants.filter(Self.isAcceptedOrder).map {
        PreparedStrokeSet(name: $0.name, strokeSet: $0.strokes)
      }
  }

  public init(kanji: Kanji, leniency: Leniency = .normal) {
    self.init(kanji: kanji, strictness: Strictness(leniency))
  }

  /// KanjiVG's stroke-order variants (HzFst, VtLst, ...) are accepted alternatives; its glyph
  /// forms (Kaisho, Hyougai, Insatsu, Jinmei) are not the form taught, and would let look-alikes
  /// through (a Kaisho 土 is nearly 士).
  static func isAcceptedOrder(_ variant: Variant) -> Bool {
    !variant.strokes.strokes.isEmpty && isAcceptedOrder(named: variant.name)
  }

  /// Whether a variant of this name can be an accepted order (see `isAcceptedOrder`): what a
  /// loader needs to decode for a grader, and no more.
  public static func isAcceptedOrder(named name: String) -> Bool {
    let forms = ["Kaisho", "Hyougai", "Insatsu", "Jinmei"]
    return !forms.contains { name.contains($0) }
  }

  /// The accepted stroke orders besides the main one, each as the main order's stroke index
  /// (zero-based) drawn at each step: 止's HzFst is [1, 0, 2, 3].
  public var acceptedOrders: [[Int]] {
    forms.dropFirst().compactMap { forms[0].numbering(of: $0)?.map { $0 - 1 } }
  }

  public func grade(_ drawing: Drawing) -> Grade {
    let prepared = PreparedDrawing(drawing)
    let judge = FormJudge(
      tolerance: Tolerance(leniency: leniency, quantisation: prepared.quantisation),
      cell: (prepared.cellWidth, prepared.cellHeight))
    var best: Grade?
    for form in forms {
      // A variant's strokes are named as the screen numbers them, in the main order; a variant
      // whose strokes do not pair off with the main ones can only win by passing.
      let numbering = form.name.isEmpty ? nil : forms[0].numbering(of: form)
      let grade = judge.grade(prepared, against: form, kanji: kanji.character, numbering: numbering)
      if !form.name.isEmpty, numbering == nil, !grade.pass { continue }
      // Variants are alternatives: the main form's report wins unless a variant does strictly better.
      if let current = best {
        let better =
          (grade.pass && !current.pass)
          || (grade.pass == current.pass && grade.errors.count < current.errors.count)
        if better { best = grade }
      } else {
        best = grade
      }
      if best?.pass == true { break }
    }
    var result =
      best ?? Grade(kanji: kanji.character, pass: false, score: 0, errors: [], strokes: [])
    // Strict: a loose hand's slips are errors, not something for the review to forgive.
    if !strictness.forgivesLooseHand { result.looseHandOnly = nil }
    return result
  }
}

extension PreparedStrokeSet {
  /// The main form's number (1-based) for each stroke of `variant`: each variant stroke paired
  /// with the main stroke it lies on. Nil when the two do not pair off one to one.
  func numbering(of variant: PreparedStrokeSet) -> [Int]? {
    let m = strokes.count
    guard variant.strokes.count == m, m > 0 else { return nil }
    var cost = [Double](repeating: 0, count: m * m)
    for (row, drawn) in variant.strokes.enumerated() {
      for (column, stroke) in strokes.enumerated() {
        var forward = 0.0
        var backward = 0.0
        for k in 0..<sampleCount {
          forward += drawn.samples[k].distance(to: stroke.samples[k])
          backward += drawn.samples[sampleCount - 1 - k].distance(to: stroke.samples[k])
        }
        cost[row * m + column] = min(forward, backward) / Double(sampleCount)
      }
    }
    let columns = Assignment.solve(cost, size: m)
    // The same strokes in another order: each pair lies within a few units.
    guard columns.enumerated().allSatisfy({ cost[$0 * m + $1] < 12 }) else { return nil }
    return columns.map { $0 + 1 }
  }
}

/// Judges a prepared drawing against one prepared form of a kanji.
struct FormJudge: Sendable {
  var tolerance: Tolerance
  var cell: (width: Double, height: Double)

  // The score: each reference stroke earns up to 1 by its verdict, each extra stroke costs. It
  // never decides a pass.
  static let fitCost = 0.3  // bigger = an ok stroke near its limits scores lower
  static let reversedCredit = 0.5  // bigger = a backwards stroke scores higher
  static let orderCredit = 0.7  // bigger = a stroke out of order scores higher
  static let shapeCredit = 0.3  // bigger = a misshapen stroke scores higher
  static let positionCredit = 0.3  // bigger = a misplaced stroke scores higher
  static let extraStrokeCost = 0.5  // bigger = an extra stroke lowers the score more
  static let joinedCredit = 0.5  // bigger = strokes joined or split score higher

  // Order: which drawn stroke answers which reference stroke, when the geometry barely decides.
  /// How much worse, in tolerances, an in-order pairing of two strokes may fit than a crossed one
  /// and still be preferred: parallel strokes a cell apart are told apart by order.
  static let orderPreference = 0.6  // bigger = close calls read as in order, not swapped
  /// A loose hand's strokes stray into each other's places: per unit of looseness above a neat
  /// hand, the in-order pairing is preferred by this much more, and each of its pairs may fit
  /// this much worse (the strokes it leaves out of place are then judged as slips, not as
  /// order). Swapped strokes in a neat or typical hand stay named at twice these.
  static let looseOrderPreference = 0.3  // bigger = a loose hand's swaps read as slips sooner
  static let looseOrderFit = 0.15  // bigger = a loose hand's pairs may fit worse in order
  /// How well, in tolerances, each pair of an in-order pairing must still fit (a neat hand).
  static let inOrderFit = 1.0  // bigger = pairs that fit worse are still put in order
  static let inOrderRounds = 10  // bigger = more crossed pairs undone in a tangled drawing

  // Looseness: how far the hand strays from the model everywhere.
  /// The looseness (units) of a neat hand, under which no room is added, and the room added per
  /// unit above it.
  static let neatHand = 3.0  // bigger = fewer hands count as loose
  static let looseSlack = 2.0  // bigger = more room for a loose hand's strokes
  static let loosenessStrokes = 3  // bigger = small kanji never count as loosely written

  // Direction.
  /// How much closer (a share of the mean limit) the backward fit must be to call it reversed.
  static let reversalMargin = 0.15  // bigger = fewer strokes called backwards
  /// A stroke whose ends are closer than this (units, or cell widths) is not judged for direction.
  static let reversalChord = 6.0  // bigger = fewer short strokes judged for direction
  static let reversalChordCells = 2.0  // bigger = the same, on a coarse canvas

  /// How closely (a share of the mean limit) a stroke shifted into place must fit to be called
  /// misplaced rather than misshapen.
  static let misplacedFit = 0.8  // bigger = more wrong strokes called misplaced, not misshapen

  // Shape.
  /// Room (units) for a stroke's end beyond its start's: an overshoot, a hook left out.
  static let endSlack = 6.0  // bigger = a stroke's end may stray further
  /// A drawn stroke's length against its reference's: at least this share, at most this many
  /// times plus `longestExtra` units.
  static let shortestLength = 0.4  // bigger = short strokes rejected sooner
  static let longestLength = 2.2  // bigger = longer strokes accepted
  static let longestExtra = 10.0  // bigger = short strokes may be drawn much longer
  /// A straight stroke may bow this much (units, plus the grid's error) more than its reference.
  static let straightBow = 12.0  // bigger = straight strokes may bow more
  /// A stroke at least this long (units) drawn more than this many times as long as the hand
  /// draws the kanji's strokes (the median, against their references) has the wrong shape.
  static let overlongStroke = 40.0  // bigger = fewer strokes judged for length
  static let overlongShare = 1.7  // bigger = longer strokes accepted
  /// A corner in a straight stroke: the shorter leg at least this long (units: longer than a
  /// flick as the pen leaves), this many cells (diagonals) and this share of the two legs, turning by more than the angle whose cosine is `cornerTurn`,
  /// each leg within this share of the corner's depth of its chord.
  static let cornerLeg = 12.0  // bigger = longer legs drawn before a corner counts
  /// And the corner at least this far (units) from the line between the stroke's ends: a
  /// start or end bent a little is a hand's entry or exit, not a corner.
  static let cornerDepth = 11.0  // bigger = deeper corners needed
  static let cornerLegCells = 2.0  // bigger = the same, on a coarse canvas
  static let cornerLegShare = 0.2  // bigger = the same, as a share of the stroke
  static let cornerTurn = 0.4  // bigger = gentler turns count as corners
  static let cornerLegBow = 0.35  // bigger = rounder turns count as corners
  /// A reference bow this deep (units, plus the grid's error) must be drawn, the same way.
  static let judgedBow = 10.0  // bigger = fewer bowed strokes must show their bow
  /// How much of that bow the drawing must show.
  static let bowShare = 0.2  // bigger = a bow must be drawn deeper

  /// `numbering`: the number the screen gives each of the form's strokes (an accepted variant's
  /// strokes are named by their number in the main order); nil for the form's own order.
  func grade(
    _ drawing: PreparedDrawing, against form: PreparedStrokeSet, kanji: String,
    numbering: [Int]? = nil
  ) -> Grade {
    let matcher = Matcher(tolerance: tolerance)
    let raw = matcher.match(drawing, form)
    var match = inOrderWhenClose(raw, looseness: Self.looseness(raw, form))
    var verdicts = [Grade.StrokeResult.Verdict](repeating: .missing, count: form.strokes.count)
    var problems: [Grade.Problem] = []
    var quality = 0.0
    // A hand that strays from the model everywhere is judged against its own standard: a stroke
    // is misplaced when it strays clearly more than the rest, not when it strays as they do.
    var loose = self
    loose.tolerance.looseness =
      Self.looseSlack * max(0, Self.looseness(match, form) - Self.neatHand)
    // Put in order, a stroke that fitted where it was drawn no longer fits: the strokes were
    // swapped, not slipped (two close bars of 寿 drawn in each other's order).
    if loose.reorderingMisfits(drawing, form, raw: raw, ordered: match) { match = raw }
    // A stroke drawn in one go with the next can pull its neighbours' pairing askew.
    if let paired = JoinedStrokes(tolerance: tolerance).rematched(drawing, form, match) {
      match = paired
    }

    // Fitted only when some stroke is off, so that a drawing that passes pays nothing for it.
    var refits: [ComponentRefit?]?
    for (j, stroke) in form.strokes.enumerated() {
      guard let i = match.drawnOfReference[j] else { continue }
      let drawnLength = drawing.strokes[i].length * match.placement.lengthScale
      var verdict = loose.judgeStroke(
        match.drawnSamples[i], stroke, match.measures[i][j], drawnLength: drawnLength)
      // A stroke off only because its whole component is off is judged inside the refitted one.
      if verdict == .position || verdict == .shape {
        refits = refits ?? ComponentRefit.fits(match, form)
      }
      if verdict == .position || verdict == .shape, let refit = refits?[j] {
        let moved = refit.apply(match.drawnSamples[i])
        let retry = loose.judgeStroke(
          moved, stroke, matcher.measure(moved, stroke),
          drawnLength: drawnLength * (refit.scaleX + refit.scaleY) / 2)
        if retry == .ok { verdict = .ok }
      }
      verdicts[j] = verdict
    }

    let orderProblems = outOfOrder(match.referenceOfDrawn)
    for j in orderProblems where verdicts[j] == .ok {
      verdicts[j] = .order
    }

    let structure = StructureCheck(tolerance: tolerance, cell: cell)
    for j in structure.violations(form: form, match: match) where verdicts[j] == .ok {
      verdicts[j] = .shape
    }
    for j in overlong(drawing, form, match) where verdicts[j] == .ok {
      verdicts[j] = .shape
    }

    // Strokes drawn in one go or in pieces are looked for only where something is amiss, and
    // a loose hand's paths by its own standard, as its strokes are.
    let paths = JoinedStrokes(tolerance: loose.tolerance)
    var splits: [JoinedStrokes.Split] = []
    var joinings: [JoinedStrokes.Joined] = []
    if verdicts.contains(where: { $0 != .ok }) || match.referenceOfDrawn.contains(nil) {
      splits = paths.splits(drawing, form, match, verdicts: verdicts)
      for split in splits { verdicts[split.stroke] = .split }
      joinings = paths.joinings(
        drawing, form, match, verdicts: verdicts, taken: Set(splits.flatMap(\.pieces)))
      for joined in joinings {
        for j in joined.strokes { verdicts[j] = .joined }
      }
    }
    var drawnOfReference = match.drawnOfReference
    for split in splits { drawnOfReference[split.stroke] = split.pieces[0] }
    for joined in joinings {
      for j in joined.strokes { drawnOfReference[j] = joined.drawn }
    }
    let accounted = Set(splits.flatMap(\.pieces) + joinings.map(\.drawn))

    let name = { (j: Int) in numbering?[j] ?? j + 1 }
    var results: [Grade.StrokeResult] = []
    for (j, verdict) in verdicts.enumerated() {
      let number = name(j)
      let drawn = drawnOfReference[j].map { $0 + 1 }
      results.append(Grade.StrokeResult(stroke: number, drawn: drawn, verdict: verdict))
      switch verdict {
      case .ok:
        let cost = match.drawnOfReference[j].map { match.cost[$0][j] } ?? 1
        quality += 1 - Self.fitCost * min(1, cost)
      case .missing:
        problems.append(
          .init(type: .missing, stroke: number, message: "stroke \(number) is missing"))
      case .reversed:
        quality += Self.reversedCredit
        problems.append(
          .init(type: .reversed, stroke: number, message: "stroke \(number) is drawn backwards"))
      case .order:
        quality += Self.orderCredit
        problems.append(
          .init(
            type: .order, stroke: number,
            message: orderMessage(j, match.referenceOfDrawn, name: name)))
      case .shape:
        quality += Self.shapeCredit
        problems.append(
          .init(type: .shape, stroke: number, message: "stroke \(number) has the wrong shape"))
      case .position:
        quality += Self.positionCredit
        problems.append(
          .init(type: .position, stroke: number, message: "stroke \(number) is in the wrong place"))
      case .joined:
        quality += Self.joinedCredit
        guard let joined = joinings.first(where: { $0.strokes.first == j }) else { break }
        let numbers = joined.strokes.map(name)
        problems.append(
          .init(
            type: .joined, stroke: number,
            message: "strokes \(Self.list(numbers)) are drawn as one stroke", strokes: numbers))
      case .split:
        quality += Self.joinedCredit
        let pieces = splits.first { $0.stroke == j }?.pieces.count ?? 2
        problems.append(
          .init(
            type: .split, stroke: number,
            message: "stroke \(number) is drawn in \(pieces) pieces"))
      }
    }
    var extras = 0
    for (i, j) in match.referenceOfDrawn.enumerated() where j == nil && !accounted.contains(i) {
      extras += 1
      problems.append(
        .init(
          type: .extra, stroke: i + 1,
          message: "drawn stroke \(i + 1) is not part of \(kanji)"))
    }
    // The screen numbers strokes in the main order: a variant's results are listed in it too.
    results.sort { $0.stroke < $1.stroke }
    let count = Double(max(1, form.strokes.count))
    let score = min(1, max(0, (quality - Self.extraStrokeCost * Double(extras)) / count))
    var grade = Grade(
      kanji: kanji, pass: problems.isEmpty, score: (score * 1000).rounded() / 1000,
      errors: problems, strokes: results)
    if grade.fewSlipsOnly, Self.looseness(match, form) > Self.neatHand {
      grade.looseHandOnly = true
    }
    return grade
  }

  /// Why reference stroke `j` is out of order, named against a stroke it was drawn on the wrong
  /// side of (never against itself): "stroke 2 is drawn out of order, after stroke 4".
  func orderMessage(_ j: Int, _ referenceOfDrawn: [Int?], name: (Int) -> Int) -> String {
    let sequence = referenceOfDrawn.compactMap { $0 }
    let lead = "stroke \(name(j)) is drawn out of order"
    guard let place = sequence.firstIndex(of: j) else { return lead }
    if let later = sequence[..<place].last(where: { $0 > j }) {
      return lead + ", after stroke \(name(later))"
    }
    if let earlier = sequence[(place + 1)...].first(where: { $0 < j }) {
      return lead + ", before stroke \(name(earlier))"
    }
    return lead
  }

  /// Whether the strokes `inOrderWhenClose` paired anew all fit as they were drawn, and one of
  /// them does not fit the stroke it is put in order against, or breaks a relation between
  /// strokes there (`StructureCheck`).
  func reorderingMisfits(
    _ drawing: PreparedDrawing, _ form: PreparedStrokeSet, raw: Match, ordered: Match
  ) -> Bool {
    let moved = form.strokes.indices.filter {
      raw.drawnOfReference[$0] != ordered.drawnOfReference[$0]
    }
    guard !moved.isEmpty else { return false }
    func fits(_ match: Match, _ j: Int) -> Bool {
      guard let i = match.drawnOfReference[j] else { return false }
      let verdict = judgeStroke(
        match.drawnSamples[i], form.strokes[j], match.measures[i][j],
        drawnLength: drawing.strokes[i].length * match.placement.lengthScale)
      return verdict == .ok || verdict == .reversed
    }
    guard moved.allSatisfy({ fits(raw, $0) }) else { return false }
    if !moved.allSatisfy({ fits(ordered, $0) }) { return true }
    // Or their lengths or ends, in order, stand against their neighbours as the kanji's do not.
    let structure = StructureCheck(tolerance: tolerance, cell: cell)
    return structure.violations(form: form, match: raw).isDisjoint(with: moved)
      && !structure.violations(form: form, match: ordered).isDisjoint(with: moved)
  }

  /// "1 and 2", "1, 2 and 3".
  static func list(_ numbers: [Int]) -> String {
    let words = numbers.map(String.init)
    guard words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
  }

  /// The match with any two crossed pairs uncrossed when the geometry barely prefers crossing;
  /// `looseness` is the hand's (`looseness(_:_:)`), in units.
  func inOrderWhenClose(_ match: Match, looseness: Double = 0) -> Match {
    let extra = max(0, looseness - Self.neatHand)
    let preference = Self.orderPreference + Self.looseOrderPreference * extra
    let fitLimit = Self.inOrderFit + Self.looseOrderFit * extra
    var result = match
    var changed = true
    var rounds = 0
    while changed, rounds < Self.inOrderRounds {
      changed = false
      rounds += 1
      let pairs = result.referenceOfDrawn.enumerated().compactMap { i, j in j.map { (i, $0) } }
      for (a, (i1, j1)) in pairs.enumerated() {
        for (i2, j2) in pairs[(a + 1)...] where j2 < j1 {
          let crossed = result.cost[i1][j1] + result.cost[i2][j2]
          let uncrossed = result.cost[i1][j2] + result.cost[i2][j1]
          guard uncrossed < crossed + preference,
            max(result.cost[i1][j2], result.cost[i2][j1]) < fitLimit
          else { continue }
          result.referenceOfDrawn[i1] = j2
          result.referenceOfDrawn[i2] = j1
          result.drawnOfReference[j2] = i1
          result.drawnOfReference[j1] = i2
          changed = true
          break
        }
        if changed { break }
      }
    }
    return result
  }

  /// How far this hand strays from the model, in units: the lower median of the matched strokes'
  /// mean distances. A median, so that one stroke badly wrong (the stroke a look-alike changes)
  /// does not make the rest look loose.
  static func looseness(_ match: Match, _ form: PreparedStrokeSet) -> Double {
    var distances: [Double] = []
    for (j, stroke) in form.strokes.enumerated() where !stroke.isDot {
      guard let i = match.drawnOfReference[j] else { continue }
      distances.append(min(match.measures[i][j].forward, match.measures[i][j].backward))
    }
    guard distances.count >= Self.loosenessStrokes else { return 0 }
    distances.sort()
    return distances[(distances.count - 1) / 2]
  }

  /// The verdict on one matched pair, order aside.
  func judgeStroke(
    _ samples: [Point], _ stroke: PreparedStroke, _ measure: PairMeasure, drawnLength: Double
  ) -> Grade.StrokeResult.Verdict {
    if stroke.isDot {
      if measure.centroid > tolerance.dot { return .position }
      return drawnLength > tolerance.dotMaxLength ? .shape : .ok
    }
    let limit = tolerance.mean(stroke.length)
    let chord = samples[0].distance(to: samples[samples.count - 1])
    let margin = Self.reversalMargin * limit
    let reversed =
      measure.backward + margin < measure.forward
      && chord >= max(Self.reversalChord, cell.width * Self.reversalChordCells)
    let oriented = reversed ? Array(samples.reversed()) : samples
    let distance = reversed ? measure.backward : measure.forward
    let shapeOK = shapeFits(oriented, stroke, distance: distance, drawnLength: drawnLength)
    if shapeOK { return reversed ? .reversed : .ok }
    // The same shape shifted into place would fit: the stroke is misplaced rather than misshapen.
    let drawnCentroid = Polyline.centroid(oriented)
    let shift = stroke.centroid - drawnCentroid
    let moved = oriented.map { $0 + shift }
    var centred = 0.0
    for k in moved.indices { centred += moved[k].distance(to: stroke.samples[k]) }
    centred /= Double(moved.count)
    if centred <= limit * Self.misplacedFit,
      shapeFits(moved, stroke, distance: centred, drawnLength: drawnLength)
    {
      return .position
    }
    return .shape
  }

  func shapeFits(
    _ samples: [Point], _ stroke: PreparedStroke, distance: Double, drawnLength: Double
  )
    -> Bool
  {
    guard distance <= tolerance.mean(stroke.length) else { return false }
    let endpoint = tolerance.endpoint(stroke.length)
    let reference = stroke.samples
    guard samples[0].distance(to: reference[0]) <= endpoint else { return false }
    let endReference = stroke.samplesWithoutHook?.last ?? reference[reference.count - 1]
    let endDistance = min(
      samples[samples.count - 1].distance(to: reference[reference.count - 1]),
      samples[samples.count - 1].distance(to: endReference))
    guard endDistance <= endpoint + Self.endSlack * tolerance.factor else { return false }
    guard bendAgrees(samples, stroke) else { return false }
    guard !turnsACorner(samples, stroke) else { return false }
    // A short stroke on a coarse grid may shrink to a cell or two: allow a cell of slack.
    let ratio = (drawnLength + tolerance.quantisation) / max(stroke.length, 1)
    return ratio >= Self.shortestLength / tolerance.factor
      && ratio <= Self.longestLength * tolerance.factor + Self.longestExtra / stroke.length
  }

  /// A stroke that bows must bow the same way where it bows most, and a straight one must stay
  /// fairly straight (汚 against 汗). Bows smaller than the grid can show are not judged.
  func bendAgrees(_ samples: [Point], _ stroke: PreparedStroke) -> Bool {
    let drawn = PreparedStroke.deviations(samples)
    let straightLimit = Self.straightBow * tolerance.factor + tolerance.quantisation
    return stroke.profiles.contains { profile in
      guard let deepest = profile.indices.max(by: { abs(profile[$0]) < abs(profile[$1]) }) else {
        return true
      }
      let bow = profile[deepest]
      if abs(bow) >= Self.judgedBow + tolerance.quantisation {
        return drawn[deepest] * bow > 0
          && abs(drawn[deepest]) >= Self.bowShare / tolerance.factor * abs(bow)
      }
      var drawnBow = 0.0
      for deviation in drawn { drawnBow = max(drawnBow, abs(deviation)) }
      return drawnBow <= abs(bow) + straightLimit
    }
  }

  /// Strokes drawn far longer than this hand draws the rest of the kanji, against their
  /// references: 日's verticals run on down as 月's do. The stroke's drawn length (less a cell,
  /// the grid's error) over its reference's, against the median of that ratio as drawn.
  func overlong(_ drawing: PreparedDrawing, _ form: PreparedStrokeSet, _ match: Match) -> [Int] {
    // The hand's scale from its strokes as drawn; a stroke judged less the grid's error.
    var scales: [Double] = []
    var judged: [(Int, Double)] = []
    for (j, stroke) in form.strokes.enumerated() where !stroke.isDot {
      guard let i = match.drawnOfReference[j] else { continue }
      let drawn = drawing.strokes[i].length * match.placement.lengthScale
      scales.append(drawn / stroke.length)
      if stroke.length >= Self.overlongStroke {
        judged.append((j, max(0, drawn - 2 * tolerance.quantisation) / stroke.length))
      }
    }
    guard scales.count >= 4 else { return [] }
    scales.sort()
    let median = scales[(scales.count - 1) / 2]
    return judged.filter { $0.1 > Self.overlongShare * tolerance.factor * median }.map(\.0)
  }

  /// A straight stroke drawn with a sharp corner: two straight legs at an angle, the shorter one
  /// too long to be a flick as the pen leaves (夬's ㇕ drawn for 夫's 一). A bow, however deep, is
  /// `bendAgrees`'s to judge: its halves are not straight.
  func turnsACorner(_ samples: [Point], _ stroke: PreparedStroke) -> Bool {
    guard stroke.isStraight, stroke.samplesWithoutHook == nil,
      samples.count >= 5
    else { return false }
    let last = samples.count - 1
    guard let chord = Frame(samples[0], samples[last]) else { return false }
    var corner = 1
    for k in 1..<last where abs(chord.across(samples[k])) > abs(chord.across(samples[corner])) {
      corner = k
    }
    let depth = abs(chord.across(samples[corner]))
    let first = samples[corner] - samples[0]
    let second = samples[last] - samples[corner]
    let shorter = min(first.length, second.length)
    let cell = 2 * tolerance.quantisation
    guard depth >= Self.cornerDepth * tolerance.factor,
      shorter >= max(Self.cornerLeg * tolerance.factor, Self.cornerLegCells * cell),
      shorter >= Self.cornerLegShare * (first.length + second.length),
      first.dot(second) < Self.cornerTurn * first.length * second.length
    else { return false }
    // Both legs straight: no sample of either strays from its chord by more than a share of the
    // corner's depth, or a cell.
    func straight(_ range: ClosedRange<Int>) -> Bool {
      guard let leg = Frame(samples[range.lowerBound], samples[range.upperBound]) else {
        return true
      }
      let limit = max(Self.cornerLegBow * depth, tolerance.quantisation)
      return range.allSatisfy { abs(leg.across(samples[$0])) <= limit }
    }
    return straight(0...corner) && straight(corner...last)
  }

  /// Reference strokes drawn out of their place: those outside the longest increasing run of the
  /// drawing order, or, when exactly two strokes trade places, those two.
  func outOfOrder(_ referenceOfDrawn: [Int?]) -> [Int] {
    let sequence = referenceOfDrawn.compactMap { $0 }
    let sorted = sequence.sorted()
    let displaced = sequence.indices.filter { sequence[$0] != sorted[$0] }
    if displaced.count == 2 { return displaced.map { sequence[$0] } }
    let keep = Set(longestIncreasing(sequence))
    return sequence.filter { !keep.contains($0) }
  }

  func longestIncreasing(_ values: [Int]) -> [Int] {
    guard !values.isEmpty else { return [] }
    var length = [Int](repeating: 1, count: values.count)
    var previous = [Int](repeating: -1, count: values.count)
    for i in values.indices {
      for k in 0..<i where values[k] < values[i] && length[k] + 1 > length[i] {
        length[i] = length[k] + 1
        previous[i] = k
      }
    }
    var index = length.indices.max { length[$0] < length[$1] } ?? 0
    var result: [Int] = []
    while index >= 0 {
      result.append(values[index])
      index = previous[index]
    }
    return result.reversed()
  }
}

import KanjiData

/// The verdict on the stroke just drawn, when strokes are judged one at a time on release.
public enum StrokeJudgement: Equatable, Sendable {
  /// The expected next stroke (1-based reference number).
  case correct(stroke: Int)
  /// The expected stroke, drawn from its end to its start.
  case reversed(stroke: Int)
  /// Another stroke still to come was drawn before the expected one.
  case outOfOrder(expected: Int, drawn: Int)
  /// A stroke already drawn was drawn again.
  case repeated(stroke: Int)
  /// Not the expected stroke, nor any other.
  case wrong(expected: Int)
  /// Every stroke was already drawn.
  case extra
}

/// Judges the last stroke of `drawing`, taking the earlier ones as the kanji's first strokes in
/// order (the practice screen keeps only accepted strokes), at the learner's strictness.
public func judgeLastStroke(of drawing: Drawing, against kanji: Kanji, strictness: Strictness)
  -> StrokeJudgement
{
  judgeLastStroke(of: drawing, against: kanji, leniency: strictness.leniency)
}

/// Judges the last stroke of `drawing`, taking the earlier ones as the kanji's first strokes in
/// order (the practice screen keeps only accepted strokes).
public func judgeLastStroke(of drawing: Drawing, against kanji: Kanji, leniency: Leniency)
  -> StrokeJudgement
{
  let form = PreparedStrokeSet(name: "", strokeSet: kanji.strokes)
  let prepared = PreparedDrawing(drawing)
  let count = prepared.strokes.count
  guard count > 0 else { return .wrong(expected: 1) }
  let expected = count - 1
  guard expected < form.strokes.count else { return .extra }
  // Before any anchor, trust the canvas: the kanji is meant to fill it.
  let canvasFit = Placement()
  var placement = canvasFit
  var slack = 12.0
  var looseness = 0.0
  if expected >= 2 {
    // Enough strokes before this one to fit place and size: the grader's fit of them onto the
    // kanji's first strokes (the stroke judged is left out, so that it cannot bend the fit).
    let before = PreparedDrawing(
      Drawing(canvas: drawing.canvas, strokes: Array(drawing.strokes.prefix(expected))))
    let partial = PreparedStrokeSet(
      name: "",
      strokeSet: StrokeSet(
        strokes: Array(kanji.strokes.strokes.prefix(expected)), components: []))
    let tolerance = Tolerance(leniency: leniency, quantisation: prepared.quantisation)
    let match = Matcher(tolerance: tolerance).match(before, partial, placingGaps: false)
    placement = match.placement
    slack = 2
    // The hand's looseness so far, as the grader judges it over the whole drawing.
    looseness =
      FormJudge.looseSlack * max(0, FormJudge.looseness(match, partial) - FormJudge.neatHand)
  } else if expected == 1 {
    // One anchor: its drift, capped, as Katsu does.
    let offset =
      Polyline.centroid(form.strokes[0].samples) - Polyline.centroid(prepared.strokes[0].samples)
    let cap = 13.0
    placement.offsetX = min(max(offset.x, -cap), cap)
    placement.offsetY = min(max(offset.y, -cap), cap)
    slack = 6
  }
  var tolerance = Tolerance(leniency: leniency, quantisation: prepared.quantisation)
  tolerance.slack = slack
  tolerance.looseness = looseness
  let judge = FormJudge(tolerance: tolerance, cell: (prepared.cellWidth, prepared.cellHeight))
  let matcher = Matcher(tolerance: tolerance)
  let samples = prepared.strokes[expected].samples.map(placement.apply)
  let length =
    prepared.strokes[expected].length * placement.lengthScale
  func verdict(_ j: Int) -> Grade.StrokeResult.Verdict {
    judge.judgeStroke(
      samples, form.strokes[j], matcher.measure(samples, form.strokes[j]),
      drawnLength: length)
  }
  let first = verdict(expected)
  if first == .reversed { return .reversed(stroke: expected + 1) }
  if count == 1, first == .ok || first == .position {
    // Nothing yet says where the learner writes or how big: the right shape anywhere will do,
    // judged as the grader judges a shape, without the room the guessed placement needs (a
    // short vertical is not 右's first stroke, moved or not).
    let shift = form.strokes[0].centroid - Polyline.centroid(samples)
    let moved = samples.map { $0 + shift }
    let shape = FormJudge(
      tolerance: Tolerance(leniency: leniency, quantisation: prepared.quantisation),
      cell: (prepared.cellWidth, prepared.cellHeight))
    if shape.judgeStroke(
      moved, form.strokes[0], matcher.measure(moved, form.strokes[0]), drawnLength: length)
      == .ok
    {
      return .correct(stroke: 1)
    }
  } else if first == .ok {
    return .correct(stroke: expected + 1)
  }
  // Does it fit another stroke instead? Prefer the closest one that fits.
  let others = form.strokes.indices.filter { $0 != expected && verdict($0) == .ok }
  let closest = others.min {
    matcher.measure(samples, form.strokes[$0]).forward
      < matcher.measure(samples, form.strokes[$1]).forward
  }
  if let closest {
    return closest > expected
      ? .outOfOrder(expected: expected + 1, drawn: closest + 1) : .repeated(stroke: closest + 1)
  }
  return .wrong(expected: expected + 1)
}

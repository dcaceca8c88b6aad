import Foundation

/// Limited-memory BFGS within box bounds by projection: the directions use only the variables
/// not held at a bound by their gradient, and every trial point is projected into the box
/// (a small L-BFGS-B, enough for 21 smooth parameters).
struct BoundedLBFGS {
  var lower: [Double]
  var upper: [Double]
  var memory = 10
  var maxIterations = 300
  /// Stops when the last `window` iterations together lowered the objective by less than
  /// this, relative to it: single steps of a curved valley vary too much to judge by one.
  var relativeTolerance = 2e-7
  var window = 5

  struct Result {
    var x: [Double]
    var value: Double
    var iterations: Int
  }

  func project(_ x: [Double]) -> [Double] {
    x.indices.map { min(max(x[$0], lower[$0]), upper[$0]) }
  }

  /// Minimises from `start`, moving only the variables `free` marks; `value` is the objective
  /// alone (for the line search), `valueAndGradient` both. `progress` hears each iteration.
  func minimize(
    start: [Double], free: [Bool], value: ([Double]) -> Double,
    valueAndGradient: ([Double]) -> (Double, [Double]), progress: (Int) -> Void = { _ in }
  ) -> Result {
    let n = start.count
    var x = project(start)
    var (f, g) = valueAndGradient(x)
    var steps: [(s: [Double], y: [Double], rho: Double)] = []
    var iteration = 0
    var history = [f]
    while iteration < maxIterations {
      iteration += 1
      progress(iteration)
      // Held: fixed by the caller, or at a bound with the gradient pushing outward.
      let held = (0..<n).map { i in
        !free[i] || (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0)
      }
      var q = (0..<n).map { held[$0] ? 0 : g[$0] }
      guard dot(q, q).squareRoot() > 1e-10 else { break }
      let steepest = q
      var alphas = [Double](repeating: 0, count: steps.count)
      for k in steps.indices.reversed() {
        alphas[k] = steps[k].rho * dot(steps[k].s, q)
        q = axpy(-alphas[k], steps[k].y, q)
      }
      if let last = steps.last {
        let scale = dot(last.s, last.y) / dot(last.y, last.y)
        q = q.map { $0 * scale }
      }
      for k in steps.indices {
        let beta = steps[k].rho * dot(steps[k].y, q)
        q = axpy(alphas[k] - beta, steps[k].s, q)
      }
      var direction = (0..<n).map { held[$0] ? 0 : -q[$0] }
      if dot(g, direction) >= 0 {
        // Curvature pairs that no longer give a descent direction are dropped.
        steps.removeAll()
        direction = steepest.map { -$0 }
      }
      var t = steps.isEmpty ? min(1, 1 / dot(direction, direction).squareRoot()) : 1
      var accepted: [Double]?
      for _ in 0..<40 {
        let trial = project(axpy(t, direction, x))
        let decrease = dot(g, zip(trial, x).map { $0 - $1 })
        let trialValue = value(trial)
        if trialValue.isFinite && trialValue <= f + 1e-4 * decrease {
          accepted = trial
          break
        }
        t *= 0.5
      }
      guard let next = accepted else { break }
      let (nextValue, nextGradient) = valueAndGradient(next)
      let s = zip(next, x).map { $0 - $1 }
      let y = zip(nextGradient, g).map { $0 - $1 }
      let sy = dot(s, y)
      if sy > 1e-12 {
        steps.append((s, y, 1 / sy))
        if steps.count > memory { steps.removeFirst() }
      }
      let improvement = f - nextValue
      x = next
      f = nextValue
      g = nextGradient
      history.append(f)
      if improvement <= 0 { break }
      if history.count > window,
        history[history.count - 1 - window] - f <= relativeTolerance * max(1, abs(f))
      {
        break
      }
    }
    return Result(x: x, value: f, iterations: iteration)
  }

  func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
  }

  /// a·x + y.
  func axpy(_ a: Double, _ x: [Double], _ y: [Double]) -> [Double] {
    y.indices.map { y[$0] + a * x[$0] }
  }
}

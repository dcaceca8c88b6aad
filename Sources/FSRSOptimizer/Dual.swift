import Foundation

/// A number with its partial derivatives with respect to the 21 FSRS-6 weights (forward-mode
/// automatic differentiation). The partials live in a SIMD vector so that arithmetic on them
/// needs no heap allocation.
struct Dual {
  typealias Partials = SIMD32<Double>

  var value: Double
  var partials: Partials

  init(_ value: Double, partials: Partials = .zero) {
    self.value = value
    self.partials = partials
  }

  /// The weight `index` itself: its own partial is 1.
  static func variable(_ value: Double, index: Int) -> Dual {
    var partials = Partials.zero
    partials[index] = 1
    return Dual(value, partials: partials)
  }

  static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, partials: a.partials + b.partials) }
  static func + (a: Dual, b: Double) -> Dual { Dual(a.value + b, partials: a.partials) }
  static func + (a: Double, b: Dual) -> Dual { Dual(a + b.value, partials: b.partials) }
  static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, partials: a.partials - b.partials) }
  static func - (a: Dual, b: Double) -> Dual { Dual(a.value - b, partials: a.partials) }
  static func - (a: Double, b: Dual) -> Dual { Dual(a - b.value, partials: -b.partials) }
  static prefix func - (a: Dual) -> Dual { Dual(-a.value, partials: -a.partials) }

  static func * (a: Dual, b: Dual) -> Dual {
    Dual(a.value * b.value, partials: b.value * a.partials + a.value * b.partials)
  }
  static func * (a: Dual, b: Double) -> Dual { Dual(a.value * b, partials: b * a.partials) }
  static func * (a: Double, b: Dual) -> Dual { Dual(a * b.value, partials: a * b.partials) }

  static func / (a: Dual, b: Dual) -> Dual {
    let quotient = a.value / b.value
    return Dual(quotient, partials: (a.partials - quotient * b.partials) / b.value)
  }
  static func / (a: Dual, b: Double) -> Dual { Dual(a.value / b, partials: a.partials / b) }
  static func / (a: Double, b: Dual) -> Dual {
    let quotient = a / b.value
    return Dual(quotient, partials: (-quotient / b.value) * b.partials)
  }
}

func exp(_ x: Dual) -> Dual {
  let e = exp(x.value)
  return Dual(e, partials: e * x.partials)
}

func log(_ x: Dual) -> Dual { Dual(log(x.value), partials: x.partials / x.value) }

/// x^y for x > 0.
func pow(_ x: Dual, _ y: Dual) -> Dual {
  let logX = log(x.value)
  let power = exp(y.value * logX)
  return Dual(power, partials: power * (y.value / x.value * x.partials + logX * y.partials))
}

func pow(_ x: Dual, _ y: Double) -> Dual {
  let power = pow(x.value, y)
  return Dual(power, partials: (y * pow(x.value, y - 1)) * x.partials)
}

/// c^y for c > 0.
func pow(_ c: Double, _ y: Dual) -> Dual {
  let power = pow(c, y.value)
  return Dual(power, partials: (power * log(c)) * y.partials)
}

/// The smaller of two, with its partials (the derivative of whichever branch is taken).
func min(_ a: Dual, _ b: Dual) -> Dual { a.value <= b.value ? a : b }
func max(_ a: Dual, _ b: Double) -> Dual { a.value >= b ? a : Dual(b) }

/// `x` within `range`; a clamped value is a constant.
func clamp(_ x: Dual, _ range: ClosedRange<Double>) -> Dual {
  if x.value < range.lowerBound { return Dual(range.lowerBound) }
  if x.value > range.upperBound { return Dual(range.upperBound) }
  return x
}

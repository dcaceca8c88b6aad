import Foundation

/// The arithmetic FSRS-6's formulas need, so that one copy of them computes plain values
/// (`Double`, for line searches) and values with derivatives (`Dual`, for gradients).
protocol FSRSNumber {
  init(_ value: Double)
  var value: Double { get }
  static func + (a: Self, b: Self) -> Self
  static func + (a: Self, b: Double) -> Self
  static func + (a: Double, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func - (a: Self, b: Double) -> Self
  static func - (a: Double, b: Self) -> Self
  static prefix func - (a: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func * (a: Self, b: Double) -> Self
  static func * (a: Double, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static func / (a: Self, b: Double) -> Self
  static func / (a: Double, b: Self) -> Self
  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  /// x^y for x > 0.
  static func pow(_ x: Self, _ y: Self) -> Self
  /// c^y for c > 0.
  static func pow(_ c: Double, _ y: Self) -> Self
}

extension FSRSNumber {
  /// The smaller of two, with its partials (the derivative of whichever branch is taken).
  static func minimum(_ a: Self, _ b: Self) -> Self { a.value <= b.value ? a : b }
  static func maximum(_ a: Self, _ b: Double) -> Self { a.value >= b ? a : Self(b) }

  /// `x` within `range`; a clamped value is a constant.
  static func clamp(_ x: Self, _ range: ClosedRange<Double>) -> Self {
    if x.value < range.lowerBound { return Self(range.lowerBound) }
    if x.value > range.upperBound { return Self(range.upperBound) }
    return x
  }
}

extension Double: FSRSNumber {
  var value: Double { self }
  static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  static func log(_ x: Double) -> Double { Foundation.log(x) }
  static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
}

/// 24 partial derivatives (room for FSRS-6's 21 weights) as three SIMD8 vectors: arithmetic
/// on them needs no heap allocation, and SIMD32<Double> is hundreds of times slower than
/// SIMD8 in Swift 6 on Linux (measured).
struct Partials {
  var low: SIMD8<Double>
  var middle: SIMD8<Double>
  var high: SIMD8<Double>

  static let zero = Partials(low: .zero, middle: .zero, high: .zero)

  subscript(index: Int) -> Double {
    get {
      index < 8 ? low[index] : index < 16 ? middle[index - 8] : high[index - 16]
    }
    set {
      if index < 8 {
        low[index] = newValue
      } else if index < 16 {
        middle[index - 8] = newValue
      } else {
        high[index - 16] = newValue
      }
    }
  }

  static func + (a: Partials, b: Partials) -> Partials {
    Partials(low: a.low + b.low, middle: a.middle + b.middle, high: a.high + b.high)
  }
  static func - (a: Partials, b: Partials) -> Partials {
    Partials(low: a.low - b.low, middle: a.middle - b.middle, high: a.high - b.high)
  }
  static prefix func - (a: Partials) -> Partials {
    Partials(low: -a.low, middle: -a.middle, high: -a.high)
  }
  static func * (k: Double, a: Partials) -> Partials {
    Partials(low: k * a.low, middle: k * a.middle, high: k * a.high)
  }
  static func / (a: Partials, k: Double) -> Partials {
    Partials(low: a.low / k, middle: a.middle / k, high: a.high / k)
  }
}

/// A number with its partial derivatives with respect to the 21 FSRS-6 weights (forward-mode
/// automatic differentiation).
struct Dual: FSRSNumber {
  var value: Double
  var partials: Partials

  init(_ value: Double, partials: Partials) {
    self.value = value
    self.partials = partials
  }

  /// A constant: all its partials are 0.
  init(_ value: Double) {
    self.init(value, partials: .zero)
  }

  /// The weight `index` itself: its own partial is 1.
  static func variable(_ value: Double, index: Int) -> Dual {
    var partials = Partials.zero
    partials[index] = 1
    return Dual(value, partials: partials)
  }

  static func + (a: Dual, b: Dual) -> Dual {
    Dual(a.value + b.value, partials: a.partials + b.partials)
  }
  static func + (a: Dual, b: Double) -> Dual { Dual(a.value + b, partials: a.partials) }
  static func + (a: Double, b: Dual) -> Dual { Dual(a + b.value, partials: b.partials) }
  static func - (a: Dual, b: Dual) -> Dual {
    Dual(a.value - b.value, partials: a.partials - b.partials)
  }
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

  static func exp(_ x: Dual) -> Dual {
    let e = Foundation.exp(x.value)
    return Dual(e, partials: e * x.partials)
  }

  static func log(_ x: Dual) -> Dual {
    Dual(Foundation.log(x.value), partials: x.partials / x.value)
  }

  static func pow(_ x: Dual, _ y: Dual) -> Dual {
    let logX = Foundation.log(x.value)
    let power = Foundation.exp(y.value * logX)
    return Dual(power, partials: power * (y.value / x.value * x.partials + logX * y.partials))
  }

  static func pow(_ c: Double, _ y: Dual) -> Dual {
    let power = Foundation.pow(c, y.value)
    return Dual(power, partials: (power * Foundation.log(c)) * y.partials)
  }
}

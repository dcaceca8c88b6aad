/// Anki's interval fuzz: a review interval is spread over a range that widens with its length,
/// so cards learnt together do not stay due together. The random draw is deterministic per
/// card and review count, so previews and replays agree.
public struct Fuzz: Sendable {
  /// The integer range an interval may land in, constrained to `minimum...maximum`.
  public static func bounds(interval: Double, minimum: Int, maximum: Int) -> ClosedRange<Int> {
    let minimum = min(minimum, maximum)
    let ivl = min(max(interval, Double(minimum)), Double(maximum))
    let delta = delta(for: ivl)
    var lower = Int((ivl - delta).rounded())
    var upper = Int((ivl + delta).rounded())
    lower = min(max(lower, minimum), maximum)
    upper = min(max(upper, minimum), maximum)
    if upper == lower && upper > 2 && upper < maximum { upper = lower + 1 }
    return lower...upper
  }

  static func delta(for interval: Double) -> Double {
    guard interval >= 2.5 else { return 0 }
    return 1.0 + 0.15 * max(min(interval, 7) - 2.5, 0) + 0.10 * max(min(interval, 20) - 7, 0)
      + 0.05 * max(interval - 20, 0)
  }

  /// The interval in whole days: rounded when `unit` is nil, else drawn from the fuzz range.
  public static func apply(interval: Double, minimum: Int, maximum: Int, unit: Double?) -> Int {
    guard let unit else {
      return min(max(Int(interval.rounded()), min(minimum, maximum)), maximum)
    }
    let range = bounds(interval: interval, minimum: minimum, maximum: maximum)
    let span = Double(range.upperBound - range.lowerBound + 1)
    return min(range.lowerBound + Int((unit * span).rounded(.down)), range.upperBound)
  }

  /// A uniform number in [0, 1) from a card key and its review count (FNV-1a, then SplitMix64).
  public static func unit(cardKey: String, reps: Int) -> Double {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in cardKey.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    var z = hash &+ UInt64(truncatingIfNeeded: reps) &* 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    z ^= z >> 31
    return Double(z >> 11) / Double(UInt64(1) << 53)
  }
}

import Foundation

/// A share with its 95% Wilson score interval: unlike the plain share ± 2 standard errors, it
/// stays inside 0...1 and is honest about small samples such as ten kanji.
public struct WilsonInterval: Equatable, Sendable {
  public var successes: Int
  public var trials: Int
  public var share: Double
  public var low: Double
  public var high: Double

  /// The normal quantile for a two-sided 95% interval.
  public static let z95 = 1.959963984540054

  public init(successes: Int, trials: Int, z: Double = Self.z95) {
    precondition(trials > 0 && (0...trials).contains(successes))
    self.successes = successes
    self.trials = trials
    let n = Double(trials)
    let p = Double(successes) / n
    let z2 = z * z
    let centre = p + z2 / (2 * n)
    let spread = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    share = p
    // Exact at the ends, where rounding would leave 0.9999… for all right.
    low = successes == 0 ? 0 : (centre - spread) / (1 + z2 / n)
    high = successes == trials ? 1 : (centre + spread) / (1 + z2 / n)
  }
}

/// The gap between the kanji the learner can read and those they can write from memory: the
/// reading level times the writing recall measured by recent self-tests.
public struct WritingGap: Equatable, Sendable {
  /// Recall is measured over this many of the latest tested kanji...
  public static let sampleKanji = 30
  /// ...or over this many tests if they hold fewer, so that an old test does not weigh on a
  /// learner who has improved since.
  public static let sampleTests = 3

  /// Kanji the learner can read: the known set and every reviewed kanji.
  public var readingLevel: Int
  /// Writing recall over the sample; nil with no self-test yet.
  public var recall: WilsonInterval?
  /// Tests the sample is drawn from.
  public var tests: Int

  /// `tests` holds each self-test's answers (produced or not), newest test first.
  public init(readingLevel: Int, tests: [[Bool]]) {
    self.readingLevel = readingLevel
    var sample: [Bool] = []
    var used = 0
    for test in tests.prefix(Self.sampleTests) where sample.count < Self.sampleKanji {
      guard !test.isEmpty else { continue }
      sample += test.prefix(Self.sampleKanji - sample.count)
      used += 1
    }
    self.tests = used
    recall =
      sample.isEmpty
      ? nil : WilsonInterval(successes: sample.filter { $0 }.count, trials: sample.count)
  }

  /// Kanji the self-tests drew from.
  public var sampled: Int { recall?.trials ?? 0 }

  /// Kanji the learner can probably write, rounded to a whole kanji.
  public var writable: Int? { recall.map { Self.kanji(Double(readingLevel) * $0.share) } }
  public var writableLow: Int? { recall.map { Self.kanji(Double(readingLevel) * $0.low) } }
  public var writableHigh: Int? { recall.map { Self.kanji(Double(readingLevel) * $0.high) } }
  /// Kanji the learner reads but probably cannot write.
  public var gap: Int? { writable.map { readingLevel - $0 } }

  static func kanji(_ value: Double) -> Int { Int(value.rounded()) }

  /// "read 30, write ≈24 (15–28)", or the reading level alone before any self-test.
  public var summary: String {
    guard let writable, let writableLow, let writableHigh else {
      return "read \(readingLevel); no self-test yet"
    }
    return "read \(readingLevel), write ≈\(writable) (\(writableLow)–\(writableHigh))"
  }

  /// The sentences `kanji-write gap` and the progress page print.
  public var lines: [String] {
    let read = "You can read \(readingLevel) kanji"
    guard let recall, let writable, let writableLow, let writableHigh, let gap else {
      return [
        read + ".",
        "No self-test yet, so writing recall is not measured: take one with `kanji-write test`.",
      ]
    }
    return [
      read + " and write about \(writable) of them (95%: \(writableLow)–\(writableHigh)): "
        + "a gap of \(gap).",
      String(
        format: "Writing recall: %d of %d written completely (%.0f%%, 95%%: %.0f–%.0f%%), ",
        recall.successes, recall.trials, recall.share * 100, recall.low * 100,
        recall.high * 100)
        + (tests == 1 ? "over your last self-test." : "over your last \(tests) self-tests."),
    ]
  }

  /// When the next self-test is due: `every` days after the last, now when there is none.
  public static func nextTest(last: Date?, everyDays: Int) -> Date? {
    last.map { $0 + Double(everyDays) * 86400 }
  }

  /// "in 5 days", or "due now" when no test was taken or the date has passed.
  public static func nextTestText(_ next: Date?, now: Date) -> String {
    guard let next, next > now else { return "due now" }
    return Session.relative(next, from: now)
  }
}

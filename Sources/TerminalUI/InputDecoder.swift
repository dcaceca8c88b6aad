/// A key the terminal sent, decoded from its bytes.
public enum KeyPress: Equatable, Sendable {
  case character(Character)
  case enter
  case backspace
  case escape
  case tab
  case up, down, left, right
  case delete
  /// A control character other than the ones above, by its letter (Ctrl-C is `control("c")`,
  /// Ctrl-\ is `control("\\")`).
  case control(Character)
  /// A key pressed with Alt (or Meta), which terminals send as ESC then the key.
  indirect case alt(KeyPress)
}

/// One xterm mouse report, with coordinates as the terminal sent them (1-based cells, or pixels
/// in SGR-Pixels mode 1016).
public struct MouseReport: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case press, drag, release, move, wheelUp, wheelDown
  }

  public var kind: Kind
  /// 0 left, 1 middle, 2 right; 3 when the terminal does not say (legacy release, hover).
  public var button: Int
  public var x: Int
  public var y: Int
  public var shift: Bool
  public var meta: Bool
  public var control: Bool

  public init(
    kind: Kind, button: Int, x: Int, y: Int, shift: Bool = false, meta: Bool = false,
    control: Bool = false
  ) {
    self.kind = kind
    self.button = button
    self.x = x
    self.y = y
    self.shift = shift
    self.meta = meta
    self.control = control
  }
}

/// What the terminal's input stream means.
public enum TerminalInput: Equatable, Sendable {
  case key(KeyPress)
  case mouse(MouseReport)
  /// A DECRQM answer (`CSI ? mode ; value $ y`): value 1 or 2 means the mode is supported.
  case modeReport(mode: Int, value: Int)
}

/// Turns the bytes a terminal sends into keys and mouse reports. Pure and incremental: a
/// sequence split across reads is kept until it is complete, so the caller can feed whatever
/// `read` returned, with the time it came on any clock that only moves forward.
///
/// Escape sequences the app does not use (colour replies, focus reports, unknown keys) are
/// dropped whole, never passed on as the keys their bytes look like.
public struct InputDecoder: Sendable {
  /// How long a lone ESC waits for more before it is the Escape key: short, so that Escape
  /// feels immediate.
  public static let escapeDelay = Duration.milliseconds(30)
  /// How long the rest of a sequence may take once its introducer (`ESC [`, `ESC ]`, ...) came:
  /// long, so that a report split by a slow link is not cut in two.
  public static let sequenceDelay = Duration.seconds(1)
  /// Longest control sequence kept while waiting for its end; the rest of a longer one is
  /// skipped as it comes.
  private static let maximumSequence = 64

  /// What is being skipped up to its end: its start was dropped with an earlier read.
  private enum Skipping: Sendable {
    case none
    /// The parameters of an over-long control sequence, up to its final byte.
    case controlSequence
    /// An OSC, DCS, APC, PM or SOS string, up to BEL or ST (`ESC \`).
    case controlString
  }

  private var pending: [UInt8] = []
  private var skipping = Skipping.none
  /// When the last byte came.
  private var lastInput = Duration.zero

  public init() {}

  /// Whether bytes are waiting for the rest of a sequence (a lone ESC, for one).
  public var hasPending: Bool { !pending.isEmpty || skipping != .none }

  /// When the unfinished input is given up if nothing more comes: a lone ESC becomes the
  /// Escape key, anything else is dropped. Nil when nothing is pending.
  public var deadline: Duration? {
    guard hasPending else { return nil }
    let loneEscape = skipping == .none && pending == [0x1b]
    return lastInput + (loneEscape ? Self.escapeDelay : Self.sequenceDelay)
  }

  /// Decodes `bytes`, which came at `time`. Unfinished input whose deadline passed before
  /// them is settled first; feed no bytes to settle it when nothing came.
  public mutating func feed(_ bytes: some Sequence<UInt8>, at time: Duration) -> [TerminalInput] {
    var events: [TerminalInput] = []
    if let deadline, time >= deadline { events = expire() }
    let count = pending.count
    pending.append(contentsOf: bytes)
    if pending.count > count { lastInput = time }
    return events + decodePending()
  }

  private mutating func expire() -> [TerminalInput] {
    defer {
      pending.removeAll()
      skipping = .none
    }
    return skipping == .none && pending == [0x1b] ? [.key(.escape)] : []
  }

  private mutating func decodePending() -> [TerminalInput] {
    var events: [TerminalInput] = []
    var index = 0
    while index < pending.count {
      switch skipping {
      case .controlSequence:
        // Parameter and intermediate bytes go on; a final byte ends the sequence, and any
        // other byte starts the next input.
        while index < pending.count, (0x20...0x3f).contains(pending[index]) { index += 1 }
        if index < pending.count {
          if (0x40...0x7e).contains(pending[index]) { index += 1 }
          skipping = .none
        }
        continue
      case .controlString:
        guard let end = Self.endOfString(pending, from: index) else {
          // An ESC at the very end may be the first half of the terminator.
          pending = pending.last == 0x1b ? [0x1b] : []
          return events
        }
        index = end
        skipping = .none
        continue
      case .none:
        break
      }
      switch Self.decode(pending, at: index) {
      case .incomplete:
        if pending.count - index > Self.maximumSequence, pending[index] == 0x1b {
          // Only a control sequence grows this long; skip the rest of it as it comes.
          index = pending.count
          skipping = .controlSequence
          continue
        }
        pending.removeFirst(index)
        return events
      case .event(let event, let length):
        if let event { events.append(event) }
        index += length
      case .controlString(let introducer):
        index += introducer
        skipping = .controlString
      }
    }
    pending.removeAll()
    return events
  }

  /// Where the input after a control string starts: after its BEL or ST, at an ESC that
  /// interrupts it, or after a CAN or SUB that cancels it. Nil while it is unfinished.
  private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case 0x07, 0x18, 0x1a:
        return index + 1
      case 0x1b:
        guard index + 1 < bytes.count else { return nil }
        return bytes[index + 1] == UInt8(ascii: "\\") ? index + 2 : index
      default:
        index += 1
      }
    }
    return nil
  }

  private enum Step {
    case incomplete
    case event(TerminalInput?, length: Int)
    /// The introducer of a control string, whose end may come in a later read.
    case controlString(introducer: Int)
  }

  private static func decode(_ bytes: [UInt8], at start: Int) -> Step {
    let byte = bytes[start]
    switch byte {
    case 0x1b: return decodeEscape(bytes, at: start)
    case 0x0d, 0x0a: return .event(.key(.enter), length: 1)
    case 0x7f, 0x08: return .event(.key(.backspace), length: 1)
    case 0x09: return .event(.key(.tab), length: 1)
    case 0x01...0x1a:
      return .event(.key(.control(Character(Unicode.Scalar(byte + 0x60)))), length: 1)
    case 0x00..<0x20:
      // Ctrl-@ and Ctrl-\ to Ctrl-_ are named by the character 0x40 above them.
      return .event(.key(.control(Character(Unicode.Scalar(byte + 0x40)))), length: 1)
    default: return decodeUTF8(bytes, at: start)
    }
  }

  private static func decodeUTF8(_ bytes: [UInt8], at start: Int) -> Step {
    let lead = bytes[start]
    let length: Int
    switch lead {
    case 0x00..<0x80: length = 1
    case 0xc2..<0xe0: length = 2
    case 0xe0..<0xf0: length = 3
    case 0xf0..<0xf5: length = 4
    default: return .event(nil, length: 1)
    }
    guard start + length <= bytes.count else { return .incomplete }
    let slice = bytes[start..<start + length]
    guard slice.dropFirst().allSatisfy({ $0 & 0xc0 == 0x80 }),
      let text = String(validating: slice, as: UTF8.self), let character = text.first
    else { return .event(nil, length: 1) }
    return .event(.key(.character(character)), length: length)
  }

  private static func decodeEscape(_ bytes: [UInt8], at start: Int) -> Step {
    guard start + 1 < bytes.count else { return .incomplete }
    switch bytes[start + 1] {
    case UInt8(ascii: "["): return decodeCSI(bytes, at: start)
    case UInt8(ascii: "O"): return decodeSS3(bytes, at: start)
    // OSC, DCS, SOS, PM, APC: colour and other replies the app never asked for.
    case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"),
      UInt8(ascii: "_"):
      return .controlString(introducer: 2)
    case 0x1b:
      // Escape pressed, then something else: that starts on its own.
      return .event(.key(.escape), length: 1)
    default:
      // Alt+key arrives as ESC then the key.
      switch decode(bytes, at: start + 1) {
      case .event(.key(let key), let length): return .event(.key(.alt(key)), length: length + 1)
      case .event(_, let length): return .event(nil, length: length + 1)
      case .incomplete, .controlString: return .incomplete
      }
    }
  }

  /// SS3 (`ESC O`): arrow keys in application mode; an optional modifier may come first.
  private static func decodeSS3(_ bytes: [UInt8], at start: Int) -> Step {
    var index = start + 2
    while index < bytes.count, (0x30...0x3f).contains(bytes[index]) { index += 1 }
    guard index < bytes.count else { return .incomplete }
    guard (0x40...0x7e).contains(bytes[index]) else { return .event(nil, length: index - start) }
    let key = index == start + 2 ? arrow(bytes[index]) : nil
    return .event(key.map { .key($0) }, length: index - start + 1)
  }

  private static func arrow(_ final: UInt8) -> KeyPress? {
    switch final {
    case UInt8(ascii: "A"): .up
    case UInt8(ascii: "B"): .down
    case UInt8(ascii: "C"): .right
    case UInt8(ascii: "D"): .left
    default: nil
    }
  }

  private static func decodeCSI(_ bytes: [UInt8], at start: Int) -> Step {
    // CSI: parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
    var index = start + 2
    while index < bytes.count, (0x20...0x3f).contains(bytes[index]) { index += 1 }
    guard index < bytes.count else { return .incomplete }
    let final = bytes[index]
    let body = bytes[(start + 2)..<index]
    // A byte that cannot end a CSI cuts it short: drop what came, keep that byte.
    guard (0x40...0x7e).contains(final) else { return .event(nil, length: index - start) }
    let length = index - start + 1

    if body.isEmpty && final == UInt8(ascii: "M") {
      return decodeX10(bytes, at: start)
    }
    if body.first == UInt8(ascii: "<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
      let event = sgrMouse(body.dropFirst(), released: final == UInt8(ascii: "m"))
      return .event(event, length: length)
    }
    if body.first == UInt8(ascii: "?"), body.last == UInt8(ascii: "$"), final == UInt8(ascii: "y") {
      let numbers = parameters(body.dropFirst().dropLast())
      guard numbers.count == 2, let mode = numbers[0], let value = numbers[1] else {
        return .event(nil, length: length)
      }
      return .event(.modeReport(mode: mode, value: value), length: length)
    }
    if let key = arrow(final), body.allSatisfy({ (0x30...0x3b).contains($0) }) {
      return .event(.key(key), length: length)
    }
    if final == UInt8(ascii: "~"), parameters(body).first == 3 {
      return .event(.key(.delete), length: length)
    }
    return .event(nil, length: length)
  }

  private static func parameters(_ body: ArraySlice<UInt8>) -> [Int?] {
    body.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { digits in
      guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ (0x30...0x39).contains($0) })
      else { return nil }
      return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
  }

  private static func sgrMouse(_ body: ArraySlice<UInt8>, released: Bool) -> TerminalInput? {
    let numbers = parameters(body)
    guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2] else {
      return nil
    }
    return .mouse(mouseReport(code: code, x: x, y: y, released: released))
  }

  private static func decodeX10(_ bytes: [UInt8], at start: Int) -> Step {
    guard start + 5 < bytes.count else { return .incomplete }
    let code = Int(bytes[start + 3]) - 32
    let x = Int(bytes[start + 4]) - 32
    let y = Int(bytes[start + 5]) - 32
    guard code >= 0, x > 0, y > 0 else { return .event(nil, length: 6) }
    // X10 has no release flag: button 3 without motion or wheel bits is a release.
    let released = code & 0x63 == 3
    return .event(.mouse(mouseReport(code: code, x: x, y: y, released: released)), length: 6)
  }

  private static func mouseReport(code: Int, x: Int, y: Int, released: Bool) -> MouseReport {
    let button = code & 3
    let kind: MouseReport.Kind
    if code & 64 != 0 {
      kind = button == 0 ? .wheelUp : .wheelDown
    } else if released {
      kind = .release
    } else if code & 32 != 0 {
      kind = button == 3 ? .move : .drag
    } else {
      kind = .press
    }
    return MouseReport(
      kind: kind, button: button, x: x, y: y, shift: code & 4 != 0, meta: code & 8 != 0,
      control: code & 16 != 0)
  }
}

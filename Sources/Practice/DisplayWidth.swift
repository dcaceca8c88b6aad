/// Terminal columns text takes: East Asian wide and full-width characters take two. Kept with
/// the screens, so that a page can fit its text to the terminal before the renderer sees it.
public enum DisplayWidth {
  public static func of(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    switch scalar.value {
    case 0x0300...0x036f, 0x200b...0x200f: return 0
    case 0x1100...0x115f, 0x2e80...0x303e, 0x3041...0x33ff, 0x3400...0x4dbf, 0x4e00...0x9fff,
      0xa000...0xa4cf, 0xac00...0xd7a3, 0xf900...0xfaff, 0xfe30...0xfe4f, 0xff00...0xff60,
      0xffe0...0xffe6, 0x20000...0x3fffd:
      return 2
    default: return 1
    }
  }

  public static func of(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// A line fitted to `columns`: as it is when it fits, else broken at spaces, the rest
  /// indented two columns past the line's own indent (a word longer than a line is cut).
  public static func fitted(_ line: String, columns: Int) -> [String] {
    guard of(line) > columns, columns > 8 else { return [line] }
    let indent = String(line.prefix { $0 == " " })
    let hanging = indent + "  "
    let pieces = Layout.wrap(
      String(line.dropFirst(indent.count)), firstWidth: columns - of(indent),
      restWidth: columns - of(hanging))
    return pieces.enumerated().map { ($0.offset == 0 ? indent : hanging) + $0.element }
  }
}

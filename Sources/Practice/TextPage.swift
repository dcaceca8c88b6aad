import Foundation

/// A page of text in the app (the weak list, the self-test history, the statistics) as a small
/// state machine: it scrolls, closes, and offers a few actions on keys.
public struct TextPage: Equatable, Sendable {
  /// A key the page offers beyond scrolling and closing.
  public struct Action: Equatable, Sendable {
    public var key: Character
    public var label: String

    public init(key: Character, label: String) {
      self.key = key
      self.label = label
    }
  }

  public var title: String
  /// The page's text, a line may be longer than the terminal is wide...
  public var lines: [String] { didSet { fit() } }
  /// ...and the lines shown: each fitted to the width, broken at spaces.
  public private(set) var shown: [String] = []
  public var actions: [Action]
  /// How many of the page's numbered entries (at most nine) the digits 1-9 open, each as
  /// `.action` of its digit: the weak list's kanji, each to its page.
  public var numbered: Int
  public private(set) var top = 0
  public private(set) var layout: Layout

  /// The size is the terminal's, given again by a resize event when the page is shown.
  public init(
    title: String, lines: [String], actions: [Action] = [], numbered: Int = 0, columns: Int = 80,
    rows: Int = 24
  ) {
    self.title = title
    self.lines = lines
    self.actions = actions
    self.numbered = min(9, max(0, numbered))
    layout = Layout(columns: columns, rows: rows)
    fit()
  }

  mutating func fit() {
    shown = lines.flatMap { DisplayWidth.fitted($0, columns: layout.columns) }
  }

  /// Rows between the title and the key line.
  var bodyRows: Int { max(1, layout.rows - 2 - layout.keyRows) }
  var maxTop: Int { max(0, shown.count - bodyRows) }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    if case .key(let key) = event,
      let moved = Scrolling.top(after: key, from: top, lines: shown.count, rows: bodyRows)
    {
      top = moved
      return []
    }
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      fit()
      top = min(top, maxTop)
    case .key(.interrupt):
      return [.quit]
    case .key(.escape), .key(.enter), .key(.character("q")):
      return [.close]
    case .key(.character(let key)) where actions.contains { $0.key == key }:
      return [.action(key)]
    case .key(.character(let key))
    where numbered > 0 && (1...numbered).contains(key.wholeNumberValue ?? 0):
      return [.action(key)]
    default:
      break
    }
    return []
  }

  public var screen: Screen {
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    screen.texts.append(TextItem(row: 0, column: 0, text: title, style: .title))
    for (offset, line) in shown.dropFirst(top).prefix(bodyRows).enumerated() {
      screen.texts.append(TextItem(row: 2 + offset, column: 0, text: line))
    }
    screen.addFooter(status: nil, keys: keys, layout: layout)
    return screen
  }

  /// Scrolling when the lines do not fit, the page's actions, and back.
  public var keys: KeyLine {
    let scroll = shown.count > bodyRows ? [("j/k", "or space scroll", "scroll")] : []
    let extra = actions.map { (String($0.key), $0.label, $0.label) }
    let open =
      numbered > 0 ? [(numbered == 1 ? "1" : "1-\(numbered)", "a kanji's page", "page")] : []
    return KeyLine(scroll + extra + open + [("q", "back", "back")])
  }
}

extension TextPage: Scene {
  public var tickInterval: Int { 1000 }
}

import Foundation

/// One setting as the settings screen shows and changes it. The App fills these from the
/// store's settings catalog; the screen only knows how each is changed.
public struct SettingItem: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    /// "on" or "off", flipped.
    case toggle
    /// One of these, cycled in order.
    case choice([String])
    /// Typed: numbers and step lists.
    case typed
  }

  public var key: String
  public var help: String
  public var kind: Kind
  public var value: String

  public init(key: String, help: String, kind: Kind, value: String) {
    self.key = key
    self.help = help
    self.kind = kind
    self.value = value
  }

  /// "new per day": the catalog's key, as words.
  public var name: String { key.replacingOccurrences(of: "_", with: " ") }

  /// The value a toggle or a choice changes to; nil for a typed setting.
  var nextValue: String? {
    switch kind {
    case .toggle: value == "on" ? "off" : "on"
    case .choice(let options):
      options.firstIndex(of: value).map { options[(options.index(after: $0)) % options.count] }
        ?? options.first
    case .typed: nil
    }
  }
}

/// The learner's settings as a list: move with j/k or the arrows, Enter or space changes the
/// one selected. Toggles flip and choices cycle at once; numbers and steps are typed on the
/// status line. Every change goes to the App, which validates it with the catalog and stores
/// it, and the screen shows the stored value or the reason it was refused.
public struct SettingsScreen: Equatable, Sendable {
  public private(set) var items: [SettingItem]
  public private(set) var selected = 0
  /// The text being typed for the selected setting; nil while choosing.
  public private(set) var typing: String?
  /// What the last change did, or why it was refused.
  public private(set) var message: String?
  public private(set) var messageIsError = false
  public private(set) var layout: Layout

  public init(items: [SettingItem], columns: Int = 80, rows: Int = 24) {
    self.items = items
    layout = Layout(columns: columns, rows: rows)
  }

  public mutating func handle(_ event: Event, at time: Date) -> [Effect] {
    switch event {
    case .resize(let columns, let rows):
      layout = Layout(columns: columns, rows: rows)
      return []
    case .key(.interrupt):
      return [.quit]
    case .settingChanged(let key, let value):
      guard let index = items.firstIndex(where: { $0.key == key }) else { return [] }
      items[index].value = value
      tell("\(items[index].name): \(value)", error: false)
      return []
    case .settingRefused(let key, let reason):
      let name = items.first { $0.key == key }?.name ?? key
      tell("\(name) not changed: \(reason)", error: true)
      return []
    case .key(let key):
      if layout.isTooSmall { return key == .character("q") ? [.close] : [] }
      return typing == nil ? choose(key) : type(key)
    default:
      return []
    }
  }

  private mutating func tell(_ text: String, error: Bool) {
    message = text
    messageIsError = error
  }

  private mutating func choose(_ key: Key) -> [Effect] {
    guard !items.isEmpty else { return key == .character("q") || key == .escape ? [.close] : [] }
    switch key {
    case .character("j"), .down:
      selected = (selected + 1) % items.count
    case .character("k"), .up:
      selected = (selected + items.count - 1) % items.count
    case .enter, .character(" "):
      let item = items[selected]
      if let next = item.nextValue {
        return [.changeSetting(key: item.key, value: next)]
      }
      typing = ""
      message = nil
    case .character("q"), .escape:
      return [.close]
    default:
      break
    }
    return []
  }

  private mutating func type(_ key: Key) -> [Effect] {
    guard let text = typing else { return [] }
    switch key {
    case .escape:
      typing = nil
    case .backspace:
      typing = String(text.dropLast())
    case .enter:
      typing = nil
      // Nothing typed keeps the value: Enter on an empty field is a change of mind.
      guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
      return [.changeSetting(key: items[selected].key, value: text)]
    case .character(let character):
      // Long enough for ten steps; more is a stuck key.
      if text.count < 60 { typing = text + String(character) }
    default:
      break
    }
    return []
  }

  public static let chooseKeys = KeyLine([
    ("j/k", "move", "move"), ("Enter", "change", "change"), ("q", "back", "back"),
  ])
  public static let typeKeys = KeyLine([("Enter", "save", "save"), ("Esc", "cancel", "cancel")])

  public var screen: Screen {
    if layout.isTooSmall { return layout.tooSmallScreen }
    var screen = Screen(columns: layout.columns, rows: layout.rows)
    screen.texts.append(TextItem(row: 0, column: 0, text: "Settings", style: .title))
    let width = (items.map(\.name.count).max() ?? 0) + 2
    for (offset, item) in items.enumerated() {
      let marker = offset == selected ? "> " : "  "
      let name = item.name.padding(toLength: width, withPad: " ", startingAt: 0)
      screen.texts.append(
        TextItem(
          row: 2 + offset, column: 0, text: marker + name + item.value,
          style: offset == selected ? .accent : .plain))
    }
    if items.indices.contains(selected) {
      let help = Layout.wrap(items[selected].help, width: layout.columns - 2)
      for (offset, line) in help.prefix(max(0, layout.statusRow - 3 - items.count)).enumerated() {
        screen.texts.append(
          TextItem(row: 3 + items.count + offset, column: 2, text: line, style: .dim))
      }
    }
    if let typing, items.indices.contains(selected) {
      let field = "\(items[selected].name): \(typing)_"
      screen.texts.append(
        TextItem(
          row: layout.statusRow, column: 0,
          text: String(field.suffix(max(1, layout.columns - 1))), style: .accent))
    } else if let message {
      // A refusal names its limit, which may not fit one line of a narrow terminal: it ends
      // on the status line, its first lines above it.
      let lines = Layout.wrap(message, width: layout.columns - 1)
      for (offset, line) in lines.enumerated() {
        screen.texts.append(
          TextItem(
            row: layout.statusRow - lines.count + 1 + offset, column: 0, text: line,
            style: messageIsError ? .error : .accent))
      }
    }
    let keys = (typing == nil ? Self.chooseKeys : Self.typeKeys).text(width: layout.columns)
    screen.texts.append(TextItem(row: layout.keysRow, column: 0, text: keys, style: .key))
    return screen
  }
}

extension SettingsScreen: Scene {
  public var tickInterval: Int { 1000 }
}

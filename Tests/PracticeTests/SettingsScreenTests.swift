import Foundation
import Practice
import Testing

@Suite struct SettingsScreenTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)

  func screen(columns: Int = 80, rows: Int = 24) -> SettingsScreen {
    SettingsScreen(
      items: [
        SettingItem(
          key: "new_per_day", help: "new kanji introduced per day", kind: .typed, value: "10"),
        SettingItem(
          key: "show_stroke_count", help: "show the number of strokes", kind: .toggle,
          value: "off"),
        SettingItem(
          key: "strictness", help: "how strictly drawings are graded",
          kind: .choice(["lenient", "standard", "strict"]), value: "standard"),
      ], columns: columns, rows: rows)
  }

  func texts(_ settings: SettingsScreen) -> [String] { settings.screen.texts.map(\.text) }

  func press(_ settings: inout SettingsScreen, _ keys: String) -> [Effect] {
    keys.flatMap { key in
      settings.handle(key == "\n" ? .key(.enter) : .key(.character(key)), at: now)
    }
  }

  @Test func listsEachSettingWithItsValueAndTheSelectedOnesHelp() {
    let lines = texts(screen())
    #expect(lines.first == "Settings")
    #expect(lines.contains("> new per day        10"))
    #expect(lines.contains("  show stroke count  off"))
    #expect(lines.contains("  strictness         standard"))
    #expect(lines.contains("new kanji introduced per day"))
    #expect(lines.last == "j/k move  Enter change  q back")
  }

  @Test func movesWithJKAndTheArrowsAndWraps() {
    var settings = screen()
    _ = settings.handle(.key(.down), at: now)
    #expect(settings.selected == 1)
    _ = press(&settings, "j")
    #expect(settings.selected == 2)
    _ = press(&settings, "j")
    #expect(settings.selected == 0)
    _ = settings.handle(.key(.up), at: now)
    #expect(settings.selected == 2)
    _ = press(&settings, "k")
    #expect(texts(settings).contains("> show stroke count  off"))
  }

  @Test func aToggleFlipsAndAChoiceCyclesThroughTheApp() {
    var settings = screen()
    _ = press(&settings, "j")
    #expect(press(&settings, " ") == [.changeSetting(key: "show_stroke_count", value: "on")])
    // The value changes only once the App has stored it.
    #expect(settings.items[1].value == "off")
    _ = settings.handle(.settingChanged(key: "show_stroke_count", value: "on"), at: now)
    #expect(settings.items[1].value == "on")
    #expect(texts(settings).contains("show stroke count: on"))
    _ = press(&settings, "j")
    #expect(press(&settings, "\n") == [.changeSetting(key: "strictness", value: "strict")])
    _ = settings.handle(.settingChanged(key: "strictness", value: "strict"), at: now)
    #expect(press(&settings, "\n") == [.changeSetting(key: "strictness", value: "lenient")])
  }

  @Test func aNumberIsTypedOnTheStatusLineAndSavedWithEnter() {
    var settings = screen()
    #expect(press(&settings, "\n").isEmpty)
    #expect(press(&settings, "155").isEmpty)
    _ = settings.handle(.key(.backspace), at: now)
    #expect(texts(settings).contains("new per day: 15_"))
    #expect(texts(settings).last == "Enter save  Esc cancel")
    #expect(press(&settings, "\n") == [.changeSetting(key: "new_per_day", value: "15")])
    _ = settings.handle(.settingChanged(key: "new_per_day", value: "15"), at: now)
    #expect(texts(settings).contains("> new per day        15"))
  }

  @Test func escCancelsTypingAndARefusalKeepsTheOldValueWithTheReason() {
    var settings = screen()
    _ = press(&settings, "\n7")
    _ = settings.handle(.key(.escape), at: now)
    #expect(settings.typing == nil)
    #expect(settings.items[0].value == "10")
    _ = press(&settings, "\n10000\n")
    _ = settings.handle(
      .settingRefused(key: "new_per_day", reason: "10000 is out of range (0...9999)"), at: now)
    #expect(settings.items[0].value == "10")
    #expect(texts(settings).contains("new per day not changed: 10000 is out of range (0...9999)"))
  }

  @Test func aRefusalWrapsAboveTheKeysOnANarrowTerminal() {
    var settings = screen(columns: 34, rows: 24)
    _ = settings.handle(
      .settingRefused(key: "new_per_day", reason: "10000 is out of range (0...9999)"), at: now)
    let shown = settings.screen.texts
    #expect(shown.allSatisfy { $0.column + $0.text.count <= 34 })
    #expect(shown.map(\.text).joined(separator: " ").contains("10000 is out of range (0...9999)"))
  }

  @Test func qAndEscGoBack() {
    var settings = screen()
    #expect(press(&settings, "q") == [.close])
    #expect(settings.handle(.key(.escape), at: now) == [.close])
    #expect(settings.handle(.key(.interrupt), at: now) == [.quit])
  }
}

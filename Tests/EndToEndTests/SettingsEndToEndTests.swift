import Foundation
import TestSupport
import Testing

/// The settings screen and the narrow footers, in the real binary.
@Suite(.timeLimit(.minutes(1))) struct SettingsEndToEndTests {
  /// A setting as `kanji-write config KEY` reads it from the app's home.
  func setting(_ key: String, in app: AppUnderTest) throws -> String {
    let result = try app.run(["config", key])
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func theSettingsScreenChangesANumberAndAToggleAndRefusesOutOfRange() throws {
    let today = Date().iso8601
    let app = try AppUnderTest(
      [], before: [["add", "十"], ["review", "--kanji", "十", "--rating", "easy", "--at", today]])
    _ = try app.tmux.waitForText("Reviewed today")
    try app.tmux.type("o")
    let settings = try app.tmux.waitForText("> new per day").joined(separator: "\n")
    #expect(settings.contains("  show stroke count      off"))
    #expect(settings.contains("j/k move  Enter change  q back"))
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Enter save  Esc cancel")
    try app.tmux.type("15")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("new per day: 15")
    try app.tmux.key("Enter")
    try app.tmux.type("10000")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("new per day not changed: 10000 is out of range (0...9999)")
    // The arrows move as j and k do.
    for _ in 0..<5 { try app.tmux.key("Down") }
    _ = try app.tmux.waitForText("> show stroke count")
    try app.tmux.type(" ")
    _ = try app.tmux.waitForText("show stroke count: on")
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Reviewed today")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try setting("new_per_day", in: app) == "15")
    #expect(try setting("show_stroke_count", in: app) == "on")
  }

  /// At the minimum size every footer shows its keys whole, on two rows where they need them.
  @Test func theFootersFitTheMinimumSize() throws {
    let app = try AppUnderTest(["practice", "十"], columns: 34, rows: 24)
    try app.tmux.waitForMouseMode()
    var screen = try app.tmux.waitForText("h hint  s show  ? help  q quit")
    #expect(screen.contains("Enter check  u undo  c clear"))
    try app.tmux.type("s")
    screen = try app.tmux.waitForText("Enter/space save  1-4 rate  ? help")
    #expect(screen.contains("q quit"))
    #expect(screen.contains { $0.hasPrefix("Again  [1") })
    try app.tmux.key("Enter")
    screen = try app.tmux.waitForText("Esc skip  ? help  q quit")
    #expect(screen.contains("Enter check  u undo  c clear"))
    try app.tmux.key("Escape")
    screen = try app.tmux.waitForText("Session done")
    #expect(screen.joined(separator: "\n").contains("o settings U undo Enter or q quit"))
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
  }

  /// Today's cards done, `n` on the summary brings new kanji beyond the day's limit, and the
  /// raise is kept for the day.
  @Test func studyMoreBringsNewKanjiBeyondTheDailyLimit() throws {
    let sixtyDaysAgo = Date().addingTimeInterval(-60 * 86_400).iso8601
    let app = try AppUnderTest(
      [], settings: ["new_per_day": "0"],
      before: [
        ["add", "十"], ["review", "--kanji", "十", "--rating", "easy", "--at", sixtyDaysAgo],
        ["add", "二", "三"],
      ])
    _ = try app.tmux.waitForText("1 of 1 · review")
    try app.draw("十")
    try app.tmux.key("Enter")
    _ = try app.tmux.waitForText("Rating:")
    try app.tmux.key("Enter")
    let summary = try app.tmux.waitForText("Session done").joined(separator: "\n")
    #expect(summary.contains("n +5 new") && summary.contains("a ahead"))
    try app.tmux.type("n")
    let study = try app.tmux.waitForText("New kanji: 二").joined(separator: "\n")
    #expect(study.contains("2 of 3 · new"))
    try app.tmux.type("q")
    _ = try app.tmux.waitForText("Session stopped")
    try app.tmux.type("q")
    #expect(try app.waitForExit() == 0)
    #expect(try setting("extra_new_today", in: app).hasSuffix(":5"))
  }
}

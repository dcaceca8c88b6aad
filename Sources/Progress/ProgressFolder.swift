import Foundation

/// Where the learner's progress lives: `--home`, then `$KANJI_WRITE_HOME`, then
/// `$XDG_DATA_HOME/kanji-write`, then `~/.local/share/kanji-write`.
public enum ProgressFolder {
  public static let fileName = "progress.sqlite"

  public static func directory(home: String?, environment: [String: String]) -> String {
    if let home, !home.isEmpty { return home }
    if let home = environment["KANJI_WRITE_HOME"], !home.isEmpty { return home }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/kanji-write" }
    let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return user + "/.local/share/kanji-write"
  }
}

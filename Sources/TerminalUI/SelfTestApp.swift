import Foundation
import Practice

/// Runs the self-test in the terminal: feeds the test its events, stores the finished test
/// through `save`, and draws its screen. It makes no decisions of its own.
public final class SelfTestApp {
  private let terminal: Terminal
  private var test: SelfTestSession
  private let save: (SelfTestOutcome) throws -> Void
  private var input: TerminalEvents

  public init(
    terminal: Terminal, test: SelfTestSession, save: @escaping (SelfTestOutcome) throws -> Void
  ) {
    self.terminal = terminal
    self.test = test
    self.save = save
    input = TerminalEvents(terminal: terminal)
  }

  /// Runs until the learner leaves the results or abandons the test. Returns the test when it
  /// was finished and stored. The caller restores the terminal.
  public func run() -> SelfTestOutcome? {
    _ = test.handle(.resize(columns: terminal.columns, rows: terminal.rows), at: Date())
    var saved: SelfTestOutcome?
    input.run(
      drawing: { test.screen },
      handle: { event in
        for effect in test.handle(event, at: Date()) {
          switch effect {
          case .save(let outcome):
            do {
              try save(outcome)
              saved = outcome
            } catch {
              test.saveFailed("\(error)")
            }
          case .quit:
            return false
          }
        }
        return true
      })
    return saved
  }
}

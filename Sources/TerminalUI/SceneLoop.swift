import Foundation
import Practice

/// A terminal the run loop can run scenes on: the real one, or a scripted one in tests.
public protocol SceneTerminal: AnyObject {
  var columns: Int { get }
  var rows: Int { get }
  /// Input and signals as events, waiting at most `milliseconds`; empty when nothing came.
  func events(waitingAtMost milliseconds: Int) -> [Event]
  func show(_ screen: Screen)
}

/// What the App made of a scene's effects.
public enum Reaction: Equatable, Sendable {
  /// Go on, giving the scene these results first.
  case proceed([Event])
  /// The scene is done: leave the loop.
  case leave
}

/// The one run loop: shows a scene, hands it every event, has the App perform its effects
/// through `perform`, and shows it again. It makes no decisions of its own.
public enum SceneLoop {
  public static func run<S: Scene>(
    _ scene: inout S, on terminal: some SceneTerminal,
    perform: ([Effect]) throws -> Reaction
  ) rethrows {
    guard try feed(.resize(columns: terminal.columns, rows: terminal.rows), to: &scene, perform)
    else { return }
    while true {
      terminal.show(scene.screen)
      var events = terminal.events(waitingAtMost: scene.tickInterval)
      if events.isEmpty { events = [.tick] }
      for event in events {
        guard try feed(event, to: &scene, perform) else { return }
      }
    }
  }

  /// Hands `event` to the scene, and the results of its effects after it; false once the App
  /// says the scene is done.
  private static func feed<S: Scene>(
    _ event: Event, to scene: inout S, _ perform: ([Effect]) throws -> Reaction
  ) rethrows -> Bool {
    var pending = [event]
    while !pending.isEmpty {
      let effects = scene.handle(pending.removeFirst(), at: Date())
      guard !effects.isEmpty else { continue }
      switch try perform(effects) {
      case .proceed(let results): pending.insert(contentsOf: results, at: 0)
      case .leave: return false
      }
    }
    return true
  }
}

extension Terminal: SceneTerminal {
  public func events(waitingAtMost milliseconds: Int) -> [Event] {
    input.next(from: self, waitingAtMost: milliseconds)
  }

  public func show(_ screen: Screen) {
    draw(Renderer.grid(for: screen))
  }
}

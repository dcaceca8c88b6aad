import Foundation
import KanjiData
import Progress
import TerminalUI

/// What one run of the app opens once and every screen shares: the learner's store (one
/// connection for the whole run) and the reference database. The terminal is checked before
/// anything is opened, so a terminal the app cannot use leaves no file behind.
final class AppContext {
  let global: GlobalOptions
  let store: ProgressStore
  let reference: ReferenceDatabase

  init(_ global: GlobalOptions) throws {
    do {
      try Terminal.checkEnvironment(environment: ProcessInfo.processInfo.environment)
    } catch {
      ProgressCLI.fail(error.description)
    }
    self.global = global
    store = try ProgressCLI.openStore(global)
    reference = try ProgressCLI.run {
      try ReferenceDatabase(path: try ReferenceDatabase.locate(explicit: global.data))
    }
  }
}

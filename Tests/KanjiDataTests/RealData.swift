import Foundation
import TestSupport

@testable import KanjiData

/// The upstream data and the database `make data` builds; `make test` builds them first.
enum RealData {
  static let wheel = Repository.path("Data/cache/kanjivg-20260714-py3-none-any.whl")

  static func openDatabase() throws -> ReferenceDatabase {
    try ReferenceDatabase(path: Repository.requireReferenceDatabase())
  }
}

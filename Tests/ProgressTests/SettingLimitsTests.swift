import Foundation
import ProgressRecords
import Scheduler
import TestSupport
import Testing

@testable import Progress

/// Setting values are refused with the reason and the limit they broke.
@Suite struct SettingLimitsTests {
  func reason(_ key: String, _ value: String) -> String? {
    do {
      _ = try SettingsCatalog.definition(key)!.validated(value)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func stepsAreFewAndShorterThanADay() throws {
    let many = Array(repeating: "1m", count: 5000).joined(separator: " ")
    #expect(reason("learning_steps", many) == "5000 steps; at most 10")
    let ten = Array(repeating: "1m", count: 10).joined(separator: " ")
    #expect(reason("learning_steps", ten) == nil)
    #expect(reason("relearning_steps", ten + " 1m") == "11 steps; at most 10")
    #expect(reason("learning_steps", "1m 2d") == "step \"2d\" is not between 1s and 1d")
    #expect(reason("learning_steps", "0.5s") == "step \"0.5s\" is not between 1s and 1d")
    #expect(reason("learning_steps", "1e300m") == "step \"1e300m\" is not between 1s and 1d")
    #expect(
      reason("learning_steps", "10x") == "\"10x\" is not a duration like 1m (units s, m, h, d)")
    #expect(reason("learning_steps", "1m 1d") == nil)
    #expect(reason("learning_steps", "none") == nil)
  }

  @Test func numbersNameTheirRange() {
    #expect(reason("day_start", "-1") == "-1 is out of range (0...23)")
    #expect(reason("day_start", "ten") == "\"ten\" is not a whole number (0...23)")
    #expect(reason("desired_retention", "1.5") == "1.5 is out of range (0.7...0.99)")
    #expect(reason("desired_retention", "nan") == "\"nan\" is not a number (0.7...0.99)")
    #expect(reason("max_interval", "36501") == "36501 is out of range (1...36500)")
    #expect(reason("fuzz", "maybe") == "\"maybe\" is not on or off")
    #expect(reason("strictness", "harsh") == "\"harsh\" is not one of lenient, standard, strict")
    let long = String(repeating: "9", count: 100)
    #expect(
      reason("new_per_day", long)
        == "\"999999999999999999999999999999\"… (100 characters) "
        + "is not a whole number (0...9999)")
  }

  @Test func aRefusedValueIsNotStored() throws {
    let home = try TemporaryFolder()
    let store = try home.openStore()
    let many = Array(repeating: "1m", count: 5000).joined(separator: " ")
    #expect(throws: ProgressError.self) { try store.setSetting("learning_steps", many) }
    #expect(throws: ProgressError.self) { try store.setSetting("day_start", "-1") }
    #expect(try store.setting("learning_steps") == "1m 10m")
    #expect(try store.setting("day_start") == "4")
    #expect(try store.schedulingConfig().learningSteps == [60, 600])
  }

  /// The settings' defaults are the scheduler's own: a fresh store schedules as
  /// `SchedulingConfig()` does, and each default the catalog shows parses to it.
  @Test func theCatalogsDefaultsAreTheSchedulersDefaults() throws {
    let home = try TemporaryFolder()
    let config = try home.openStore().schedulingConfig()
    let defaults = SchedulingConfig(clock: DayClock(timeZone: .utc))
    #expect(config == defaults)
    func catalogDefault(_ key: String) -> String {
      SettingsCatalog.definition(key)!.defaultValue
    }
    #expect(
      SettingDefinition.parseSteps(catalogDefault("learning_steps")) == defaults.learningSteps)
    #expect(
      SettingDefinition.parseSteps(catalogDefault("relearning_steps")) == defaults.relearningSteps)
    #expect(Double(catalogDefault("desired_retention")) == defaults.desiredRetention)
    #expect(Int(catalogDefault("max_interval")) == defaults.maximumInterval)
    #expect(Int(catalogDefault("leech_threshold")) == defaults.leechThreshold)
    #expect(Int(catalogDefault("day_start")) == defaults.clock.dayStartHour)
    #expect((catalogDefault("fuzz") == "on") == defaults.fuzz)
  }
}

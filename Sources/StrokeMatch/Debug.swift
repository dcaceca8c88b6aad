import Foundation
nonisolated(unsafe) public var debugCounts: [String: Int] = [:]
nonisolated(unsafe) public var debugOn = false
func dbg(_ key: String) { if debugOn { debugCounts[key, default: 0] += 1 } }
let env = ProcessInfo.processInfo.environment
func param(_ name: String, _ value: Double) -> Double { env[name].flatMap(Double.init) ?? value }

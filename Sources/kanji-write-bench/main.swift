import Foundation

// Each layer's benchmark is a section; `make bench` runs them all, or the ones named.
let sections: [(name: String, run: () throws -> Void)] = [
  ("import", ImportBench.run),
  ("words", WordsBench.run),
  ("scheduler", SchedulerBench.run),
  ("optimizer", OptimizerBench.run),
  ("grade", GradeBench.run),
  ("recognize", RecognizeBench.run),
  ("tui", TUIBench.run),
  ("sync", SyncBench.run),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for section in sections where wanted.isEmpty || wanted.contains(section.name) {
  print("== \(section.name)")
  do {
    try section.run()
  } catch {
    print("\(section.name): failed: \(error)")
    exit(1)
  }
}

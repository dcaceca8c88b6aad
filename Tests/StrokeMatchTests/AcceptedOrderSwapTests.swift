import KanjiData
import SimulatedWriting
import StrokeMatch
import Testing

/// A swap the simulated writers make is an error to catch, never one of the kanji's accepted
/// stroke orders (止 may be written with its short horizontal first).
@Suite struct AcceptedOrderSwapTests {
  @Test func aSwapThatIsAnAcceptedOrderIsNoCase() throws {
    let stop = try Reference.kanji("止")
    #expect(Grader(kanji: stop).acceptedOrders == [[1, 0, 2, 3]])
    #expect(SimulatedWriter.swapIsAcceptedOrder(stop, 0, 1))
    #expect(!SimulatedWriter.swapIsAcceptedOrder(stop, 2, 3))
    var writer = SimulatedWriter(seed: 1)
    for index in 0..<200 {
      guard
        let made = writer.makeCase(
          .swap, of: stop, level: .neat, canvas: .init(columns: 48, rows: 24), id: "\(index)")
      else { continue }
      #expect(made.stroke != [1, 2])
    }
  }
}

import Testing

@testable import Practice

@Suite struct PromptMeaningsTests {
  @Test func radicalNamesAreLeftOutOfThePrompt() {
    #expect(Screen.promptMeanings(["one", "one radical (no.1)"]) == ["one"])
    #expect(Screen.promptMeanings(["two", "two radical (no. 7)"]) == ["two"])
    #expect(Screen.promptMeanings(["a net", "net-like", "radical 122"]) == ["a net", "net-like"])
    // A meaning that only mentions radicals stays; so does a radical name with nothing else.
    #expect(
      Screen.promptMeanings(["partial", "left-side radical"]) == ["partial", "left-side radical"])
    #expect(Screen.promptMeanings(["radical number 9"]) == ["radical number 9"])
  }
}

import Testing
@testable import PublishLiquid

@Suite struct FilterTests {
    @Test("probe") func probe() throws {
        let items: [Value] = ["alpha", "beta"]
        for item in items { print(try item.property("be"), item.hasSubscript) }
        print(StandardFilters.occurrences(of: Array("be".utf8), in: Array("alpha".utf8), limit: 1))
    }
}

import PublishAST
import Testing

@Suite("YAML mappings")
struct YAMLMappingTests {
    @Test("Keys keep their order; a set replaces in place, a removal closes the gap, lookups stay right")
    func orderAndLookups() {
        var mapping = YAMLMapping()
        for number in 0..<1_000 { mapping["k\(number)"] = .int(number) }
        mapping["k10"] = .string("ten")
        mapping["k500"] = nil
        mapping["k500"] = .int(-1)
        #expect(mapping.count == 1_000)
        #expect(mapping["k10"] == .string("ten"))
        #expect(mapping["k999"] == .int(999))
        #expect(mapping["k501"] == .int(501))
        #expect(mapping.keys.last == "k500")
        #expect(mapping.keys[500] == "k501")
        #expect(mapping["nowhere"] == nil)
    }

    @Test("Equal mappings are equal whatever way they were built, and unequal in another order")
    func equality() {
        var built = YAMLMapping()
        built["a"] = .int(1)
        built["x"] = .int(9)
        built["b"] = .int(2)
        built["x"] = nil
        #expect(built == YAMLMapping([.init(key: "a", value: .int(1)), .init(key: "b", value: .int(2))]))
        #expect(built != YAMLMapping([.init(key: "b", value: .int(2)), .init(key: "a", value: .int(1))]))
        #expect(Set([built, YAMLMapping([.init(key: "a", value: .int(1)), .init(key: "b", value: .int(2))])]).count == 1)
    }
}

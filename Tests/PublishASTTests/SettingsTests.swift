import PublishAST
import Testing

@Suite("Settings")
struct SettingsTests {
    func settings(_ entries: [(String, YAMLValue)], locations: [String: PublishAST.SourceLocation] = [:]) -> Settings {
        Settings(owner: "output `email`", values: YAMLMapping(entries.map { .init(key: $0.0, value: $0.1) }),
                 locations: locations)
    }

    @Test("A nested mapping is read as settings of its own, its unknown keys located")
    func nestedUnknownKeyLocated() throws {
        var outer = settings([("smtp", .mapping(YAMLMapping([.init(key: "ulr", value: .string("smtp://x"))])))],
                             locations: ["smtp.ulr": PublishAST.SourceLocation(path: "publish.yml", line: 4, column: 5)])
        var smtp = try outer.nested("smtp")
        _ = try smtp.string("url", default: "")
        #expect {
            try smtp.finish()
        } throws: { error in
            "\(error)" == "publish.yml:4:5: error: `smtp` of output `email` has no option `ulr` (did you mean `url`?)"
        }
    }

    @Test("A list of text is read; anything else is an error")
    func strings() throws {
        var good = settings([("to", .sequence([.string("a"), .string("b")]))])
        #expect(try good.strings("to") == ["a", "b"])
        var bad = settings([("to", .string("a"))])
        #expect(throws: Diagnostic.self) { try bad.strings("to") }
    }
}

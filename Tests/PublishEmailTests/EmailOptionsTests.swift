import PublishAST
import PublishEmail
import Testing

@Suite("The email output's options")
struct EmailOptionsTests {
    private func options(_ values: YAMLMapping) throws -> EmailOptions {
        try EmailOptions(options: Settings(owner: "output `email`", values: values))
    }

    @Test("An unknown key under `dkim` is refused with the nearest one")
    func unknownNestedKey() {
        var dkim = YAMLMapping()
        dkim["selecter"] = .string("s1")
        var values = YAMLMapping()
        values["dkim"] = .mapping(dkim)
        #expect { try options(values) } throws: { "\($0)".contains("did you mean `selector`?") }
    }

    @Test("`dkim` with a selector but no key is refused")
    func partialDKIM() {
        var dkim = YAMLMapping()
        dkim["selector"] = .string("s1")
        var values = YAMLMapping()
        values["dkim"] = .mapping(dkim)
        #expect(throws: Diagnostic.self) { try options(values) }
    }

    @Test("An unsubscribe URL that is not https is refused")
    func httpsOnly() {
        var unsubscribe = YAMLMapping()
        unsubscribe["url"] = .string("http://example.org/u")
        var values = YAMLMapping()
        values["unsubscribe"] = .mapping(unsubscribe)
        #expect(throws: Diagnostic.self) { try options(values) }
    }

    @Test("The keys `publish send` reads are kept")
    func keepsDeliveryKeys() throws {
        var smtp = YAMLMapping()
        smtp["url"] = .string("smtp://127.0.0.1:2525")
        smtp["tls"] = .string("none")
        var values = YAMLMapping()
        values["smtp"] = .mapping(smtp)
        values["rate"] = .int(5)
        let read = try options(values)
        #expect(read.smtp.url == "smtp://127.0.0.1:2525" && read.smtp.tls == "none" && read.rate == 5)
    }

    @Test("`rate` may be a fraction, or 0 for no cap; not negative, not text")
    func rates() throws {
        for (value, expected) in [(YAMLValue.double(0.5), 0.5), (.int(0), 0)] {
            var values = YAMLMapping()
            values["rate"] = value
            #expect(try options(values).rate == expected)
        }
        for value in [YAMLValue.int(-1), .string("fast")] {
            var values = YAMLMapping()
            values["rate"] = value
            #expect(throws: Diagnostic.self) { try options(values) }
        }
    }
}

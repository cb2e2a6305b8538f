import PublishAST
import PublishEmail
import PublishPipeline
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

    @Test("An unsubscribe URL with a space or control character is refused: it goes into a header and a body line")
    func unsubscribeURLIsOneToken() throws {
        for url in ["https://example.org/un subscribe", "https://example.org/u\r\nBcc: x@example.org", "https://example.org/\tu"] {
            var unsubscribe = YAMLMapping()
            unsubscribe["url"] = .string(url)
            var values = YAMLMapping()
            values["unsubscribe"] = .mapping(unsubscribe)
            let read = try options(values)
            #expect(throws: Diagnostic.self, "\(url.debugDescription)") { try read.unsubscribeLink(site: SiteConfig()) }
        }
        var unsubscribe = YAMLMapping()
        unsubscribe["url"] = .string("https://example.org/unsubscribe?list=news")
        var values = YAMLMapping()
        values["unsubscribe"] = .mapping(unsubscribe)
        #expect(try options(values).unsubscribeLink(site: SiteConfig()).url == "https://example.org/unsubscribe?list=news")
    }

    @Test("`tls` not set is nil, which follows the URL's scheme; set, it is kept as written")
    func tlsUnset() throws {
        var smtp = YAMLMapping()
        smtp["url"] = .string("smtps://mail.example.org")
        var values = YAMLMapping()
        values["smtp"] = .mapping(smtp)
        #expect(try options(values).smtp.tls == nil)
        smtp["tls"] = .string("starttls")
        values["smtp"] = .mapping(smtp)
        #expect(try options(values).smtp.tls == "starttls")
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

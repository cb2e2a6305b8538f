import Testing
@testable import PublishEmail

@Suite("DKIM relaxed canonicalization")
struct CanonicalizationTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("RFC 6376 §3.4.5: `A: X` becomes `a:X`")
    func headerExampleA() {
        #expect(text(RelaxedCanonicalization.header(name: "A", value: "X")) == "a:X\r\n")
    }

    @Test("RFC 6376 §3.4.5: a folded `B : Y<TAB>Z` becomes `b:Y Z`")
    func headerExampleB() {
        #expect(text(RelaxedCanonicalization.header(name: "B ", value: "Y\t\r\n\tZ  ")) == "b:Y Z\r\n")
    }

    @Test("Whitespace after a colon inside the value is kept as one space")
    func innerColon() {
        #expect(text(RelaxedCanonicalization.header(name: "Subject", value: " Re:  x")) == "subject:Re: x\r\n")
    }

    @Test("RFC 6376 §3.4.5: the body ` C \\r\\nD \\t E\\r\\n\\r\\n\\r\\n` becomes ` C\\r\\nD E\\r\\n`")
    func bodyExample() {
        #expect(text(RelaxedCanonicalization.body(Array(" C \r\nD \t E\r\n\r\n\r\n".utf8))) == " C\r\nD E\r\n")
    }

    @Test("An empty body stays empty")
    func emptyBody() {
        #expect(RelaxedCanonicalization.body(Array("\r\n\r\n".utf8)).isEmpty)
    }
}

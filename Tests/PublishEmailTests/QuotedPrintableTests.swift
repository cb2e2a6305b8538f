import Testing
@testable import PublishEmail

@Suite("Quoted-printable bodies")
struct QuotedPrintableTests {
    private func encode(_ text: String) -> String {
        String(decoding: QuotedPrintable.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test("Equals signs and non-ASCII bytes are encoded")
    func encodesSpecials() {
        #expect(encode("a=b é\n") == "a=3Db =C3=A9\r\n")
    }

    @Test("Whitespace ending a line is encoded, so relays cannot strip it")
    func trailingSpace() {
        #expect(encode("-- \nx \t\n") == "--=20\r\nx =09\r\n")
    }

    @Test("A long line is broken softly into lines of at most 76 characters")
    func softBreaks() {
        let line = String(repeating: "abcdefghij", count: 30)
        let encoded = encode(line + "\n")
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.count <= 76 } && encoded.replacingOccurrences(of: "=\r\n", with: "") == line + "\r\n")
    }

    @Test("An encoded byte is never split by a soft break")
    func keepsEscapesWhole() {
        let encoded = encode(String(repeating: "é", count: 60) + "\n")
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { !$0.dropLast().hasSuffix("=C") && $0.count <= 76 })
    }

    @Test("LF line ends become CRLF")
    func crlf() {
        #expect(encode("one\ntwo\n") == "one\r\ntwo\r\n")
    }
}

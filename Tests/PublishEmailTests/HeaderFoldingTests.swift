import Testing
@testable import PublishEmail

@Suite("Header folding")
struct HeaderFoldingTests {
    @Test("A long ASCII subject folds between words into lines of at most 78 characters")
    func foldsASCII() {
        let subject = Array(repeating: "Markdown edge cases I keep tripping over", count: 4).joined(separator: " ")
        let line = HeaderField.unstructured("Subject", subject).line
        #expect(line.dropLast(2).components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(line.replacingOccurrences(of: "\r\n ", with: " ") == "Subject: \(subject)\r\n")
    }

    @Test("A folded encoded subject keeps its first line within 78 characters")
    func foldsEncoded() {
        let line = HeaderField.unstructured("Subject", String(repeating: "在班加罗尔过春节", count: 6)).line
        #expect(line.dropLast(2).components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test("A display name that is not ASCII is encoded before the address")
    func encodedName() throws {
        let mailbox = try Mailbox(parsing: "林桥 <lin@example.org>")
        #expect(mailbox.field("From").value == "=?UTF-8?B?5p6X5qGl?= <lin@example.org>")
    }

    @Test("A display name with specials is quoted")
    func quotedName() throws {
        #expect(try Mailbox(parsing: "Notes, etc. <n@example.org>").field("From").value == "\"Notes, etc.\" <n@example.org>")
    }

    @Test("An address without a dotted domain is refused")
    func badAddress() {
        #expect(throws: (any Error).self) { try Mailbox(parsing: "news@localhost") }
    }
}

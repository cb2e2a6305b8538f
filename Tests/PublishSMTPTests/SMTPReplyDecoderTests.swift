import NIOCore
import Testing
@testable import PublishSMTP

@Suite("Framing the server's replies")
struct SMTPReplyDecoderTests {
    /// Every reply in `wire`, fed to the decoder `chunk` bytes at a time.
    private func replies(_ wire: String, chunk: Int = .max) throws -> [SMTPReply] {
        try replies(Array(wire.utf8), chunk: chunk)
    }

    private func replies(_ wire: [UInt8], chunk: Int = .max) throws -> [SMTPReply] {
        let processor = NIOSingleStepByteToMessageProcessor(SMTPReplyDecoder())
        var assembler = SMTPReplyAssembler()
        var found: [SMTPReply] = []
        var start = 0
        while start < wire.count {
            let end = min(wire.count, start.addingReportingOverflow(chunk).overflow ? wire.count : start + chunk)
            try processor.process(buffer: ByteBuffer(bytes: wire[start..<end])) { line in
                if let reply = try assembler.add(line) { found.append(reply) }
            }
            start = end
        }
        return found
    }

    @Test("A multi-line EHLO reply is one reply with every line's text")
    func multiLine() throws {
        let found = try replies("250-mx.example Hello\r\n250-SIZE 1000\r\n250 AUTH PLAIN LOGIN\r\n")
        #expect(found == [SMTPReply(code: 250, lines: ["mx.example Hello", "SIZE 1000", "AUTH PLAIN LOGIN"])])
    }

    @Test("Byte by byte, two replies in a row come out the same as in one read")
    func byteByByte() throws {
        let wire = "220 ready\r\n250-a\r\n250 b\r\n"
        #expect(try replies(wire, chunk: 1) == replies(wire))
        #expect(try replies(wire, chunk: 1).map(\.code) == [220, 250])
    }

    @Test("RFC 3463: `550 5.1.1 …` has the enhanced status 5.1.1, kept in the text")
    func enhancedStatus() throws {
        let reply = try #require(try replies("550 5.1.1 <x@example.org>: Recipient address rejected\r\n").first)
        #expect(reply.code == 550)
        #expect(reply.enhancedStatus == "5.1.1")
        #expect(reply.isPermanent)
        #expect(reply.lines == ["5.1.1 <x@example.org>: Recipient address rejected"])
    }

    @Test("A status whose class is not the code's, or that is not three numbers, is not an enhanced status")
    func notEnhancedStatus() throws {
        #expect(try replies("550 4.1.1 odd\r\n").first?.enhancedStatus == nil)
        #expect(try replies("250 2.0 short\r\n").first?.enhancedStatus == nil)
        #expect(try replies("250 2.0.0x word\r\n").first?.enhancedStatus == nil)
        #expect(try replies("250 2.0.0\r\n").first?.enhancedStatus == "2.0.0")
    }

    @Test("A bare code, and a line ending in a bare LF, are accepted")
    func lenientEnds() throws {
        #expect(try replies("250\r\n354 go\n") == [SMTPReply(code: 250, lines: [""]), SMTPReply(code: 354, lines: ["go"])])
    }

    @Test("Control characters in a reply's text are replaced")
    func controlCharacters() throws {
        #expect(try replies("550 bad\u{1B}[31m text\r\n").first?.lines == ["bad\u{FFFD}[31m text"])
    }

    @Test("A line longer than 4 KiB is refused, with or without its line end")
    func lineTooLong() {
        let long = "250 " + String(repeating: "x", count: 5000)
        #expect(throws: SMTPReplyDecodingError.self) { try replies(long) }
        #expect(throws: SMTPReplyDecodingError.self) { try replies(long + "\r\n") }
        #expect(throws: SMTPReplyDecodingError.self) { try replies(long, chunk: 100) }
    }

    @Test("A reply of more than 100 lines is refused; one of 100 is not")
    func tooManyLines() throws {
        let hundred = String(repeating: "250-x\r\n", count: 99) + "250 end\r\n"
        #expect(try replies(hundred).first?.lines.count == 100)
        let more = String(repeating: "250-x\r\n", count: 100) + "250 end\r\n"
        #expect(throws: SMTPReplyDecodingError.self) { try replies(more) }
    }

    @Test("Text that is not a reply, a code that changes mid-reply, a bad separator are refused")
    func malformed() {
        #expect(throws: SMTPReplyDecodingError.self) { try replies("hello\r\n") }
        #expect(throws: SMTPReplyDecodingError.self) { try replies("650 six\r\n") }
        #expect(throws: SMTPReplyDecodingError.self) { try replies("250-a\r\n251 b\r\n") }
        #expect(throws: SMTPReplyDecodingError.self) { try replies("250_a\r\n") }
    }
}

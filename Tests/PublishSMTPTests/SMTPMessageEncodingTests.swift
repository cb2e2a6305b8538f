import NIOCore
import Testing
@testable import PublishSMTP

@Suite("The message as sent after DATA")
struct SMTPMessageEncodingTests {
    private func encoded(_ text: String) -> String {
        var bytes = SMTPMessageEncoding.encode(Array(text.utf8), allocator: ByteBufferAllocator()).bytes
        return bytes.readString(length: bytes.readableBytes)!
    }

    /// A plain reading of RFC 5321 4.5.2 to compare with: split into lines
    /// at CRLF, LF or CR, double a leading ".", end every line with CRLF.
    private func reference(_ bytes: [UInt8]) -> [UInt8] {
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 || byte == 10 {
                if byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 { index += 1 }
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
            index += 1
        }
        if lines.last == [] { lines.removeLast() }
        return lines.flatMap { ($0.first == 46 ? [46] : []) + $0 + [13, 10] }
    }

    @Test("RFC 5321 4.5.2: a line starting with \".\" gets another; other dots stay")
    func dotStuffing() {
        #expect(encoded(".\r\n..x\r\na.b\r\n. end\r\n") == "..\r\n...x\r\na.b\r\n.. end\r\n")
        #expect(encoded(".first") == "..first\r\n")
    }

    @Test("Bare LF and bare CR become CRLF; CRLF stays")
    func lineEnds() {
        #expect(encoded("a\nb\rc\r\nd\r\n") == "a\r\nb\r\nc\r\nd\r\n")
        #expect(encoded("a\n.b\r.c") == "a\r\n..b\r\n..c\r\n")
    }

    @Test("A CRLF is added to a message that does not end with one; an empty message stays empty")
    func finalLineEnd() {
        #expect(encoded("no end") == "no end\r\n")
        #expect(encoded("") == "")
        #expect(encoded("\r\n") == "\r\n")
    }

    @Test("8-bit bytes are noticed; 7-bit messages are not 8-bit")
    func eightBit() {
        #expect(SMTPMessageEncoding.encode(Array("中文".utf8), allocator: ByteBufferAllocator()).isEightBit)
        #expect(!SMTPMessageEncoding.encode(Array("plain\r\n".utf8), allocator: ByteBufferAllocator()).isEightBit)
    }

    @Test("A 1 MB message of mixed line ends and dots matches the line-by-line reading")
    func largeMessage() {
        let alphabet = Array("ab.\r\n .中".utf8)
        var state: UInt32 = 2_463_534_242
        let message = (0..<(1 << 20)).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return alphabet[Int(state % UInt32(alphabet.count))]
        }
        var bytes = SMTPMessageEncoding.encode(message, allocator: ByteBufferAllocator()).bytes
        #expect(bytes.readBytes(length: bytes.readableBytes)! == reference(message))
    }
}

import NIOCore

/// Frames a server's bytes into replies: lines ending in CRLF (a bare LF is
/// accepted), `250-…` continuing a reply and `250 …` ending it, with the
/// RFC 3463 enhanced status code taken from the first line when present.
/// Lines are bounded to `maximumLineLength` bytes and replies to
/// `maximumLines` lines, so that a hostile server cannot use up memory.
struct SMTPReplyDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    static let maximumLineLength = 4096
    static let maximumLines = 100

    /// The code and the lines of a reply whose last line has not come yet.
    private var code: Int?
    private var lines: [String] = []

    mutating func decode(buffer: inout ByteBuffer) throws -> SMTPReply? {
        while true {
            let newline = buffer.withUnsafeReadableBytes { $0.firstIndex(of: UInt8(ascii: "\n")) }
            guard let newline else {
                if buffer.readableBytes > Self.maximumLineLength {
                    throw SMTPReplyDecodingError("a reply line is longer than \(Self.maximumLineLength) bytes.")
                }
                return nil
            }
            guard newline <= Self.maximumLineLength + 1 else {
                throw SMTPReplyDecodingError("a reply line is longer than \(Self.maximumLineLength) bytes.")
            }
            var line = buffer.readBytes(length: newline + 1)!
            line.removeLast()
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let reply = try take(line) { return reply }
        }
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SMTPReply? {
        try decode(buffer: &buffer)
    }

    /// Adds one line (without its line end); returns the reply it ends.
    private mutating func take(_ line: [UInt8]) throws -> SMTPReply? {
        guard line.count >= 3, line.prefix(3).allSatisfy({ (48...57).contains($0) }),
              (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[0]) else {
            throw SMTPReplyDecodingError("“\(Self.text(line.prefix(40)))” is not a reply (a code from 200 to 599).")
        }
        let lineCode = line.prefix(3).reduce(0) { $0 * 10 + Int($1 - 48) }
        let isLast: Bool
        if line.count == 3 || line[3] == UInt8(ascii: " ") {
            isLast = true
        } else if line[3] == UInt8(ascii: "-") {
            isLast = false
        } else {
            throw SMTPReplyDecodingError("“\(Self.text(line.prefix(40)))” has neither a space nor a “-” after its code.")
        }
        if let code, code != lineCode {
            throw SMTPReplyDecodingError("a reply that began with \(code) went on with \(lineCode).")
        }
        code = lineCode
        lines.append(line.count > 4 ? Self.text(line[4...]) : "")
        if lines.count > Self.maximumLines {
            throw SMTPReplyDecodingError("a reply has more than \(Self.maximumLines) lines.")
        }
        guard isLast else { return nil }
        let reply = SMTPReply(code: lineCode, enhancedStatus: Self.enhancedStatus(lines[0], code: lineCode),
                              lines: lines)
        code = nil
        lines = []
        return reply
    }

    /// The text of a line as UTF-8 (invalid bytes replaced), with control
    /// characters other than tab replaced by U+FFFD so that a reply cannot
    /// steer a terminal when it is printed.
    static func text<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let decoded = String(decoding: bytes, as: UTF8.self)
        guard decoded.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else {
            return decoded
        }
        return String(String.UnicodeScalarView(decoded.unicodeScalars.map {
            ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F ? "\u{FFFD}" : $0
        }))
    }

    /// `class.subject.detail` at the start of `text` (RFC 3463: class 2, 4
    /// or 5, matching the reply code's first digit; subject and detail of 1
    /// to 3 digits), followed by a space or the end of the line.
    static func enhancedStatus(_ text: String, code: Int) -> String? {
        let word = text.prefix(while: { $0 != " " })
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == String(code / 100),
              parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return String(word)
    }
}

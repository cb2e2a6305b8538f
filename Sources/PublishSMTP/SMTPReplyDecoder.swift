import NIOCore

/// Frames a server's bytes into reply lines: each ends in CRLF (a bare LF is
/// accepted) and starts with a code from 200 to 599 followed by a space (the
/// last line of a reply), a "-" (more lines follow) or nothing. Lines are
/// bounded to `maximumLineLength` bytes, so that a hostile server cannot use
/// up memory; `SMTPReplyAssembler` makes replies of the lines.
///
/// Lines, not whole replies, so that the client sees every line the moment
/// it is framed: after STARTTLS's 220 nothing more may come in plaintext.
struct SMTPReplyDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = SMTPReplyLine

    static let maximumLineLength = 4096

    mutating func decode(buffer: inout ByteBuffer) throws -> SMTPReplyLine? {
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
        return try Self.parse(line)
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SMTPReplyLine? {
        try decode(buffer: &buffer)
    }

    /// A line without its line end.
    private static func parse(_ line: [UInt8]) throws -> SMTPReplyLine {
        guard line.count >= 3, line.prefix(3).allSatisfy({ (48...57).contains($0) }),
              (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[0]) else {
            throw SMTPReplyDecodingError("“\(text(line.prefix(40)))” is not a reply (a code from 200 to 599).")
        }
        let code = line.prefix(3).reduce(0) { $0 * 10 + Int($1 - 48) }
        let isLast: Bool
        if line.count == 3 || line[3] == UInt8(ascii: " ") {
            isLast = true
        } else if line[3] == UInt8(ascii: "-") {
            isLast = false
        } else {
            throw SMTPReplyDecodingError("“\(text(line.prefix(40)))” has neither a space nor a “-” after its code.")
        }
        return SMTPReplyLine(code: code, isLast: isLast, text: line.count > 4 ? text(line[4...]) : "")
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
}

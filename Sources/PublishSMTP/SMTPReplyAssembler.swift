/// Gathers reply lines into replies (RFC 5321 4.2.1): every line of a reply
/// has the same code, the last one says so; at most `maximumLines` lines.
/// The RFC 3463 enhanced status code is taken from the first line.
struct SMTPReplyAssembler {
    static let maximumLines = 100

    private var code: Int?
    private var lines: [String] = []

    /// True when no reply is half received.
    var isEmpty: Bool { code == nil }

    /// Adds a line; returns the reply it ends.
    mutating func add(_ line: SMTPReplyLine) throws -> SMTPReply? {
        if let code, code != line.code {
            throw SMTPReplyDecodingError("a reply that began with \(code) went on with \(line.code).")
        }
        code = line.code
        lines.append(line.text)
        if lines.count > Self.maximumLines {
            throw SMTPReplyDecodingError("a reply has more than \(Self.maximumLines) lines.")
        }
        guard line.isLast else { return nil }
        let reply = SMTPReply(code: line.code, enhancedStatus: Self.enhancedStatus(lines[0], code: line.code),
                              lines: lines)
        code = nil
        lines = []
        return reply
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

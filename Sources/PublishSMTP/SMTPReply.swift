/// A server's reply: a three-digit code, the RFC 3463 enhanced status
/// code when the server gave one (`5.1.1`), and the text of every line.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    /// `class.subject.detail`, as in `5.1.1`, or nil.
    public var enhancedStatus: String?
    /// The text of each line, without the code and separator.
    public var lines: [String]

    public init(code: Int, enhancedStatus: String? = nil, lines: [String]) {
        self.code = code
        self.enhancedStatus = enhancedStatus
        self.lines = lines
    }

    /// 2xx and 3xx.
    public var isPositive: Bool { code < 400 }
    /// 4xx: try again later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: do not try again.
    public var isPermanent: Bool { code >= 500 }

    /// `250 2.0.0 Ok: queued as 1234`, lines joined by a space.
    public var description: String {
        "\(code) " + lines.joined(separator: " ")
    }
}

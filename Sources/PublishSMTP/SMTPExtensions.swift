/// The service extensions in a reply to EHLO (RFC 5321 4.1.1.1): every line
/// after the first is a keyword and its parameters.
enum SMTPExtensions {
    /// Keywords upper-cased, parameters as sent (joined by single spaces).
    /// The old `AUTH=PLAIN LOGIN` form counts as AUTH when AUTH itself is
    /// not there.
    static func parse(_ reply: SMTPReply) -> [String: String] {
        var extensions: [String: String] = [:]
        var oldAuth: String?
        for line in reply.lines.dropFirst() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first else { continue }
            let keyword = first.uppercased()
            let parameters = words.dropFirst().joined(separator: " ")
            if keyword.hasPrefix("AUTH=") {
                oldAuth = ([String(keyword.dropFirst(5))] + words.dropFirst().map(String.init)).joined(separator: " ")
                continue
            }
            extensions[keyword] = parameters
        }
        if extensions["AUTH"] == nil, let oldAuth { extensions["AUTH"] = oldAuth }
        return extensions
    }

    /// The SASL mechanisms offered, upper-cased.
    static func authMechanisms(_ extensions: [String: String]) -> Set<String> {
        Set((extensions["AUTH"] ?? "").split(separator: " ").map { $0.uppercased() })
    }
}

/// One header field of a message, its value already encoded for the wire
/// (ASCII, folded with CRLF and a space where it was long).
public struct HeaderField: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The field as it is written: `Name: value` and CRLF.
    public var line: String { "\(name): \(value)\r\n" }

    /// A field of ASCII tokens, folded between them to keep lines within
    /// 78 characters where the tokens allow; unfolded, one space separates
    /// each token from the next.
    static func folded(_ name: String, tokens: [String]) -> HeaderField {
        var value = ""
        var column = name.count + 1
        for token in tokens {
            if value.isEmpty {
                value = token
                column += 1 + token.count
            } else if column + 1 + token.count > 78 {
                value += "\r\n " + token
                column = 1 + token.count
            } else {
                value += " " + token
                column += 1 + token.count
            }
        }
        return HeaderField(name: name, value: value)
    }

    /// Unstructured text (a subject): as it is when it is plain ASCII that
    /// folds cleanly, else as RFC 2047 encoded-words.
    static func unstructured(_ name: String, _ text: String) -> HeaderField {
        if isPlain(text) {
            return folded(name, tokens: text.split(separator: " ").map(String.init))
        }
        let firstLength = 78 - name.count - 2
        return folded(name, tokens: EncodedWords.encode(text, firstLength: firstLength))
    }

    /// Printable ASCII whose words are separated by single spaces and fit a
    /// line, with nothing a decoder would take for an encoded-word.
    static func isPlain(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ (32...126).contains($0) }), !text.contains("=?"),
              !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ") else { return false }
        return text.split(separator: " ").allSatisfy { $0.count <= 70 }
    }
}

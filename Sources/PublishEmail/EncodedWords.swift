/// RFC 2047 encoded-words for header text that is not plain ASCII:
/// `=?UTF-8?B?…?=` or `=?UTF-8?Q?…?=`, whichever is shorter. Each word is
/// at most 75 characters and holds whole characters: a UTF-8 sequence is
/// never split between two words, and neither is a grapheme cluster unless
/// it alone is too long for one word.
public enum EncodedWords {
    /// The longest encoded-word RFC 2047 allows.
    public static let maximumLength = 75

    public enum Encoding: Sendable {
        case base64
        case quotedPrintable
    }

    /// `text` as encoded-words, the first at most `firstLength` characters
    /// long (room left on a header's first line) and the rest at most 75.
    /// Whitespace between the words is not part of the text when decoded.
    public static func encode(_ text: String, firstLength: Int = maximumLength) -> [String] {
        let encoding = bestEncoding(for: text)
        var words: [String] = []
        var pending: [UInt8] = []
        let prefix = encoding == .base64 ? "=?UTF-8?B?" : "=?UTF-8?Q?"
        func limit() -> Int { min(words.isEmpty ? firstLength : maximumLength, maximumLength) - prefix.count - 2 }
        func flush() {
            words.append(prefix + payload(pending, encoding) + "?=")
            pending = []
        }
        for unit in units(of: text, limit: maximumLength - prefix.count - 2, encoding: encoding) {
            if !pending.isEmpty, payloadLength(pending + unit, encoding) > limit() { flush() }
            pending += unit
        }
        if !pending.isEmpty || words.isEmpty { flush() }
        return words
    }

    /// The encoding that makes `text` shorter: Q for mostly ASCII, B otherwise.
    static func bestEncoding(for text: String) -> Encoding {
        let bytes = Array(text.utf8)
        return payloadLength(bytes, .quotedPrintable) <= payloadLength(bytes, .base64) ? .quotedPrintable : .base64
    }

    /// The pieces a word boundary may fall between: grapheme clusters,
    /// or the scalars of one too long to fit a word by itself.
    private static func units(of text: String, limit: Int, encoding: Encoding) -> [[UInt8]] {
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(character.utf8)
            if payloadLength(bytes, encoding) <= limit {
                units.append(bytes)
            } else {
                units += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        return units
    }

    static func payloadLength(_ bytes: [UInt8], _ encoding: Encoding) -> Int {
        switch encoding {
        case .base64: return (bytes.count + 2) / 3 * 4
        case .quotedPrintable: return bytes.reduce(0) { $0 + (isLiteralInQ($1) ? 1 : 3) }
        }
    }

    private static func payload(_ bytes: [UInt8], _ encoding: Encoding) -> String {
        switch encoding {
        case .base64:
            return Base64.encode(bytes)
        case .quotedPrintable:
            var text = ""
            for byte in bytes {
                if byte == UInt8(ascii: " ") {
                    text += "_"
                } else if isLiteralInQ(byte) && byte != UInt8(ascii: " ") {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    text += "=" + Hex.byte(byte)
                }
            }
            return text
        }
    }

    /// The characters RFC 2047 §5(3) lets a Q word in a phrase carry as
    /// they are (the strictest of its three contexts), and space as `_`.
    private static func isLiteralInQ(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: " "):
            return true
        default:
            return false
        }
    }
}

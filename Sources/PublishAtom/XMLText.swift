/// Text made safe for an XML 1.0 document. Characters XML 1.0 forbids
/// (the C0 controls but tab, line feed and carriage return, and U+FFFE,
/// U+FFFF) are dropped: no escape can carry them. A carriage return is
/// written as a reference, since a parser would otherwise fold it into a
/// line feed.
enum XMLText {
    /// Character data: `&`, `<` and `>` escaped.
    static func escaped(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// An attribute value in double quotes: also `"`, and the white space a
    /// parser would turn into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\r": out += "&#xD;"
            case "\n" where inAttribute: out += "&#xA;"
            case "\t" where inAttribute: out += "&#x9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production, less what the switch above handles.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}

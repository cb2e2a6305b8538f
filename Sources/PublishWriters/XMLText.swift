/// Text made safe for an XML 1.0 document, for every format written as
/// XML (feeds, EPUB packages and chapters). Characters XML 1.0 forbids (the
/// C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) or
/// discourages (C1 controls, noncharacters), which a pasted post sometimes
/// carries, are dropped: no escape can carry them. A carriage return is
/// written as a reference, since a parser would otherwise fold it into a
/// line feed.
public enum XMLText {
    /// Character data: `&`, `<` and `>` escaped.
    public static func escaped(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// An attribute value in double quotes: also `"`, and the white space a
    /// parser would turn into spaces.
    public static func attribute(_ text: String) -> String {
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

    /// XML 1.0's `Char` production less its discouraged characters, and
    /// less what the switch above handles.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x84, 0x86...0x9F, 0xFDD0...0xFDEF: return false
        default: return scalar.value & 0xFFFE != 0xFFFE
        }
    }
}

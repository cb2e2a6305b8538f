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

    /// Written into a byte buffer: appending scalar by scalar to a
    /// `String` cost more than all the rest of writing a feed.
    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"" where inAttribute: out.append(contentsOf: "&quot;".utf8)
            case "\r": out.append(contentsOf: "&#xD;".utf8)
            case "\n" where inAttribute: out.append(contentsOf: "&#xA;".utf8)
            case "\t" where inAttribute: out.append(contentsOf: "&#x9;".utf8)
            case "\n", "\t": out.append(UInt8(scalar.value))
            default:
                guard isAllowed(scalar) else { continue }
                if scalar.isASCII {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: scalar.utf8)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
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

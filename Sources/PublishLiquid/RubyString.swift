/// Ruby's ways with strings that Liquid's output shows.
enum RubyString {
    /// `String#inspect`: in double quotes, with `"`, `\`, control characters
    /// and `#{` escaped.
    static func inspect(_ text: String) -> String {
        var out = "\""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{1B}": out += "\\e"
            case "#":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                out += next == "{" || next == "$" || next == "@" ? "\\#" : "#"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Ruby's whitespace for `strip`, `lstrip` and `rstrip`: space, tab,
    /// line feed, vertical tab, form feed, carriage return and NUL.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0
    }

    static func strip(_ text: Substring) -> Substring {
        rstrip(lstrip(text))
    }

    static func lstrip(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[first...]
    }

    static func rstrip(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let last = bytes.lastIndex(where: { !isSpace($0) }) else { return text[text.startIndex..<text.startIndex] }
        return text[...last]
    }
}

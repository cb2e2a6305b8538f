/// A small writer of JSON text, members in the order given, so output is
/// the same on every run. Strings are escaped as RFC 8259 requires; other
/// characters are written as UTF-8.
struct JSONText {
    private(set) var text = ""
    private var indent = ""
    /// Whether the open container already has a member.
    private var hasMember: [Bool] = []

    mutating func beginObject(_ key: String? = nil) {
        open(key, "{")
    }

    mutating func endObject() {
        close("}")
    }

    mutating func beginArray(_ key: String? = nil) {
        open(key, "[")
    }

    mutating func endArray() {
        close("]")
    }

    mutating func string(_ key: String?, _ value: String) {
        member(key)
        text += JSONText.quoted(value)
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        member(key)
        text += bracket
        hasMember.append(false)
        indent += "  "
    }

    private mutating func close(_ bracket: String) {
        indent.removeLast(2)
        if hasMember.removeLast() { text += "\n" + indent }
        text += bracket
        if hasMember.isEmpty { text += "\n" }
    }

    private mutating func member(_ key: String?) {
        if let last = hasMember.indices.last {
            text += hasMember[last] ? ",\n" : "\n"
            hasMember[last] = true
            text += indent
        }
        if let key { text += JSONText.quoted(key) + ": " }
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

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

    /// `value` as a JSON string. Written byte by byte into a buffer (every
    /// character JSON escapes is ASCII, and no byte of a longer UTF-8
    /// sequence is): appending scalar by scalar to a `String` cost more
    /// than all the rest of writing a feed.
    static func quoted(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}

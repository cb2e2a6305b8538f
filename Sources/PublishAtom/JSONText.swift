/// A small writer of JSON text, members in the order given, so output is
/// the same on every run. Strings are escaped as RFC 8259 requires; other
/// characters are written as UTF-8.
struct JSONText {
    private(set) var text = ""
    private var indent = ""
    /// Whether the open container already has a member.
    private var hasMember: [Bool] = []

    init() {}

    /// A writer of one value as it stands `depth` containers deep, each of
    /// which already has a member; its `fragment` is then what `value(_:)`
    /// puts in such a place.
    init(nestedIn depth: Int) {
        indent = String(repeating: "  ", count: depth)
        hasMember = Array(repeating: true, count: depth)
    }

    /// What a writer made by `init(nestedIn:)` (depth 1 or more) wrote,
    /// without the `,\n` and indentation before it.
    var fragment: Substring {
        text.dropFirst(2 + indent.count)
    }

    /// A value written earlier by a nested writer, as the next member.
    mutating func value(_ fragment: String) {
        member(nil)
        text += fragment
    }

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
        var value = value
        return value.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16 + 2)
            out.append(UInt8(ascii: "\""))
            // The bytes between two escaped ones are copied as one run.
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    out.append(UInt8(ascii: "u"))
                    out.append(UInt8(ascii: "0"))
                    out.append(UInt8(ascii: "0"))
                    out.append(JSONText.hexDigits[Int(byte >> 4)])
                    out.append(JSONText.hexDigits[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

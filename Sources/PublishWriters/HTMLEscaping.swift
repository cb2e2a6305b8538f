/// Escaping as cmark does it, so output matches the CommonMark spec's.
public enum HTMLEscaping {
    /// Text or a double-quoted attribute value, escaped as the writer does.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The control characters HTML forbids: C0 but tab, line feed, form
    /// feed and carriage return; DEL; C1. `appendEscaped` drops them byte
    /// by byte; text made elsewhere drops them with this.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0..<0x20, 0x7F...0x9F: true
        default: false
        }
    }

    /// Text and attribute values: `&`, `<`, `>` and `"` become entities,
    /// and with `apostrophe` also `'` (`&#39;`, as Mustache writes it).
    /// The control characters HTML forbids (C0 but tab, line feed, form feed
    /// and carriage return; DEL; C1) are dropped, as the Atom and EPUB
    /// writers drop them. The bytes between two of these are copied as one
    /// run, not one by one.
    public static func appendEscaped(_ text: String, to out: inout [UInt8], apostrophe: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let entity: String
                var width = 1
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'") where apostrophe: entity = "&#39;"
                case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F: entity = ""
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    entity = ""
                    width = 2
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: entity.utf8)
                index += width
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// A URL in an attribute: characters that are neither URL-safe nor
    /// reserved are percent-encoded; `&` and `'` become entities; `%` is left
    /// alone so existing escapes survive.
    static func appendEscapedURL(_ url: String, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if isURLSafe(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }

    /// Whether a URL's scheme can run code or read files. Only consulted
    /// when raw HTML is not trusted; `data:` is allowed for images.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.prefix(16).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                .contains { lower.hasPrefix($0) }
        }
        return false
    }
}

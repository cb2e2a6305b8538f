/// The filters that encode text for HTML and URLs, or decode it: byte
/// loops over UTF-8, since every character they touch is ASCII.
extension StandardFilters {
    static let encoding: [String: Filter] = [
        "escape": Filter { input, _, _ in input.isNil ? .nil : .string(escapeHTML(input.text)) },
        "h": Filter { input, _, _ in input.isNil ? .nil : .string(escapeHTML(input.text)) },
        "escape_once": Filter { input, _, _ in .string(escapeHTML(input.text, once: true)) },
        "url_encode": Filter { input, _, _ in input.isNil ? .nil : .string(urlEncode(input.text)) },
        "url_decode": Filter { input, _, _ in
            if input.isNil { return .nil }
            guard let text = validUTF8(urlDecode(input.text)) else { throw LiquidError.argument("invalid byte sequence in UTF-8") }
            return .string(text)
        },
        "base64_encode": Filter { input, _, _ in .string(base64Encode(Array(input.text.utf8))) },
        "base64_url_safe_encode": Filter { input, _, _ in .string(base64Encode(Array(input.text.utf8), urlSafe: true)) },
        "base64_decode": Filter { input, _, _ in
            guard let bytes = base64Decode(Array(input.text.utf8)) else {
                throw LiquidError.argument("invalid base64 provided to base64_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        },
        "base64_url_safe_decode": Filter { input, _, _ in
            guard let bytes = base64Decode(Array(input.text.utf8), urlSafe: true) else {
                throw LiquidError.argument("invalid base64 provided to base64_url_safe_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        },
        "strip_html": Filter { input, _, _ in .string(stripHTML(input.text)) },
        "newline_to_br": Filter { input, _, _ in .string(replacingNewlines(input.text, with: "<br />\n")) },
    ]

    /// `CGI.escapeHTML`, or with `once` liquid-ruby's `escape_once`, which
    /// leaves `&name;` and `&#123;` as they are. Jekyll's `xml_escape`
    /// differs only in its `apostrophe`, `&apos;`.
    static func escapeHTML(_ text: String, once: Bool = false, apostrophe: String = "&#39;") -> String {
        // Most text has nothing to escape: find that out without copying it.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "&"):
                if once, isEntity(bytes, after: index) { out.append(byte) } else { out.append(contentsOf: "&amp;".utf8) }
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: apostrophe.utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `&` at `index` starts `&letters;` or `&#digits;`.
    private static func isEntity(_ bytes: [UInt8], after index: Int) -> Bool {
        var cursor = index + 1
        let numeric = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "#")
        if numeric { cursor += 1 }
        let start = cursor
        while cursor < bytes.count, numeric ? Lexer.isDigit(bytes[cursor]) : Lexer.isLetter(bytes[cursor]) { cursor += 1 }
        return cursor > start && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
    }

    /// `CGI.escape`: letters, digits and `_.-~` stay, a space becomes `+`,
    /// every other byte `%XX`.
    static func urlEncode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if Lexer.isLetter(byte) || Lexer.isDigit(byte) || byte == 0x5F || byte == 0x2E || byte == 0x2D || byte == 0x7E {
                out.append(byte)
            } else if byte == 0x20 {
                out.append(UInt8(ascii: "+"))
            } else {
                appendPercentEncoded(byte, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%XX`, in capitals as Ruby's `CGI` and Addressable write it.
    static func appendPercentEncoded(_ byte: UInt8, to out: inout [UInt8]) {
        out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `CGI.unescape`: `+` is a space and `%XX` a byte; a `%` without two
    /// hex digits stays as it is.
    static func urlDecode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let decoded = percentDecoded(bytes[...], at: index) {
                out.append(decoded)
                index += 3
                continue
            }
            let byte = bytes[index]
            out.append(byte == UInt8(ascii: "+") ? 0x20 : byte)
            index += 1
        }
        return out
    }

    /// The byte that `%XX` at `index` stands for; nil where no `%` and two
    /// hex digits stand, which leaves the byte there as it is.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>, at index: Int) -> UInt8? {
        guard bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
              let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 0x61 + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 0x41 + 10
        default: nil
        }
    }

    /// The bytes as text, or nil when they are not UTF-8.
    static func validUTF8(_ bytes: [UInt8]) -> String? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `Base64.strict_encode64`, or `urlsafe_encode64` with `-` and `_`;
    /// both padded with `=`.
    static func base64Encode(_ bytes: [UInt8], urlSafe: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                if position > count {
                    out.append(UInt8(ascii: "="))
                } else {
                    var digit = base64Alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)]
                    if urlSafe, digit == UInt8(ascii: "+") { digit = UInt8(ascii: "-") }
                    if urlSafe, digit == UInt8(ascii: "/") { digit = UInt8(ascii: "_") }
                    out.append(digit)
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `Base64.strict_decode64`: whole groups of four, padding only at the
    /// end, no unused bits set; nil otherwise. `urlsafe_decode64` reads
    /// `-` and `_` too and pads a text that lacks it.
    static func base64Decode(_ input: [UInt8], urlSafe: Bool = false) -> [UInt8]? {
        var bytes = input
        if urlSafe {
            for index in bytes.indices {
                if bytes[index] == UInt8(ascii: "-") { bytes[index] = UInt8(ascii: "+") }
                if bytes[index] == UInt8(ascii: "_") { bytes[index] = UInt8(ascii: "/") }
            }
            if bytes.last != UInt8(ascii: "="), bytes.count % 4 != 0 {
                bytes += Array(repeating: UInt8(ascii: "="), count: 4 - bytes.count % 4)
            }
        }
        guard bytes.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4 * 3)
        var index = 0
        while index < bytes.count {
            let isLast = index + 4 == bytes.count
            let padding = isLast ? bytes[index...].reversed().prefix(while: { $0 == UInt8(ascii: "=") }).count : 0
            guard padding <= 2 else { return nil }
            var group: UInt32 = 0
            for position in 0..<4 {
                let value: UInt8
                if position >= 4 - padding {
                    value = 0
                } else {
                    guard let digit = base64Value(bytes[index + position]) else { return nil }
                    value = digit
                }
                group = group << 6 | UInt32(value)
            }
            let produced = 3 - padding
            // The bits the padding stands for must be zero.
            if padding > 0, group & (padding == 1 ? 0xFF : 0xFFFF) != 0 { return nil }
            for position in 0..<produced { out.append(UInt8(truncatingIfNeeded: group >> UInt32(16 - 8 * position))) }
            index += 4
        }
        return out
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - 0x41
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 0x61 + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 0x30 + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    private static let htmlBlocks: [(open: [UInt8], close: [UInt8])] = [
        (Array("<script".utf8), Array("</script>".utf8)),
        (Array("<!--".utf8), Array("-->".utf8)),
        (Array("<style".utf8), Array("</style>".utf8)),
    ]

    /// `strip_html`: first `<script…</script>`, `<!--…-->` and
    /// `<style…</style>` go, then every `<…>` in what is left.
    static func stripHTML(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return text }
        // A search that fails once fails for every later start too, so
        // each looks only as far as the last place its end could be.
        let lastCloses = htmlBlocks.map { lastOccurrence(of: $0.close, in: bytes) ?? -1 }
        let withoutBlocks = removeSpans(bytes) { bytes, index in
            for (block, lastClose) in zip(htmlBlocks, lastCloses) where index + block.open.count <= lastClose {
                if hasPrefix(bytes, block.open, at: index),
                   let close = firstIndex(of: block.close, in: bytes, from: index + block.open.count) {
                    return close + block.close.count
                }
            }
            return nil
        }
        let lastGreater = withoutBlocks.lastIndex(of: UInt8(ascii: ">")) ?? -1
        let withoutTags = removeSpans(withoutBlocks) { bytes, index in
            index < lastGreater ? bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } : nil
        }
        return String(decoding: withoutTags, as: UTF8.self)
    }

    /// The bytes without the spans that start at a `<` and end where
    /// `end` says; a `<` for which it finds no end stays.
    private static func removeSpans(_ bytes: [UInt8], end: ([UInt8], Int) -> Int?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let spanEnd = end(bytes, index) {
                index = spanEnd
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at index: Int) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if hasPrefix(bytes, needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}

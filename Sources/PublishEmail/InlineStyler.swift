import PublishWriters
/// Puts the theme's styles on the tags the HTML writer wrote. The writer's
/// output is regular: text and attribute values are escaped, so every `<`
/// starts one of its own tags, and no `>` occurs inside one. That makes a
/// scan safe where a general HTML page would need a parser; raw HTML is
/// kept out of the scan (see `EmailBody`).
struct InlineStyler {
    let theme: EmailTheme

    /// The tags the writer produces that the theme styles.
    static let elements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "blockquote", "pre", "code",
        "table", "th", "td", "ul", "ol", "li", "img", "hr",
    ]

    func style(_ html: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count * 2)
        var index = 0
        while index < html.count {
            let byte = html[index]
            out.append(byte)
            index += 1
            guard byte == UInt8(ascii: "<") else { continue }
            var end = index
            while end < html.count, isNameByte(html[end]) { end += 1 }
            let name = String(decoding: html[index..<end], as: UTF8.self)
            guard InlineStyler.elements.contains(name), end < html.count,
                  [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(html[end]),
                  case let css = theme.style(name), !css.isEmpty,
                  let close = html[end...].firstIndex(of: UInt8(ascii: ">")) else { continue }
            out += html[index..<end]
            let attributes = Array(html[end..<close])
            let marker = Array(" style=\"".utf8)
            if let found = firstRange(of: marker, in: attributes) {
                // The writer's own style (a cell's alignment) comes last and wins.
                out += attributes[..<found.upperBound]
                out += Array((HTMLEscaping.escaped(css) + " ").utf8)
                out += attributes[found.upperBound...]
            } else {
                out += Array(" style=\"\(HTMLEscaping.escaped(css))\"".utf8)
                out += attributes
            }
            index = close
        }
        return out
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }
}

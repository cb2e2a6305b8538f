import PublishPipeline
/// Takes out of the author's raw HTML what mail clients refuse or what
/// would act in a reader's inbox: `script`, `style`, `iframe` and `form`
/// elements, their content with them when the element opens and closes
/// within the same piece of raw HTML, else the lone tag (and `EmailBody`
/// drops the text up to the inline piece that closes it). The rest is kept
/// as written but for absolute `src` and `href` (it is not restyled: its
/// tags are the author's, not the writer's, and are not parsed half-way).
/// An `<img>` of an SVG becomes a link to it (see `SVGImages`).
enum RawHTMLSanitizer {
    static let dropped: Set<String> = ["script", "style", "iframe", "form"]

    /// The cleaned HTML, the names of the elements taken out (at their
    /// start tags), the element left open at the end, if any, and how many
    /// SVG images became links styled with `linkStyle`.
    static func clean(_ html: String, resolver: URLResolver, linkStyle: String = "")
        -> (html: String, removed: [String], unclosed: String?, svgImages: Int)
    {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var removed: [String] = []
        var svgImages = 0
        var unclosed: String?
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let tag = Tag(bytes, at: index) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            guard dropped.contains(tag.name) else {
                if tag.isClosing {
                    out += bytes[index..<tag.end]
                } else {
                    let resolved = RawHTMLURLs.resolve(bytes[index..<tag.end], with: resolver)
                    if tag.name == "img", let link = SVGImages.link(forRawTag: resolved, style: linkStyle) {
                        out += Array(link.utf8)
                        svgImages += 1
                    } else {
                        out += resolved
                    }
                }
                index = tag.end
                continue
            }
            index = tag.end
            guard !tag.isClosing else { continue }
            removed.append(tag.name)
            guard !tag.isSelfClosing else { continue }
            if let close = closingTag(tag.name, in: bytes, from: index) {
                index = close
            } else {
                unclosed = tag.name
                index = bytes.count
            }
        }
        return (String(decoding: out, as: UTF8.self), removed, unclosed, svgImages)
    }

    /// Where the first `</name …>` after `start` ends.
    private static func closingTag(_ name: String, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let tag = Tag(bytes, at: index), tag.isClosing, tag.name == name {
                return tag.end
            }
            index += 1
        }
        return nil
    }

    /// A start or end tag: `<name …>` or `</name>`, quoted attribute
    /// values skipped so a `>` inside one does not end it.
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        /// Just past the `>`.
        var end: Int

        init?(_ bytes: [UInt8], at start: Int) {
            var index = start + 1
            isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if isClosing { index += 1 }
            let nameStart = index
            while index < bytes.count, Tag.isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, Tag.isLetter(bytes[nameStart]) else { return nil }
            name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                index += 1
            }
            guard index < bytes.count else { return nil }
            isSelfClosing = index > 0 && bytes[index - 1] == UInt8(ascii: "/")
            end = index + 1
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        }

        private static func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }
}

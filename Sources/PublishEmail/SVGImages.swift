import Foundation
import PublishWriters

/// SVG images do not travel in email: Gmail drops them and Outlook shows
/// an empty box, so an `<img>` of an SVG is sent as its alt text linking to
/// the image on the site, where any browser shows it.
enum SVGImages {
    /// An `.svg` or `.svgz` path (query and fragment aside), or SVG data.
    static func isSVG(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("data:image/svg") { return true }
        let path = lowered.prefix { $0 != "?" && $0 != "#" }
        return path.hasSuffix(".svg") || path.hasSuffix(".svgz")
    }

    /// What a link with no alt text shows: the file's name, decoded.
    static func fallbackText(_ url: String) -> String {
        guard !url.lowercased().hasPrefix("data:") else { return "SVG" }
        let path = String(url.prefix { $0 != "?" && $0 != "#" })
        let name = (path as NSString).lastPathComponent
        return name.removingPercentEncoding ?? name
    }

    /// The link standing for one raw `<img …>` start tag whose `src` (made
    /// absolute and written in double quotes by `RawHTMLURLs`) is an SVG;
    /// nil for any other tag. `style` is the theme's link style.
    static func link(forRawTag tag: [UInt8], style: String) -> String? {
        guard let source = RawHTMLAttributes.value(of: "src", in: tag), isSVG(decoded(source)) else { return nil }
        // The values are HTML as the author wrote them, entities and all; only
        // what would end the attribute or open a tag is escaped again.
        let alt = (RawHTMLAttributes.value(of: "alt", in: tag) ?? "")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let text = alt.trimmingCharacters(in: .whitespaces).isEmpty
            ? HTMLEscaping.escaped(fallbackText(decoded(source))) : alt
        let href = source.replacingOccurrences(of: "\"", with: "&quot;")
        let styled = style.isEmpty ? "" : " style=\"\(HTMLEscaping.escaped(style))\""
        return "<a href=\"\(href)\"\(styled)>\(text)</a>"
    }

    private static func decoded(_ value: String) -> String {
        value.replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Reads one attribute's value out of a raw HTML start tag: quoted with
/// `"` or `'`, or unquoted up to a space or `>`.
enum RawHTMLAttributes {
    static func value(of wanted: String, in tag: [UInt8]) -> String? {
        var index = 1
        // Past the tag's name.
        while index < tag.count, !isSpace(tag[index]), tag[index] != UInt8(ascii: ">") { index += 1 }
        while index < tag.count {
            while index < tag.count, isSpace(tag[index]) || tag[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < tag.count, !isSpace(tag[index]),
                  ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(tag[index]) { index += 1 }
            guard index > nameStart else { return nil }
            let name = String(decoding: tag[nameStart..<index], as: UTF8.self).lowercased()
            while index < tag.count, isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == UInt8(ascii: "=") else {
                if name == wanted { return "" }
                continue
            }
            index += 1
            while index < tag.count, isSpace(tag[index]) { index += 1 }
            var value: String
            if index < tag.count, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
                let quote = tag[index]
                let end = tag[(index + 1)...].firstIndex(of: quote) ?? tag.count
                value = String(decoding: tag[(index + 1)..<end], as: UTF8.self)
                index = min(end + 1, tag.count)
            } else {
                let start = index
                while index < tag.count, !isSpace(tag[index]), tag[index] != UInt8(ascii: ">") { index += 1 }
                value = String(decoding: tag[start..<index], as: UTF8.self)
            }
            if name == wanted { return value }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }
}

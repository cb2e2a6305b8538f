import PublishWriters
import PublishPipeline
import Foundation

/// Makes the `src` and `href` of one raw HTML start tag absolute, as the
/// writer's own links and images are: `<img src="/a.png">` leads nowhere
/// in an inbox. Other attributes are copied byte for byte.
enum RawHTMLURLs {
    static func resolve(_ tag: ArraySlice<UInt8>, with resolver: URLResolver) -> [UInt8] {
        var out: [UInt8] = []
        var index = tag.startIndex
        // Up to the end of the tag's name.
        while index < tag.endIndex, !isSpace(tag[index]), tag[index] != UInt8(ascii: ">") { index += 1 }
        out += tag[tag.startIndex..<index]
        while index < tag.endIndex {
            let nameStart = index
            while index < tag.endIndex, isSpace(tag[index]) { index += 1 }
            let attributeStart = index
            while index < tag.endIndex, !isSpace(tag[index]), ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(tag[index]) {
                index += 1
            }
            let name = String(decoding: tag[attributeStart..<index], as: UTF8.self).lowercased()
            guard index < tag.endIndex, tag[index] == UInt8(ascii: "="), name == "src" || name == "href" else {
                if index == nameStart { index += 1 }
                out += tag[nameStart..<index]
                continue
            }
            index += 1
            var valueEnd = index
            var value: String
            if index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
                let quote = tag[index]
                valueEnd = tag[(index + 1)...].firstIndex(of: quote) ?? tag.endIndex
                value = String(decoding: tag[(index + 1)..<valueEnd], as: UTF8.self)
                valueEnd = min(valueEnd + 1, tag.endIndex)
            } else {
                while valueEnd < tag.endIndex, !isSpace(tag[valueEnd]), tag[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                value = String(decoding: tag[index..<valueEnd], as: UTF8.self)
            }
            value = resolver.resolve(value.replacingOccurrences(of: "&amp;", with: "&"))
            out += tag[nameStart..<index]
            out += Array(("\"" + HTMLEscaping.escaped(value) + "\"").utf8)
            index = valueEnd
        }
        return out
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }
}

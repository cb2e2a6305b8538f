import Foundation

/// The readable text of a piece of raw HTML, for plain-text output: tags
/// and comments removed, common entities decoded, white space collapsed.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false, inComment = false
        var index = html.startIndex
        while index < html.endIndex {
            let rest = html[index...]
            if inComment {
                if rest.hasPrefix("-->") {
                    inComment = false
                    index = html.index(index, offsetBy: 3)
                    continue
                }
            } else if inTag {
                if html[index] == ">" { inTag = false }
            } else if rest.hasPrefix("<!--") {
                inComment = true
            } else if html[index] == "<" {
                inTag = true
                text += " "
            } else {
                text.append(html[index])
            }
            index = html.index(after: index)
        }
        for (entity, character) in entities {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether an inline HTML tag is a line break (`<br>`, `<br/>`, `<br />`).
    static func isLineBreak(_ html: String) -> Bool {
        let lower = html.lowercased().filter { $0 != " " }
        return lower == "<br>" || lower == "<br/>"
    }

    private static let entities = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ]
}

import PublishAST

/// `modern-html`: raw HTML in posts, written for the browsers of its day,
/// made valid HTML5 without changing how it looks. Old blogs are full of
/// `<div align="center">`, `<center>`, `<a name="top">` and YouTube
/// embeds with `frameborder`, each an error in an HTML5 validator.
///
/// | written | becomes |
/// | --- | --- |
/// | `align="center"` (on a block or cell) | `style="text-align: center"` |
/// | `align="left"` on an image, embed or frame | `style="float: left"` (`middle`, `top`…: `vertical-align`) |
/// | `align="center"` on a table | `style="margin-left: auto; margin-right: auto"` |
/// | `border="0"` on an image | `style="border: 0"` |
/// | `gesture`, `scrolling`, `allowtransparency`, `marginwidth`, `marginheight` on an `<iframe>` | left out |
/// | `<center>…</center>` | `<div style="text-align: center">…</div>` |
/// | `<a name="x">` | `<a id="x">` |
/// | `frameborder="0"` | `style="border: 0"` |
///
/// Anything else is left exactly as written.
public struct ModernHTML: Stage {
    public static let name = "modern-html"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        var edits: [(NodeID, NodeKind)] = []
        for case .enter(let node) in document.events() {
            switch document.kind(of: node) {
            case .block(.htmlBlock(let html)):
                let modern = Self.modernize(html)
                if modern != html { edits.append((node, .block(.htmlBlock(modern)))) }
            case .inline(.html(let html)):
                let modern = Self.modernize(html)
                if modern != html { edits.append((node, .inline(.html(modern)))) }
            default:
                break
            }
        }
        for (node, kind) in edits { document.setKind(kind, of: node) }
    }

    /// Rewrites every start and end tag in `html`; text and comments are kept.
    static func modernize(_ html: String) -> String {
        var output = ""
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            if rest[open...].hasPrefix("<!--") {
                let end = rest[open...].firstRange(of: "-->")?.upperBound ?? rest.endIndex
                output += rest[open..<end]
                rest = rest[end...]
                continue
            }
            guard let tag = HTMLTag(rest[open...]) else {
                output.append("<")
                rest = rest[rest.index(after: open)...]
                continue
            }
            output += tag.modernized()
            rest = rest[tag.end...]
        }
        return output + rest
    }
}

/// One start or end tag, read loosely, as browsers read them.
struct HTMLTag {
    var name: String
    var isEnd: Bool
    var attributes: [(name: String, value: String?)]
    var selfClosing: Bool
    /// Just past the `>`.
    var end: Substring.Index
    /// The tag exactly as written, kept when nothing changes.
    var original: String

    init?(_ text: Substring) {
        var index = text.index(after: text.startIndex)
        isEnd = index < text.endIndex && text[index] == "/"
        if isEnd { index = text.index(after: index) }
        let nameStart = index
        while index < text.endIndex, text[index].isLetter || text[index].isNumber || text[index] == "-" {
            index = text.index(after: index)
        }
        guard index > nameStart, text[nameStart].isLetter else { return nil }
        name = text[nameStart..<index].lowercased()
        attributes = []
        selfClosing = false
        while true {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            guard index < text.endIndex else { return nil }
            if text[index] == ">" { break }
            if text[index] == "/" {
                selfClosing = true
                index = text.index(after: index)
                continue
            }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace, !"=>/".contains(text[index]) {
                index = text.index(after: index)
            }
            guard index > start else { return nil }
            let attribute = String(text[start..<index])
            var value: String?
            var probe = index
            while probe < text.endIndex, text[probe].isWhitespace { probe = text.index(after: probe) }
            if probe < text.endIndex, text[probe] == "=" {
                index = text.index(after: probe)
                while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                guard index < text.endIndex else { return nil }
                if text[index] == "\"" || text[index] == "'" {
                    let quote = text[index]
                    let valueStart = text.index(after: index)
                    guard let close = text[valueStart...].firstIndex(of: quote) else { return nil }
                    value = String(text[valueStart..<close])
                    index = text.index(after: close)
                } else {
                    let valueStart = index
                    while index < text.endIndex, !text[index].isWhitespace, text[index] != ">" {
                        index = text.index(after: index)
                    }
                    value = String(text[valueStart..<index])
                }
            }
            attributes.append((attribute, value))
        }
        end = text.index(after: index)
        original = String(text[..<end])
    }

    /// The CSS for `align="value"` on the element `name`, as browsers
    /// lay it out: an image or embed floats (`left`, `right`) or sits on
    /// the line (`middle`, `top`, …: `vertical-align`), a table is centred
    /// by its margins, anything else aligns its text. Nil for a value that
    /// means nothing there.
    static func alignment(_ value: String, on name: String) -> String? {
        switch name {
        case "img", "iframe", "embed", "object", "video", "applet", "input":
            switch value {
            case "left", "right": return "float: \(value)"
            case "middle", "center", "absmiddle": return "vertical-align: middle"
            case "top", "bottom", "baseline": return "vertical-align: \(value)"
            case "texttop": return "vertical-align: text-top"
            case "absbottom": return "vertical-align: bottom"
            default: return nil
            }
        case "table":
            switch value {
            case "center", "middle": return "margin-left: auto; margin-right: auto"
            case "left", "right": return "float: \(value)"
            default: return nil
            }
        default:
            switch value {
            case "left", "right", "center", "justify": return "text-align: \(value)"
            case "middle": return "text-align: center"
            default: return nil
            }
        }
    }

    func modernized() -> String {
        var name = self.name
        var attributes = self.attributes
        var styles: [String] = []
        if name == "center" {
            name = "div"
            if !isEnd { styles.append("text-align: center") }
        }
        if let index = attributes.firstIndex(where: { $0.name.lowercased() == "align" }), let value = attributes[index].value {
            if let style = HTMLTag.alignment(value.lowercased(), on: name) { styles.append(style) }
            attributes.remove(at: index)
        }
        // Attributes of old embed codes that HTML5 has no use for.
        if name == "iframe" {
            attributes.removeAll { ["gesture", "allowtransparency", "scrolling", "marginwidth", "marginheight"]
                .contains($0.name.lowercased()) }
        }
        if name == "img", let index = attributes.firstIndex(where: { $0.name.lowercased() == "border" }) {
            if let width = attributes[index].value.flatMap({ Int($0) }), width > 0 {
                styles.append("border: \(width)px solid")
            } else {
                styles.append("border: 0")
            }
            attributes.remove(at: index)
        }
        if let index = attributes.firstIndex(where: { $0.name.lowercased() == "frameborder" }) {
            if attributes[index].value == "0" { styles.append("border: 0") }
            attributes.remove(at: index)
        }
        if name == "a", let index = attributes.firstIndex(where: { $0.name.lowercased() == "name" }) {
            if attributes.contains(where: { $0.name.lowercased() == "id" }) {
                attributes.remove(at: index)
            } else {
                attributes[index].name = "id"
            }
        }
        if name == self.name && styles.isEmpty && attributes.count == self.attributes.count
            && zip(attributes, self.attributes).allSatisfy({ $0.name == $1.name }) {
            return original
        }
        if !styles.isEmpty {
            let added = styles.joined(separator: "; ")
            if let index = attributes.firstIndex(where: { $0.name.lowercased() == "style" }) {
                let old = attributes[index].value ?? ""
                attributes[index].value = added + (old.isEmpty ? "" : "; " + old)
            } else {
                attributes.append(("style", added))
            }
        }
        var tag = isEnd ? "</" + name : "<" + name
        for attribute in attributes {
            tag += " " + attribute.name
            if let value = attribute.value {
                tag += "=\"" + value.replacing("\"", with: "&quot;") + "\""
            }
        }
        return tag + (selfClosing ? " />" : ">")
    }

}

/// Which HTML a chapter keeps. EPUB 3 content is XHTML5 checked against a
/// schema, so what a browser forgives (obsolete elements, unknown
/// attributes, scripts) is changed or left out here.
enum ElementPolicy {
    /// Left out with their content, and reported: active content and
    /// things a reading system has no business running.
    static let dropped: Set<String> = [
        "script", "form", "iframe", "frame", "frameset", "object", "embed", "applet", "button", "select",
        "textarea", "canvas", "audio", "video", "svg", "math", "style",
    ]

    /// Left out with their content, silently: they carry nothing to read.
    static let ignored: Set<String> = [
        "noscript", "template", "link", "meta", "base", "head", "title", "source", "track", "param", "map",
        "area", "option", "optgroup", "datalist", "label", "fieldset", "legend", "output", "progress", "meter",
    ]

    /// Obsolete elements that have a current one meaning the same.
    static let renamed: [String: String] = [
        "center": "div", "font": "span", "tt": "code", "big": "span", "strike": "s", "acronym": "abbr",
        "marquee": "span", "blink": "span", "listing": "pre", "xmp": "pre", "plaintext": "pre", "dir": "ul",
        "menu": "ul", "nobr": "span",
    ]

    /// Elements kept as they are; any other is unwrapped, its content kept.
    static let kept: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
        "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins",
        "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
        "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "var", "wbr",
    ]

    static let void: Set<String> = ["br", "col", "hr", "img", "input", "wbr"]

    /// Attributes any kept element may carry.
    static let global: Set<String> = ["id", "class", "title", "lang", "dir", "style", "aria-label"]

    /// Attributes some elements may carry besides, whose values are checked.
    static let particular: [String: Set<String>] = [
        "a": ["href"], "img": ["src", "alt", "width", "height"], "ol": ["start", "reversed"],
        "li": ["value"], "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"], "col": ["span"],
        "colgroup": ["span"], "details": ["open"], "input": ["type", "checked", "disabled"],
    ]

    /// Attributes whose value must be a whole number.
    static let numeric: Set<String> = ["width", "height", "start", "value", "colspan", "rowspan", "span"]

    /// Attributes whose presence is the value.
    static let boolean: Set<String> = ["reversed", "open", "checked", "disabled"]

    static func allows(_ attribute: String, on element: String) -> Bool {
        if global.contains(attribute) || particular[element]?.contains(attribute) == true { return true }
        return attribute.hasPrefix("data-") && attribute.count > 5
            && attribute.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }
}

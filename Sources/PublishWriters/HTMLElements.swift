/// The names HTML parsers know as elements, for `raw_html: known`: a tag in
/// a post whose name is none of these (`<id>` in `vboxmanage unregistervm
/// <id> --delete`) was meant as text, and a browser would leave it an
/// unclosed element swallowing the rest of the page.
enum HTMLElements {
    /// A raw HTML piece that starts with a start or end tag: its name, in
    /// lower case, and whether it ends an element. Nil for comments,
    /// declarations, processing instructions and CDATA.
    static func tag(in html: String) -> (name: String, isEnd: Bool, selfClosing: Bool)? {
        var bytes = html.utf8[...]
        guard bytes.first == UInt8(ascii: "<") else { return nil }
        bytes = bytes.dropFirst()
        let isEnd = bytes.first == UInt8(ascii: "/")
        if isEnd { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first.isASCIILetter else { return nil }
        let name = bytes.prefix { $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
        let text = String(decoding: name, as: UTF8.self).lowercased()
        let trimmed = html.utf8.reversed().drop { $0 == UInt8(ascii: ">") || $0 == 32 || $0 == 10 }
        return (text, isEnd, trimmed.first == UInt8(ascii: "/"))
    }

    /// Whether `name` (lower case) is an element a browser knows where it
    /// stands: HTML's, obsolete ones included, a custom element (with a
    /// hyphen) anywhere, SVG's and MathML's inside `<svg>` or `<math>`.
    static func isKnown(_ name: String, inForeignContent: Bool) -> Bool {
        html.contains(name) || name.contains("-") || (inForeignContent && foreign.contains(name))
    }

    static let html: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
        "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center",
        "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div",
        "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img",
        "input", "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map", "mark",
        "marquee", "math", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid", "nobr", "noembed",
        "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext",
        "pre", "progress", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search", "section",
        "select", "slot", "small", "source", "spacer", "span", "strike", "strong", "style", "sub", "summary", "sup",
        "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
        "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    /// SVG's and MathML's element names, in lower case.
    static let foreign: Set<String> = [
        "animate", "animatemotion", "animatetransform", "circle", "clippath", "defs", "desc", "ellipse", "feblend",
        "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix", "fediffuselighting",
        "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg", "fefuncr",
        "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology", "feoffset", "fepointlight",
        "fespecularlighting", "fespotlight", "fetile", "feturbulence", "filter", "foreignobject", "g", "line",
        "lineargradient", "marker", "mask", "metadata", "mpath", "path", "pattern", "polygon", "polyline",
        "radialgradient", "rect", "set", "stop", "switch", "symbol", "text", "textpath", "tspan", "use", "view",
        "maction", "annotation", "annotation-xml", "menclose", "merror", "mfenced", "mfrac", "mglyph", "mi",
        "mlabeledtr", "mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom", "mprescripts", "mroot", "mrow",
        "ms", "mspace", "msqrt", "mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder",
        "munderover", "none", "semantics",
    ]
}

private extension UInt8 {
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

/// The HTML kramdown recognizes in text: tags as its `HTML_TAG_RE` reads
/// them, end tags, comments, and its lists of elements.
extension SmartyPants {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Written `<tag />`.
        var isClosed: Bool
        /// Where the text after the tag starts.
        var end: Int
    }

    /// `<name attribute="value" other=word bare>` or `<name/>`: attribute
    /// values quoted with either quote or made of word characters.
    func tag(at index: Int) -> Tag? {
        guard at(index) == "<", let nameEnd = nameEnd(at: index + 1) else { return nil }
        var attributes: [(name: String, value: String)] = []
        var i = nameEnd
        while true {
            var start = i
            while isSpace(at(start)) { start += 1 }
            guard start > i, let attributeEnd = self.nameEnd(at: start) else { break }
            let name = String(String.UnicodeScalarView(s[start..<attributeEnd]))
            i = attributeEnd
            var value = ""
            var k = i
            while isSpace(at(k)) { k += 1 }
            if at(k) == "=" {
                k += 1
                while isSpace(at(k)) { k += 1 }
                if let quote = at(k), quote == "\"" || quote == "'" {
                    if let close = (k + 1..<end).first(where: { s[$0] == quote }) {
                        value = String(String.UnicodeScalarView(s[(k + 1)..<close]))
                        i = close + 1
                    }
                } else if KramdownHTML.isWord(at(k)) {
                    let valueStart = k
                    while KramdownHTML.isWord(at(k)) { k += 1 }
                    value = String(String.UnicodeScalarView(s[valueStart..<k]))
                    i = k
                }
            }
            attributes.append((name, value))
        }
        while isSpace(at(i)) { i += 1 }
        let isClosed = at(i) == "/"
        if isClosed { i += 1 }
        guard at(i) == ">" else { return nil }
        return Tag(name: String(String.UnicodeScalarView(s[(index + 1)..<nameEnd])), attributes: attributes,
                   isClosed: isClosed, end: i + 1)
    }

    /// `</name>`, blanks allowed before the `>`: of the element `name`
    /// (in any case when it is an HTML element), or of any element. The
    /// index after it.
    func closeTag(_ name: String?, at index: Int) -> Int? {
        guard at(index) == "<", at(index + 1) == "/" else { return nil }
        var i = index + 2
        if let name {
            let folds = KramdownHTML.isElement(name)
            for scalar in name.unicodeScalars {
                guard let c = at(i), folds ? c.properties.lowercaseMapping == String(scalar) : c == scalar else {
                    return nil
                }
                i += 1
            }
        } else {
            guard let nameEnd = nameEnd(at: i) else { return nil }
            i = nameEnd
        }
        while isSpace(at(i)) { i += 1 }
        return at(i) == ">" ? i + 1 : nil
    }

    /// `<!-- … -->`: the index after it.
    func commentEnd(at index: Int) -> Int? {
        delimited(at: index, opening: "<!--", closing: "-->")
    }

    /// `<? … ?>`: the index after it.
    func instructionEnd(at index: Int) -> Int? {
        delimited(at: index, opening: "<?", closing: "?>")
    }

    private func delimited(at index: Int, opening: String, closing: String) -> Int? {
        let (opening, closing) = (Array(opening.unicodeScalars), Array(closing.unicodeScalars))
        guard opening.indices.allSatisfy({ at(index + $0) == opening[$0] }) else { return nil }
        var i = index + opening.count
        while i + closing.count <= end {
            if closing.indices.allSatisfy({ s[i + $0] == closing[$0] }) { return i + closing.count }
            i += 1
        }
        return nil
    }

    /// REXML's name: letters, digits, `-`, `.`, `_`, with one `prefix:`.
    private func nameEnd(at index: Int) -> Int? {
        func ncName(from start: Int) -> Int? {
            guard let c = at(start), KramdownHTML.startsName(c) else { return nil }
            var i = start + 1
            while let c = at(i), KramdownHTML.continuesName(c) { i += 1 }
            return i
        }
        guard let first = ncName(from: index) else { return nil }
        if at(first) == ":", let second = ncName(from: first + 1) { return second }
        return first
    }
}

/// kramdown's HTML element lists.
enum KramdownHTML {
    static let spanElements: Set<String> = [
        "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em", "i", "img",
        "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp",
        "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
    ]
    static let blockElements: Set<String> = [
        "address", "article", "aside", "applet", "body", "blockquote", "caption", "col", "colgroup", "dd", "div",
        "dl", "dt", "fieldset", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "head", "iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup",
        "p", "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
    ]
    static let withoutBody: Set<String> = [
        "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    ]
    /// Elements whose content is parsed (kramdown's block and span content
    /// models); any other element's content is raw.
    static let parsedContent: Set<String> = [
        "address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "fieldset",
        "figure", "figcaption", "footer", "form", "header", "hgroup", "iframe", "li", "main", "map", "menu", "nav",
        "noscript", "object", "section", "summary", "td", "a", "abbr", "acronym", "b", "bdo", "big", "button",
        "cite", "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label",
        "legend", "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span",
        "strong", "sub", "sup", "th", "tt",
    ]
    private static let rawContent: Set<String> = [
        "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
    ]

    static func isElement(_ name: String) -> Bool {
        spanElements.contains(name) || blockElements.contains(name) || withoutBody.contains(name)
            || parsedContent.contains(name) || rawContent.contains(name)
    }

    /// A tag's name as kramdown writes it: lower case for an HTML element.
    static func name(_ written: String) -> String {
        let lowered = written.lowercased()
        return isElement(lowered) ? lowered : written
    }

    /// ` name="value"` for each attribute, the last value of a name kept
    /// where the name first came, an HTML element's names in lower case,
    /// an empty `id` left out.
    static func attributes(_ attributes: [(name: String, value: String)], of element: String) -> String {
        var names: [String] = []
        var values: [String: String] = [:]
        for (name, value) in attributes {
            let key = isElement(element) ? name.lowercased() : name
            if values.updateValue(value, forKey: key) == nil { names.append(key) }
        }
        return names.map { name in
            let value = values[name]!
            if name == "id", RubyString.strip(value[...]).isEmpty { return "" }
            return " \(name)=\"\(escaped(Array(value.unicodeScalars), quotes: true))\""
        }.joined()
    }

    /// Text as kramdown's HTML converter writes it: `&`, `<` and `>`
    /// escaped, and `"` too in an attribute's value (`quotes`). An `&` that
    /// starts an entity reference stays, as REXML leaves it.
    static func escaped(_ scalars: [Unicode.Scalar], quotes: Bool) -> String {
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "&": out += SmartyPants.referenceLength(scalars[...], at: index) == nil ? "&amp;" : "&"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func startsName(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func continuesName(_ c: Unicode.Scalar) -> Bool {
        if c == "-" || c == "." || c == "_" || c.properties.isAlphabetic { return true }
        switch c.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return c == "\u{B7}"
        }
    }

    /// Ruby's `\p{Word}`: letters, marks, digits and connectors.
    static func isWord(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c.properties.isAlphabetic { return true }
        switch c.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
        default: return false
        }
    }
}

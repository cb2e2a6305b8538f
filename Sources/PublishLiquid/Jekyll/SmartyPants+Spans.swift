/// kramdown's span parsers for quotes, entities and typographic symbols.
/// Their rules are regular expressions in kramdown (after RubyPants);
/// here each is a test on the characters around the quote, with Ruby's
/// classes: `\w`, `\s` and `\d` are ASCII, while `\b` counts any letter
/// (`KramdownHTML.isWord`).
extension SmartyPants {
    /// A quote, with the character before it when that is not a `\`: the
    /// first of SmartyPants' rules that fits decides the quote, and writes
    /// that character as text.
    mutating func smartQuote() -> Bool {
        let p = pos
        let first = s[p]
        let quoteFirst = isQuote(first)
        guard quoteFirst || (first != "\\" && isQuote(at(p + 1))) else { return false }
        let next = at(p + 1)
        // An opening quote before emphasis: "*word*".
        if quoteFirst, let mark = next, mark == "_" || mark == "*", let after = at(p + 2), !isSpace(after) {
            return quote(opening: true, first, textUpTo: p, end: p + 1)
        }
        // A closing quote before punctuation: "word".
        if quoteFirst, let mark = next, isPunctuation(mark), !(at(p + 2) == "." && at(p + 3) == "."),
           KramdownHTML.isWord(at(p + 1)) == KramdownHTML.isWord(at(p + 2)) {
            return quote(opening: false, first, textUpTo: p, end: p + 1)
        }
        // Nested quotes opening a word: "'Quoted' …", '"…
        let k = isSpace(first) ? p + 1 : p
        if at(k) == "\"", at(k + 1) == "'", isASCIIWord(at(k + 2)) { return quotes("“‘", textUpTo: k, end: k + 2) }
        if at(k) == "'", at(k + 1) == "\"", isASCIIWord(at(k + 2)) { return quotes("‘“", textUpTo: k, end: k + 2) }
        // A decade: the '80s.
        if at(k) == "'", isDigit(at(k + 1)), isDigit(at(k + 2)), at(k + 3) == "s" {
            return quotes("’", textUpTo: k, end: k + 1)
        }
        // An opening quote after a blank, before a word.
        if isSpace(first), let mark = next, isQuote(mark), isASCIIWord(at(p + 2)) {
            return quote(opening: true, mark, textUpTo: p + 1, end: p + 2)
        }
        // A closing quote after anything but a blank or an opening bracket.
        if let mark = next, isQuote(mark), !" \\\t\r\n[{(-".unicodeScalars.contains(first) {
            return quote(opening: false, mark, textUpTo: p + 1, end: p + 2)
        }
        // A closing quote before a blank, an `s` ending a word, or a line's end.
        if quoteFirst, next == nil || isSpace(next) || (next == "s" && !KramdownHTML.isWord(at(p + 2))) {
            return quote(opening: false, first, textUpTo: p, end: p + 1)
        }
        // Any other quote opens.
        if next == "'" { return quotes("‘", textUpTo: p + 1, end: p + 2) }
        if first == "'" { return quotes("‘", textUpTo: p, end: p + 1) }
        if next == "\"" { return quotes("“", textUpTo: p + 1, end: p + 2) }
        return quotes("“", textUpTo: p, end: p + 1)
    }

    /// Writes the text from `pos` to `textEnd`, then the curly `mark`.
    private mutating func quote(opening: Bool, _ mark: Unicode.Scalar,
                                textUpTo textEnd: Int, end quoteEnd: Int) -> Bool {
        let curly = mark == "\"" ? (opening ? "“" : "”") : (opening ? "‘" : "’")
        return quotes(curly, textUpTo: textEnd, end: quoteEnd)
    }

    private mutating func quotes(_ curly: String, textUpTo textEnd: Int, end quoteEnd: Int) -> Bool {
        pending.append(contentsOf: s[pos..<textEnd])
        emit(curly)
        pos = quoteEnd
        return true
    }

    // MARK: Entities

    /// `&name;`, `&#123;` or `&#x7B;`: its character, except that `<`,
    /// `>` and `&` stay as written; an unknown name is an escaped `&` and text.
    mutating func entity() -> Bool {
        guard s[pos] == "&", let length = entityLength(at: pos) else { return false }
        let original = String(String.UnicodeScalarView(s[pos..<pos + length]))
        let body = s[(pos + 1)..<(pos + length - 1)]
        pos += length
        let codePoint: UInt32?
        if body.first == "#" {
            let hex = body.dropFirst().first == "x"
            let digits = String(String.UnicodeScalarView(body.dropFirst(hex ? 2 : 1)))
            codePoint = UInt32(digits, radix: hex ? 16 : 10).map { SmartyPants.windows1252[$0] ?? $0 }
        } else if let named = SmartyPants.namedEntities[String(String.UnicodeScalarView(body))] {
            codePoint = named
        } else {
            emit("&amp;")
            pending.append(contentsOf: body)
            pending.append(";")
            return true
        }
        guard let codePoint, let character = Unicode.Scalar(codePoint), !"<>&".unicodeScalars.contains(character) else {
            emit(original)
            return true
        }
        emit(String(character))
        return true
    }

    /// The length of kramdown's entity at `index`: `&` and a name of word
    /// characters, `-`, `.` and `:`; or `#` and digits, or `#x` and hex
    /// digits; then `;`.
    private func entityLength(at index: Int) -> Int? {
        var i = index + 1
        if at(i) == "#" {
            let hex = at(i + 1) == "x"
            i += hex ? 2 : 1
            let start = i
            while let c = at(i), hex ? c.properties.isASCIIHexDigit : isDigit(c) { i += 1 }
            guard i > start else { return nil }
        } else {
            guard let c = at(i), isASCIIWord(c) || c == ":" else { return nil }
            while let c = at(i), isASCIIWord(c) || c == "-" || c == "." || c == ":" { i += 1 }
        }
        return at(i) == ";" ? i + 1 - index : nil
    }

    /// REXML's entity reference at `index` of `text`, which the HTML
    /// converter leaves unescaped: `&name;`, `&#123;`, `&#x7B;`.
    static func referenceLength(_ text: ArraySlice<Unicode.Scalar>, at index: Int) -> Int? {
        var i = index + 1
        func at(_ position: Int) -> Unicode.Scalar? { position < text.endIndex ? text[position] : nil }
        if at(i) == "#" {
            let hex = at(i + 1) == "x"
            i += hex ? 2 : 1
            let start = i
            while let c = at(i), hex ? c.properties.isASCIIHexDigit : ("0"..."9").contains(c) { i += 1 }
            if i == start { return nil }
        } else {
            guard let c = at(i), KramdownHTML.startsName(c) || c == ":" else { return nil }
            while let c = at(i), KramdownHTML.continuesName(c) || c == ":" { i += 1 }
        }
        return at(i) == ";" ? i + 1 - index : nil
    }

    // MARK: Typographic symbols

    /// `---` —, `--` –, `...` …, `<<` «, `>>` » (with a no-break space
    /// when a space is on the inner side), and `\<<`, `\>>` as escaped text.
    mutating func typographicSymbol() -> Bool {
        switch s[pos] {
        case "-", ".", "\\", " ", "<", ">": break
        default: return false
        }
        for (written, symbol) in SmartyPants.symbols where matches(written, at: pos) {
            emit(symbol)
            pos += written.unicodeScalars.count
            return true
        }
        return false
    }

    private static let symbols: [(String, String)] = [
        ("---", "—"), ("--", "–"), ("...", "…"), ("\\<<", "&lt;&lt;"), ("\\>>", "&gt;&gt;"),
        ("<< ", "«\u{A0}"), (" >>", "\u{A0}»"), ("<<", "«"), (">>", "»"),
    ]

    private func matches(_ text: String, at index: Int) -> Bool {
        var i = index
        for scalar in text.unicodeScalars {
            guard at(i) == scalar else { return false }
            i += 1
        }
        return true
    }

    // MARK: Character classes

    private func isQuote(_ c: Unicode.Scalar?) -> Bool { c == "\"" || c == "'" }

    /// Ruby's `\s`, which kramdown's quote rules and `HTML_TAG_RE` both use.
    func isSpace(_ c: Unicode.Scalar?) -> Bool {
        guard let c, c.isASCII else { return false }
        return StandardFilters.isBlank(UInt8(c.value))
    }

    private func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return ("0"..."9").contains(c)
    }

    /// Ruby's `\w`: ASCII letters, digits and `_`.
    private func isASCIIWord(_ c: Unicode.Scalar?) -> Bool {
        guard let c, c.isASCII else { return false }
        return c == "_" || Lexer.isLetter(UInt8(c.value)) || Lexer.isDigit(UInt8(c.value))
    }

    /// SmartyPants' punctuation: ASCII punctuation but `&`.
    private func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && c != "&" && c.properties.generalCategory.isPunctuationOrSymbol
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}

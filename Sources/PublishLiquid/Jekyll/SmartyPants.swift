/// Jekyll's `smartify`: kramdown's SmartyPants parser and HTML converter as
/// Jekyll sets them up (`smart_quotes: lsquo,rsquo,ldquo,rdquo`,
/// `entity_output: as_char`). Straight quotes become ‘ ’ “ ”, `--` and
/// `---` dashes, `...` an ellipsis, `<<` and `>>` guillemets, entities
/// their characters; `&`, `<` and `>` in text are escaped. HTML passes
/// through with its attributes rewritten in double quotes; the text of a
/// raw element (`<code>`, a block such as `<div>` at a line's start) keeps
/// its quotes.
struct SmartyPants {
    static func convert(_ text: String) -> String {
        var parser = SmartyPants(text)
        parser.parseBlocks()
        if parser.out.hasSuffix("\n") { parser.out.removeLast() }
        return parser.out
    }

    let s: [Unicode.Scalar]
    var pos = 0
    /// Where the text being parsed ends: the document, or a run of lines.
    var end: Int
    private var out = ""
    /// Text not yet written, escaped as one piece when it is.
    var pending = String.UnicodeScalarView()

    /// kramdown's `adapt_source`: line breaks as `\n`, exactly one at the end.
    private init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count + 1)
        var afterReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterReturn { afterReturn = false; continue }
            afterReturn = scalar == "\r"
            scalars.append(afterReturn ? "\n" : scalar)
        }
        if scalars.last == "\n" { scalars.removeLast() }
        scalars.append("\n")
        s = scalars
        end = scalars.count
    }

    // MARK: Blocks

    /// Lines of text, parsed for spans together, between block HTML: a
    /// comment or a tag other than a span element at a line's start, or
    /// right after other block HTML.
    private mutating func parseBlocks() {
        var linesStart = 0
        while pos < s.count {
            guard let found = block(at: pos) else {
                pos = (s[pos...].firstIndex(of: "\n") ?? s.count - 1) + 1
                continue
            }
            let blockStart = pos
            parseSpans(in: linesStart..<blockStart)
            pos = blockStart
            switch found {
            case .comment(let commentEnd):
                out += String(String.UnicodeScalarView(s[pos..<commentEnd])) + "\n"
                pos = commentEnd
                skipTrailingBlanks()
            case .element(let tag):
                if writeBlockElement(tag) { skipTrailingBlanks() }
            }
            linesStart = pos
        }
        parseSpans(in: linesStart..<s.count)
    }

    private enum Block {
        case comment(end: Int)
        case element(Tag)
    }

    private func block(at start: Int) -> Block? {
        if let commentEnd = commentEnd(at: start) { return .comment(end: commentEnd) }
        var index = start
        while index < start + 3, at(index) == " " { index += 1 }
        guard let tag = tag(at: index), !KramdownHTML.spanElements.contains(tag.name.lowercased()) else { return nil }
        return .element(tag)
    }

    /// A block element, its content raw up to its end tag (or the end of
    /// the text), then a line break; whether kramdown parsed a body, after
    /// which it drops the rest of the line when blank.
    private mutating func writeBlockElement(_ tag: Tag) -> Bool {
        emit(blockElement(tag) + "\n")
        let name = KramdownHTML.name(tag.name)
        return !tag.isClosed && !KramdownHTML.withoutBody.contains(name) && name != "script" && name != "style"
    }

    /// An element inside block HTML, or the block itself: `<br />` when it
    /// has no body, else its raw content.
    private mutating func blockElement(_ tag: Tag) -> String {
        let name = KramdownHTML.name(tag.name)
        pos = tag.end
        let open = "<" + name + KramdownHTML.attributes(tag.attributes, of: name)
        if tag.isClosed || KramdownHTML.withoutBody.contains(name) { return open + " />" }
        let inner = name == "script" || name == "style" ? rawText(until: name) : content(of: name, .blockRaw)
        return open + (inner.isEmpty ? "></\(name)>" : ">\(inner)</\(name)>")
    }

    /// kramdown's `TRAILING_WHITESPACE`: blanks and the line break after a block.
    private mutating func skipTrailingBlanks() {
        var index = pos
        while index < s.count, s[index] == " " || s[index] == "\t" { index += 1 }
        if index < s.count, s[index] == "\n" { pos = index + 1 }
    }

    // MARK: Spans

    /// How much of the span parsing applies: all of it, only HTML tags
    /// (inside a raw span element), or tags of any kind (inside block HTML).
    private enum Mode {
        case normal, raw, blockRaw
    }

    private mutating func parseSpans(in range: Range<Int>) {
        pos = range.lowerBound
        end = range.upperBound
        _ = parseSpans(.normal, closing: nil)
        flush()
        end = s.count
    }

    /// Parses until the end or, inside an element, its end tag, which it
    /// consumes; whether it found that tag.
    private mutating func parseSpans(_ mode: Mode, closing name: String?) -> Bool {
        while pos < end {
            if let name, let after = closeTag(name, at: pos) {
                pos = after
                return true
            }
            if mode == .normal, smartQuote() || entity() || typographicSymbol() { continue }
            if s[pos] == "<", html(mode) { continue }
            pending.append(s[pos])
            pos += 1
        }
        return false
    }

    /// The content of element `name` up to its end tag, written apart.
    private mutating func content(of name: String, _ mode: Mode) -> String {
        flush()
        let outer = out
        out = ""
        _ = parseSpans(mode, closing: name)
        flush()
        let inner = out
        out = outer
        return inner
    }

    /// A `<script>` or `<style>`'s content in block HTML: the text up to
    /// its end tag as it stands.
    private mutating func rawText(until name: String) -> String {
        let start = pos
        while pos < end, closeTag(name, at: pos) == nil { pos += 1 }
        let text = String(String.UnicodeScalarView(s[start..<pos]))
        if let after = closeTag(name, at: pos) { pos = after }
        return text
    }

    /// HTML at a `<`: a comment (or in block HTML a `<?…?>`) as it is, a
    /// stray end tag as text, a span element (or in block HTML any element)
    /// with its content. False when none is there, and the `<` is text.
    private mutating func html(_ mode: Mode) -> Bool {
        if let commentEnd = commentEnd(at: pos) ?? (mode == .blockRaw ? instructionEnd(at: pos) : nil) {
            emit(String(String.UnicodeScalarView(s[pos..<commentEnd])))
            pos = commentEnd
            return true
        }
        if let after = closeTag(nil, at: pos) {
            pending.append(contentsOf: s[pos..<after])
            pos = after
            return true
        }
        guard let tag = tag(at: pos) else { return false }
        if mode == .blockRaw {
            emit(blockElement(tag))
            return true
        }
        let name = KramdownHTML.name(tag.name)
        if KramdownHTML.blockElements.contains(name) {
            // A block tag among spans is text.
            pending.append(contentsOf: s[pos..<tag.end])
            pos = tag.end
            return true
        }
        pos = tag.end
        let open = "<" + name + KramdownHTML.attributes(tag.attributes, of: name)
        var inner = ""
        if !tag.isClosed, !KramdownHTML.withoutBody.contains(name) {
            inner = content(of: name, mode == .normal && KramdownHTML.parsedContent.contains(name) ? .normal : .raw)
        }
        emit(open + (inner.isEmpty && KramdownHTML.withoutBody.contains(name) ? " />" : ">\(inner)</\(name)>"))
        return true
    }

    /// Writes pending text, escaped, then `text` as it is.
    mutating func emit(_ text: String) {
        flush()
        out += text
    }

    /// Writes the pending text, escaped.
    private mutating func flush() {
        guard !pending.isEmpty else { return }
        out += KramdownHTML.escaped(Array(pending), quotes: false)
        pending = String.UnicodeScalarView()
    }

    /// The character at `index`, or nil past the end of the text.
    func at(_ index: Int) -> Unicode.Scalar? {
        index >= 0 && index < end ? s[index] : nil
    }
}

import PublishAST

/// Writes a document's content as an HTML fragment. For every CommonMark
/// node the bytes are those of cmark's HTML renderer; extension nodes render
/// as cmark-gfm does, except table alignment, which is a `style`, as HTML5
/// wants.
public struct HTMLWriter: Sendable {
    public var options: HTMLOptions

    public init(options: HTMLOptions = HTMLOptions()) {
        self.options = options
    }

    /// The HTML of the whole document, or of `node`'s subtree.
    public func render(_ document: Document, from node: NodeID? = nil) -> String {
        String(decoding: renderBytes(document, from: node), as: UTF8.self)
    }

    public func renderBytes(_ document: Document, from node: NodeID? = nil) -> [UInt8] {
        var walker = HTMLWalker(options: options)
        document.walk(&walker, from: node)
        walker.closeFootnotes()
        return walker.out
    }
}

/// The walk behind `HTMLWriter`.
struct HTMLWalker: Walker {
    let options: HTMLOptions
    var out: [UInt8] = []
    /// The image whose description is being written as its alt text: inside
    /// it only text is written, escaped.
    private var altTextOf: NodeID?
    /// How many times each footnote has been referenced so far.
    private var footnoteReferences: [Int: Int] = [:]
    /// Each footnote's label, escaped for an id, by number.
    private var footnoteIDs: [Int: String] = [:]
    private var footnotesOpen = false
    /// The column of the next table cell in the row being written.
    private var tableColumn = 0
    /// Images written so far, for `lazyImages`.
    private var imagesWritten = 0
    /// How many `<svg>` and `<math>` elements of raw HTML are open, inside
    /// which SVG's and MathML's names are elements too (`raw_html: known`).
    private var foreignDepth = 0

    init(options: HTMLOptions) {
        self.options = options
    }

    mutating func enter(_ node: NodeID, in document: Document) -> WalkDecision {
        let kind = document.kind(of: node)
        if altTextOf != nil {
            writeAltText(kind)
            return .descend
        }
        switch kind {
        case .block(let block):
            enterBlock(block, node, document)
        case .inline(let inline):
            enterInline(inline, node, document)
        }
        return .descend
    }

    mutating func exit(_ node: NodeID, in document: Document) {
        let kind = document.kind(of: node)
        if let image = altTextOf {
            guard image == node, case .inline(.image(_, let title)) = kind else { return }
            altTextOf = nil
            if !title.isEmpty {
                write("\" title=\"")
                escape(title)
            }
            // The first image may be what a reader sees first; the later
            // ones load as the reader scrolls to them.
            write(options.lazyImages && imagesWritten > 0 ? "\" loading=\"lazy\" />" : "\" />")
            imagesWritten += 1
            return
        }
        switch kind {
        case .block(let block):
            exitBlock(block, node, document)
        case .inline(let inline):
            exitInline(inline)
        }
    }

    // MARK: Blocks

    private mutating func enterBlock(_ block: Block, _ node: NodeID, _ document: Document) {
        if footnotesOpen, document.parent(of: node) == document.root, !isFootnoteDefinition(block) {
            closeFootnotes()
        }
        switch block {
        case .document:
            break
        case .blockQuote:
            newline()
            open("blockquote", node, document)
            write("\n")
        case .list(let style):
            newline()
            if style.kind == .bullet {
                let tasks = options.flavor == .kramdown && document.children(of: node).contains {
                    if case .block(.item(let task)) = document.kind(of: $0) { return task != nil }
                    return false
                }
                open("ul", node, document, extra: tasks ? " class=\"task-list\"" : "")
            } else if style.start == 1 {
                open("ol", node, document)
            } else {
                open("ol", node, document, extra: " start=\"\(style.start)\"")
            }
            write("\n")
        case .item(let task):
            newline()
            open("li", node, document,
                 extra: task != nil && options.flavor == .kramdown ? " class=\"task-list-item\"" : "")
            // Before the item's first block, as cmark-gfm writes it: inside a
            // tight item's text, before a loose item's first paragraph.
            if let task { writeCheckbox(task) }
        case .codeBlock(let info, let code):
            newline()
            let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "\n" }
            let tokens = document.attributes(of: node).tokens.flatMap { $0.fits(code) ? $0 : nil }
            if options.flavor == .kramdown {
                writeRougeBlock(language: String(language), meta: info.dropFirst(language.count), code: code,
                                tokens: tokens, node: node, document: document)
            } else {
                var extra = ""
                if tokens != nil {
                    // The block's own colours: a class for a stylesheet, or for mail the palette's, inline.
                    extra = options.tokenStyles.map { " style=\"" + HTMLEscaping.escaped($0["highlight"] ?? "") + "\"" }
                        ?? " class=\"highlight\""
                }
                var codeTag = "<code>"
                if !language.isEmpty {
                    codeTag = "<code class=\"" + (language.hasPrefix("language-") ? "" : "language-")
                        + HTMLEscaping.escaped(String(language)) + "\">"
                }
                if let tokens, tokens.lineNumbers {
                    // Valid HTML, unlike Rouge's table inside <code>: the table holds the <pre>.
                    open("div", node, document, extra: extra == " class=\"highlight\"" ? " class=\"highlight numbered\"" : extra)
                    writeNumbered(code, tokens, codeTag: codeTag)
                    write("</div>\n")
                } else {
                    open("pre", node, document, extra: extra)
                    write(codeTag)
                    writeCode(code, tokens)
                    write("</code></pre>\n")
                }
            }
        case .htmlBlock(let html):
            newline()
            switch options.rawHTML {
            case .keep:
                write(html)
            case .known where HTMLElements.tag(in: html).map({ HTMLElements.isKnown($0.name, inForeignContent: false) }) ?? true:
                write(html)
            case .escape, .known:
                write("<p>")
                escape(html.hasSuffix("\n") ? String(html.dropLast()) : html)
                write("</p>")
            case .drop:
                break
            }
            newline()
        case .paragraph:
            if !isTight(node, document) {
                newline()
                open("p", node, document)
            }
        case .heading(let level):
            newline()
            open("h\(level)", node, document)
        case .thematicBreak:
            newline()
            open("hr", node, document, selfClosing: true)
            write("\n")
        case .table:
            newline()
            open("table", node, document)
            write("\n")
        case .tableHead:
            tableColumn = 0
            write("<thead>\n<tr>\n")
        case .tableRow:
            tableColumn = 0
            if document.previous(of: node).map({ document.kind(of: $0) }) == .block(.tableHead) {
                write("<tbody>\n")
            }
            write("<tr>\n")
        case .tableCell:
            let header = document.parent(of: node).map { document.kind(of: $0) } == .block(.tableHead)
            open(header ? "th" : "td", node, document, extra: alignmentStyle(of: node, column: tableColumn, document))
            tableColumn += 1
        case .footnoteDefinition(let label, let number):
            if !footnotesOpen {
                newline()
                write("<section class=\"footnotes\" data-footnotes>\n<ol>\n")
                footnotesOpen = true
            }
            write("<li id=\"fn-\(footnoteID(label, number))\">\n")
        }
    }

    private mutating func exitBlock(_ block: Block, _ node: NodeID, _ document: Document) {
        switch block {
        case .document, .codeBlock, .htmlBlock, .thematicBreak:
            break
        case .blockQuote:
            newline()
            write("</blockquote>\n")
        case .list(let style):
            write(style.kind == .bullet ? "</ul>\n" : "</ol>\n")
        case .item:
            write("</li>\n")
        case .paragraph:
            if let definition = document.parent(of: node), document.lastChild(of: definition) == node,
               case .block(.footnoteDefinition(_, let number)) = document.kind(of: definition) {
                write(" ")
                writeBackReferences(number)
            }
            if !isTight(node, document) { write("</p>\n") }
        case .heading(let level):
            write("</h\(level)>\n")
        case .table:
            if let last = document.lastChild(of: node), document.kind(of: last) == .block(.tableRow) {
                write("</tbody>\n")
            }
            write("</table>\n")
        case .tableHead:
            write("</tr>\n</thead>\n")
        case .tableRow:
            write("</tr>\n")
        case .tableCell:
            let header = document.parent(of: node).map { document.kind(of: $0) } == .block(.tableHead)
            write(header ? "</th>\n" : "</td>\n")
        case .footnoteDefinition(_, let number):
            // Back-references go into a closing paragraph, or stand alone.
            if document.lastChild(of: node).map({ document.kind(of: $0) }) != .block(.paragraph) {
                writeBackReferences(number)
                write("\n")
            }
            write("</li>\n")
        }
    }

    mutating func closeFootnotes() {
        guard footnotesOpen else { return }
        write("</ol>\n</section>\n")
        footnotesOpen = false
    }

    private func isFootnoteDefinition(_ block: Block) -> Bool {
        if case .footnoteDefinition = block { return true }
        return false
    }

    /// cmark's rule: a paragraph whose grandparent is a tight list has no `<p>`.
    private func isTight(_ paragraph: NodeID, _ document: Document) -> Bool {
        guard let parent = document.parent(of: paragraph), let grandparent = document.parent(of: parent),
              case .block(.list(let style)) = document.kind(of: grandparent) else { return false }
        return style.isTight
    }

    /// A code block as kramdown with Rouge writes it (see `Flavor.kramdown`).
    private mutating func writeRougeBlock(language: String, meta: Substring, code: String, tokens: CodeTokens?,
                                          node: NodeID, document: Document) {
        let words = meta.split(whereSeparator: \.isWhitespace)
        let name = language.isEmpty ? "plaintext" : language
        guard words.contains("jekyll-highlight") else {
            write("<div class=\"language-")
            escape(name)
            write(" highlighter-rouge\">")
            open("div", node, document, extra: " class=\"highlight\"")
            write("<pre class=\"highlight\"><code>")
            writeCode(code, tokens)
            write("</code></pre></div></div>\n")
            return
        }
        open("figure", node, document, extra: " class=\"highlight\"")
        write("<pre><code class=\"language-")
        escape(name)
        write("\" data-lang=\"")
        escape(name)
        write("\">")
        if words.contains("linenos"), tokens?.lineNumbers != true {
            writeNumbered(code, CodeTokens(runs: [.init(length: code.utf8.count, className: "")], lineNumbers: true))
        } else {
            writeCode(code, tokens)
        }
        write("</code></pre></figure>\n")
    }

    /// The code, its tokens in spans: `<span class="k">` (or, for mail,
    /// `<span style="…">` from `options.tokenStyles`); plain runs bare.
    private mutating func writeCode(_ code: String, _ tokens: CodeTokens?) {
        guard let tokens else { return escape(code) }
        if tokens.lineNumbers { return writeNumbered(code, tokens) }
        var start = code.utf8.startIndex
        for run in tokens.runs {
            let end = code.utf8.index(start, offsetBy: run.length)
            writeToken(code[start..<end], run.className)
            start = end
        }
    }

    private mutating func writeToken(_ text: Substring, _ className: String) {
        guard !className.isEmpty else { return HTMLEscaping.appendEscaped(String(text), to: &out) }
        if let styles = options.tokenStyles {
            guard let style = styles[className], !style.isEmpty else { return HTMLEscaping.appendEscaped(String(text), to: &out) }
            write("<span style=\"")
            escape(style)
        } else {
            write("<span class=\"")
            write(className)
        }
        write("\">")
        HTMLEscaping.appendEscaped(String(text), to: &out)
        write("</span>")
    }

    /// Rouge's line-number table: a gutter of numbers beside the code, so
    /// selecting the code leaves the numbers out.
    /// `codeTag` opens a `<code>` inside the code's `<pre>`; Rouge writes none.
    private mutating func writeNumbered(_ code: String, _ tokens: CodeTokens, codeTag: String? = nil) {
        let lines = tokens.lines(of: code)
        let styled = options.tokenStyles != nil
        write("<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"")
        if styled { write(" style=\"user-select:none;-webkit-user-select:none;padding-right:1em;text-align:right;opacity:0.6\"") }
        write("><pre class=\"lineno\">")
        for number in 1...max(1, lines.count) { write("\(number)\n") }
        write("</pre></td><td class=\"code\"><pre>")
        if let codeTag { write(codeTag) }
        // Every line ends in a line feed, the last too, as in Rouge's table.
        for line in lines {
            for (text, className) in line { writeToken(text, className) }
            write("\n")
        }
        if codeTag != nil { write("</code>") }
        write("</pre></td></tr></tbody></table>")
    }

    private mutating func writeCheckbox(_ task: TaskState) {
        if options.flavor == .kramdown {
            write(task == .checked
                  ? "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"
                  : "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />")
            return
        }
        write(task == .checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                               : "<input type=\"checkbox\" disabled=\"\" /> ")
    }

    /// A footnote's label as cmark-gfm puts it in ids: URL-escaped.
    private mutating func footnoteID(_ label: String, _ number: Int) -> String {
        if let id = footnoteIDs[number] { return id }
        var bytes: [UInt8] = []
        HTMLEscaping.appendEscapedURL(label, to: &bytes)
        let id = String(decoding: bytes, as: UTF8.self)
        footnoteIDs[number] = id
        return id
    }

    /// The back-references that close a note, separated by spaces.
    private mutating func writeBackReferences(_ number: Int) {
        let count = max(footnoteReferences[number] ?? 0, 1)
        let id = footnoteIDs[number] ?? String(number)
        for occurrence in 1...count {
            let suffix = occurrence == 1 ? "" : "-\(occurrence)"
            let label = occurrence == 1 ? "\(number)" : "\(number)-\(occurrence)"
            if occurrence > 1 { write(" ") }
            write("<a href=\"#fnref-\(id)\(suffix)\" class=\"footnote-backref\" data-footnote-backref ")
            write("data-footnote-backref-idx=\"\(label)\" aria-label=\"Back to reference \(label)\">↩")
            if occurrence > 1 { write("<sup class=\"footnote-ref\">\(occurrence)</sup>") }
            write("</a>")
        }
    }

    private func alignmentStyle(of cell: NodeID, column: Int, _ document: Document) -> String {
        guard let row = document.parent(of: cell), let table = document.parent(of: row),
              case .block(.table(let alignments)) = document.kind(of: table),
              column < alignments.count, alignments[column] != .none else { return "" }
        return " style=\"text-align: \(alignments[column].rawValue)\""
    }

    // MARK: Inlines

    private mutating func enterInline(_ inline: Inline, _ node: NodeID, _ document: Document) {
        switch inline {
        case .text(let text):
            escape(text)
        case .softBreak:
            write("\n")
        case .lineBreak:
            write("<br />\n")
        case .code(let code):
            write(options.flavor == .kramdown ? "<code class=\"language-plaintext highlighter-rouge\">" : "<code>")
            escape(code)
            write("</code>")
        case .html(let html):
            switch options.rawHTML {
            case .keep: write(html)
            case .known: writeKnown(html)
            case .escape: escape(html)
            case .drop: break
            }
        case .emphasis:
            write("<em>")
        case .strong:
            write("<strong>")
        case .strikethrough:
            write("<del>")
        case .link(let destination, let title):
            write("<a href=\"")
            url(destination)
            if !title.isEmpty {
                write("\" title=\"")
                escape(title)
            }
            write("\"")
            attributes(document.attributes(of: node))
            write(">")
        case .image(let source, _):
            write("<img src=\"")
            url(source)
            write("\" alt=\"")
            altTextOf = node
        case .footnoteReference(let label, let number):
            let occurrence = (footnoteReferences[number] ?? 0) + 1
            footnoteReferences[number] = occurrence
            let target = footnoteID(label, number)
            let id = occurrence == 1 ? "fnref-\(target)" : "fnref-\(target)-\(occurrence)"
            write("<sup class=\"footnote-ref\"><a href=\"#fn-\(target)\" id=\"\(id)\" data-footnote-ref>\(number)</a></sup>")
        }
    }

    private mutating func exitInline(_ inline: Inline) {
        switch inline {
        case .emphasis: write("</em>")
        case .strong: write("</strong>")
        case .strikethrough: write("</del>")
        case .link: write("</a>")
        default: break
        }
    }

    /// Inside an image only the text of the description is written.
    private mutating func writeAltText(_ kind: NodeKind) {
        switch kind {
        case .inline(.text(let text)), .inline(.code(let text)), .inline(.html(let text)):
            escape(text)
        case .inline(.softBreak), .inline(.lineBreak):
            write(" ")
        default:
            break
        }
    }

    // MARK: Output

    private mutating func open(_ tag: String, _ node: NodeID, _ document: Document, extra: String = "",
                               selfClosing: Bool = false) {
        write("<")
        write(tag)
        write(extra)
        attributes(document.attributes(of: node))
        write(selfClosing ? " />" : ">")
    }

    private mutating func attributes(_ attributes: Attributes) {
        guard !attributes.isEmpty else { return }
        if let id = attributes.id {
            write(" id=\"")
            escape(id)
            write("\"")
        }
        if !attributes.classes.isEmpty {
            write(" class=\"")
            escape(attributes.classes.joined(separator: " "))
            write("\"")
        }
        for pair in attributes.pairs {
            write(" ")
            escape(pair.key)
            write("=\"")
            escape(pair.value)
            write("\"")
        }
    }

    /// An inline tag as `raw_html: known` has it: as written when a
    /// browser knows the element, else as text.
    private mutating func writeKnown(_ html: String) {
        guard let tag = HTMLElements.tag(in: html) else { return write(html) }
        guard HTMLElements.isKnown(tag.name, inForeignContent: foreignDepth > 0) else { return escape(html) }
        if tag.name == "svg" || tag.name == "math" {
            if tag.isEnd { foreignDepth = max(0, foreignDepth - 1) } else if !tag.selfClosing { foreignDepth += 1 }
        }
        write(html)
    }

    private mutating func url(_ url: String) {
        if (options.rawHTML == .escape || options.rawHTML == .drop) && HTMLEscaping.isDangerous(url) { return }
        HTMLEscaping.appendEscapedURL(url, to: &out)
    }

    private mutating func newline() {
        if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    }

    private mutating func write(_ text: String) {
        out.append(contentsOf: text.utf8)
    }

    private mutating func escape(_ text: String) {
        HTMLEscaping.appendEscaped(text, to: &out)
    }
}

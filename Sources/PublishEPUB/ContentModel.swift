/// HTML's content models, as far as a chapter needs them to pass the
/// XHTML schema: a `<p>` inside a `<span>`, text loose in a `<ul>`, a `<dd>`
/// before any `<dt>` are forgiven by browsers and refused by epubcheck.
/// Kept elements are placed where they may be, in an implied `<li>` or
/// `<dd>` when that makes them fit, or unwrapped (their content kept).
struct ContentModel {
    enum Context {
        case flow, phrasing, list, definitions, table, tableSection, row, columns
    }

    /// What to do with an element about to open.
    enum Placement {
        case keep
        case unwrap
    }

    private struct Frame {
        /// The output element this input element became; nil when unwrapped.
        var element: String?
        var context: Context
        /// Opened by the model itself, closed with the element around it.
        var implied = false
        /// In a `<dl>`: whether a term has come yet, so a `<dd>` may follow.
        var hasTerm = false
    }

    private var frames = [Frame(element: "section", context: .flow)]

    static let phrasing: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd",
        "mark", "q", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
        "rt", "rp",
    ]
    static let flow: Set<String> = [
        "p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "figure", "section", "article", "aside", "nav", "header", "footer", "address", "details",
    ]
    /// Elements whose content is phrasing content only.
    static let phrasingOnly: Set<String> = [
        "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "dt", "rt", "rp",
    ]

    private var context: Context { frames.last!.context }
    private var parent: String? { frames.last { $0.element != nil }?.element }

    /// Where `element` may open; implied wrappers it needs are written to `out`.
    mutating func place(_ element: String, into out: inout [ChapterContent.Piece]) -> Placement {
        closeImplied(before: element, into: &out)
        if allowed(element) {
            if element == "dd", context == .definitions, !frames[frames.count - 1].hasTerm {
                out += [.markup(.open("dt", [])), .markup(.close("dt"))]
            }
            if element == "dt" || element == "dd", context == .definitions { frames[frames.count - 1].hasTerm = true }
            return .keep
        }
        guard ContentModel.phrasing.contains(element) || ContentModel.flow.contains(element),
              imply(into: &out) else { return .unwrap }
        return allowed(element) ? .keep : .unwrap
    }

    /// Records the element just opened (nil: unwrapped).
    mutating func opened(_ element: String?) {
        guard let element else {
            frames.append(Frame(element: nil, context: context))
            return
        }
        let inner: Context
        switch element {
        case "a", "ins", "del": inner = context
        case "ul", "ol": inner = .list
        case "dl": inner = .definitions
        case "table": inner = .table
        case "thead", "tbody", "tfoot": inner = .tableSection
        case "tr": inner = .row
        case "colgroup": inner = .columns
        default: inner = ContentModel.flow.contains(element) && !ContentModel.phrasingOnly.contains(element)
            || ["li", "dd", "td", "th", "figcaption", "caption"].contains(element) ? .flow : .phrasing
        }
        frames.append(Frame(element: element, context: inner))
    }

    /// The closing tags for the input element that ends now.
    mutating func closed() -> [String] {
        var out: [String] = []
        while frames.count > 1, frames.last!.implied { out.append(frames.removeLast().element!) }
        if frames.count > 1, let element = frames.removeLast().element { out.append(element) }
        return out
    }

    /// Whether text may stand here; a wrapper it needs is written to `out`.
    mutating func placeText(_ text: String, into out: inout [ChapterContent.Piece]) -> Bool {
        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) { return true }
        switch context {
        case .flow, .phrasing: return true
        default: return imply(into: &out)
        }
    }

    private func allowed(_ element: String) -> Bool {
        switch context {
        case .phrasing:
            if element == "rt" || element == "rp" { return parent == "ruby" }
            return ContentModel.phrasing.contains(element) && element != "rt" && element != "rp"
        case .flow:
            if element == "figcaption" { return parent == "figure" }
            if element == "summary" { return parent == "details" }
            return (ContentModel.flow.contains(element) || ContentModel.phrasing.contains(element))
                && element != "rt" && element != "rp"
        case .list: return element == "li"
        case .definitions: return element == "dt" || element == "dd"
        case .table: return ["caption", "colgroup", "thead", "tbody", "tfoot", "tr"].contains(element)
        case .tableSection: return element == "tr"
        case .row: return element == "td" || element == "th"
        case .columns: return element == "col"
        }
    }

    /// Opens the `<li>` or `<dd>` that lets loose content stand in a list.
    private mutating func imply(into out: inout [ChapterContent.Piece]) -> Bool {
        let wrapper: String
        switch context {
        case .list: wrapper = "li"
        case .definitions:
            if !frames[frames.count - 1].hasTerm { out += [.markup(.open("dt", [])), .markup(.close("dt"))] }
            frames[frames.count - 1].hasTerm = true
            wrapper = "dd"
        default: return false
        }
        out.append(.markup(.open(wrapper, [])))
        frames.append(Frame(element: wrapper, context: .flow, implied: true))
        return true
    }

    /// A real item ends the implied one before it.
    private mutating func closeImplied(before element: String, into out: inout [ChapterContent.Piece]) {
        guard ["li", "dt", "dd"].contains(element) else { return }
        while frames.count > 1, frames.last!.implied { out.append(.markup(.close(frames.removeLast().element!))) }
    }
}

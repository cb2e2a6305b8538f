import PublishAST

/// Turns a post's HTML (as libxml2 read it) into what an EPUB chapter may
/// hold: kept elements with checked attributes, obsolete ones renamed,
/// unknown ones unwrapped, active content dropped with a warning, images
/// embedded or linked, links pointed at chapters or the site, ids made
/// XML names and unique, footnotes marked for reading systems.
struct ChapterCleaner {
    let index: Int
    let post: (url: String, sourcePath: String)
    let links: BookLinks
    let locator: PostLocator
    var content = ChapterContent()
    var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []
    /// Where each element may stand, and what closes it in the output.
    private var model = ContentModel()
    /// How many links are open: an image in one cannot become a link.
    var linkDepth = 0
    private var inFootnotes = false

    init(index: Int, post: (url: String, sourcePath: String), links: BookLinks, locator: PostLocator) {
        self.index = index
        self.post = post
        self.links = links
        self.locator = locator
    }

    mutating func clean(_ events: [Markup], resources: inout Resources) {
        var position = 0
        while position < events.count {
            switch events[position] {
            case .text(let text):
                if model.placeText(text, into: &content.pieces) {
                    content.pieces.append(.markup(.text(text)))
                } else {
                    report("<table", "text inside a table but outside its cells is left out")
                }
            case .close:
                for name in model.closed() {
                    if name == "a" { linkDepth -= 1 }
                    if name == "section" && inFootnotes { inFootnotes = false }
                    content.pieces.append(.markup(.close(name)))
                }
            case .open(let name, let attributes):
                if let skipTo = open(name, attributes, at: position, in: events, resources: &resources) {
                    position = skipTo
                }
            }
            position += 1
        }
    }

    /// Handles an opening; returns the index of the matching close when
    /// the whole element is left out.
    private mutating func open(_ name: String, _ attributes: [(name: String, value: String)], at position: Int,
                               in events: [Markup], resources: inout Resources) -> Int? {
        let isCheckbox = name == "input" && attributes.contains { $0.name == "type" && $0.value.lowercased() == "checkbox" }
        if ElementPolicy.dropped.contains(name) || (name == "input" && !isCheckbox) {
            report("<\(name)", "a <\(name)> element is not carried into the book")
            return matchingClose(from: position, in: events)
        }
        if ElementPolicy.ignored.contains(name) { return matchingClose(from: position, in: events) }
        let element = ElementPolicy.renamed[name] ?? name
        guard ElementPolicy.kept.contains(element), model.place(element, into: &content.pieces) == .keep else {
            if element == "img", let alt = attributes.first(where: { $0.name == "alt" })?.value,
               model.placeText(alt, into: &content.pieces) {
                content.pieces.append(.markup(.text(alt)))
            }
            model.opened(nil)
            return nil
        }
        // libxml2 knows only HTML 4's void elements and nests what follows
        // a `<wbr>` inside it: whatever a void element holds is its sibling.
        if element == "img" {
            image(attributes, resources: &resources)
            model.opened(nil)
            return nil
        }
        var kept = checked(attributes, of: element)
        if element == "section", attributes.contains(where: { $0.name == "data-footnotes" }) {
            inFootnotes = true
            kept.append(("epub:type", "footnotes"))
        } else if element == "li", inFootnotes, kept.contains(where: { $0.name == "id" }) {
            kept.append(("epub:type", "footnote"))
        } else if element == "a", attributes.contains(where: { $0.name == "data-footnote-ref" }) {
            kept.append(("epub:type", "noteref"))
        }
        if ElementPolicy.void.contains(element) {
            content.pieces += [.markup(.open(element, kept)), .markup(.close(element))]
            model.opened(nil)
            return nil
        }
        model.opened(element)
        if element == "a" {
            linkDepth += 1
            if let href = kept.first(where: { $0.name == "href" })?.value {
                kept.removeAll { $0.name == "href" }
                content.pieces.append(link(href, kept))
                return nil
            }
        }
        content.pieces.append(.markup(.open(element, kept)))
        return nil
    }

    private mutating func link(_ href: String, _ attributes: [(name: String, value: String)]) -> ChapterContent.Piece {
        let target = links.target(of: href, from: post.url, chapter: index)
        switch target {
        case .script:
            report(href.lowercased(), "a javascript: link is not carried into the book")
        case .unreachable:
            report(href.lowercased(), "the link to '\(href)' leads outside the book, and the site has no `url` to make it absolute; it is left as text")
        default:
            break
        }
        return .link(attributes, target, href: href)
    }

    /// The attributes `element` may keep, with checked values and ids made
    /// unique in the chapter.
    mutating func checked(_ attributes: [(name: String, value: String)],
                                  of element: String) -> [(name: String, value: String)] {
        var kept: [(name: String, value: String)] = []
        for (name, value) in attributes {
            if name.hasPrefix("on") {
                report(name + "=", "the event attribute `\(name)` is not carried into the book")
                continue
            }
            guard ElementPolicy.allows(name, on: element), !kept.contains(where: { $0.name == name }) else { continue }
            if ElementPolicy.numeric.contains(name), value.isEmpty || !value.allSatisfy({ $0.isASCII && $0.isNumber }) { continue }
            if name == "dir", !["ltr", "rtl", "auto"].contains(value) { continue }
            if name == "type", value.lowercased() != "checkbox" { continue }
            if name == "id" {
                guard !value.isEmpty else { continue }
                kept.append((name, uniqueID(BookIDs.make(value))))
            } else {
                kept.append((name, ElementPolicy.boolean.contains(name) ? name : value))
            }
        }
        return kept
    }

    private mutating func uniqueID(_ id: String) -> String {
        var candidate = id
        var count = 1
        while content.ids.contains(candidate) {
            count += 1
            candidate = "\(id)-\(count)"
        }
        content.ids.insert(candidate)
        return candidate
    }

    /// One warning per kind of problem per chapter, at its first place.
    private mutating func report(_ needle: String, _ message: String) {
        guard reported.insert(message).inserted else { return }
        diagnostics.append(.warning(message, at: locator.location(ofHTML: needle)))
    }

    private func matchingClose(from position: Int, in events: [Markup]) -> Int {
        var depth = 0
        var index = position
        while index < events.count {
            switch events[index] {
            case .open: depth += 1
            case .close:
                depth -= 1
                if depth == 0 { return index }
            case .text: break
            }
            index += 1
        }
        return events.count - 1
    }
}

import Foundation
import PublishAST
import PublishHighlight
import PublishPipeline
import PublishWriters

/// A post's content as the two bodies of a message: the HTML writer's
/// fragment with inline styles, and the plain-text writer's text, both
/// with absolute URLs (in the text as IRIs, which a reader can read). SVG
/// images are links to themselves in the HTML, a warning once per post.
struct EmailBody {
    var html: String
    var text: String
    /// Raw HTML elements that were taken out, a warning each, at their place.
    var diagnostics: [Diagnostic]
    /// The images carried in the message, when they are embedded.
    var images: [EmbeddedImage] = []

    /// `textOnly`: the plain text alone (`html` is left empty), for the
    /// preheader, which is made from the excerpt's text.
    /// `palette` colours highlighted code, each token's colour in its own
    /// `style`, since mail clients drop stylesheets.
    init(document: Document, baseURL: String, theme: EmailTheme, images: ImageSizing? = nil, textOnly: Bool = false,
         palette: Palette? = nil) {
        let resolver = URLResolver(base: baseURL)
        var resolved = document
        var marked = document
        var raw: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Where each SVG image sent as a link stood.
        var svgImages: [SourceLocation] = []
        // A dropped element opened by inline HTML and not closed in it: its
        // text is dropped up to the inline HTML that closes it or the end
        // of the paragraph.
        var open: (name: String, parent: NodeID)?
        for event in document.events() {
            guard case .enter(let node) = event else {
                if event.node == open?.parent { open = nil }
                continue
            }
            let kind = document.kind(of: node)
            if let inside = open {
                if case .inline(.html(let html)) = kind {
                    if html.lowercased().contains("</" + inside.name) { open = nil }
                } else if case .inline = kind {
                    resolved.setKind(.inline(.text("")), of: node)
                    marked.setKind(.inline(.text("")), of: node)
                    continue
                }
            }
            switch kind {
            case .inline(.link(let destination, let title)):
                let url = resolver.resolve(destination)
                resolved.setKind(.inline(.link(destination: IRI.display(url), title: title)), of: node)
                marked.setKind(.inline(.link(destination: url, title: title)), of: node)
            case .inline(.image(let source, let title)):
                let url = resolver.resolve(source)
                resolved.setKind(.inline(.image(source: IRI.display(url), title: title)), of: node)
                guard SVGImages.isSVG(url) else {
                    marked.setKind(.inline(.image(source: url, title: title)), of: node)
                    break
                }
                // Its description becomes the link's text; inside a link,
                // where a link may not be, it is emphasised text.
                svgImages.append(document.location(of: node))
                marked.setKind(EmailBody.isInsideLink(node, in: document)
                               ? .inline(.emphasis) : .inline(.link(destination: url, title: title)), of: node)
                if document.firstChild(of: node) == nil {
                    _ = marked.append(.inline(.text(SVGImages.fallbackText(url))), to: node)
                }
            case .block(.htmlBlock(let html)), .inline(.html(let html)):
                // Raw HTML stands in the fragment as a comment the writer
                // never writes itself, so the styler sees only the writer's tags.
                let (kept, removed, unclosed, svg) = RawHTMLSanitizer.clean(html, resolver: resolver,
                                                                            linkStyle: theme.style("a"))
                for name in removed {
                    diagnostics.append(.warning("the newsletter leaves out the raw HTML <\(name)> element: "
                                                + "mail clients block it", at: document.location(of: node)))
                }
                svgImages += Array(repeating: document.location(of: node), count: svg)
                let marker = "<!--publish-raw-\(raw.count)-->"
                raw.append(kept)
                if case .block = kind {
                    marked.setKind(.block(.htmlBlock(marker + "\n")), of: node)
                    resolved.setKind(.block(.htmlBlock(kept)), of: node)
                } else {
                    marked.setKind(.inline(.html(marker)), of: node)
                    resolved.setKind(.inline(.html(kept)), of: node)
                    if let unclosed, let parent = document.parent(of: node) { open = (unclosed, parent) }
                }
            default:
                break
            }
        }
        self.text = TextWriter().render(resolved)
        if let first = svgImages.first, !textOnly {
            let more = svgImages.count == 1 ? "an SVG image" : "\(svgImages.count) SVG images"
            diagnostics.append(.warning("the newsletter sends \(more) as a link to the image on the site, not as "
                                        + "an image: Gmail and Outlook do not show SVG; use a PNG or JPEG to show it",
                                        at: first))
        }
        self.diagnostics = diagnostics
        guard !textOnly else {
            self.html = ""
            return
        }
        let writer = HTMLWriter(options: HTMLOptions(tokenStyles: (palette ?? Palette.named("github")!).inlineStyles))
        var fragment = String(decoding: InlineStyler(theme: theme).style(writer.renderBytes(marked)), as: UTF8.self)
        // A checkbox is a form control; a task list shows its state as a symbol.
        // (Foundation's search is slow on long text: it runs only when a box is there.)
        if fragment.containsBytes("<input type=\"checkbox\"") {
            fragment = fragment.replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ", with: "☑ ")
                .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" /> ", with: "☐ ")
        }
        if fragment.containsBytes("<section class=\"footnotes\" data-footnotes>") {
            // A rule and smaller type set the notes apart from the text, as
            // the site's stylesheet does; the styler knows no classes.
            fragment = fragment.replacingOccurrences(
                of: EmailBody.footnotes,
                with: "<hr style=\"\(HTMLEscaping.escaped(theme.style("footnotes-rule")))\" />\n"
                    + EmailBody.footnotes.dropLast() + " style=\"\(HTMLEscaping.escaped(theme.style("footnotes")))\">")
        }
        if fragment.containsBytes("<table") {
            // The writer's tables do not nest, and raw HTML is not in the
            // fragment yet: each `<table` has its own `</table>`.
            let box = "<div style=\"\(HTMLEscaping.escaped(theme.style("table-box")))\">"
            fragment = fragment.replacingOccurrences(of: "<table", with: box + "<table")
                .replacingOccurrences(of: "</table>", with: "</table></div>")
        }
        if let images { (fragment, self.images) = images.apply(fragment) }
        self.html = EmailBody.splice(raw, into: fragment)
    }

    /// How the HTML writer opens a post's footnotes.
    private static let footnotes = "<section class=\"footnotes\" data-footnotes>"

    private static func isInsideLink(_ node: NodeID, in document: Document) -> Bool {
        var current = document.parent(of: node)
        while let ancestor = current {
            if case .inline(.link) = document.kind(of: ancestor) { return true }
            current = document.parent(of: ancestor)
        }
        return false
    }

    /// Puts each piece of raw HTML back where its marker stands, in one pass.
    private static func splice(_ raw: [String], into fragment: String) -> String {
        guard !raw.isEmpty else { return fragment }
        let pieces = fragment.components(separatedBy: "<!--publish-raw-")
        var out = pieces[0]
        for piece in pieces.dropFirst() {
            guard let end = piece.range(of: "-->"), let index = Int(piece[..<end.lowerBound]), index < raw.count else {
                out += "<!--publish-raw-" + piece
                continue
            }
            out += raw[index] + piece[end.upperBound...]
        }
        return out
    }
}

import PublishAST

/// `autolinks`: GFM's extended autolinks, as cmark-gfm's autolink extension
/// makes them. `www.example.com` links to `http://www.example.com`;
/// `http://`, `https://` and `ftp://` URLs and email addresses (to
/// `mailto:`, or as written after `mailto:` or `xmpp:`) link to themselves.
/// Trailing punctuation, an unmatched `)` and a trailing entity-like `&x;`
/// stay outside the link; `<` ends it. Code, raw HTML, links, images and
/// text inside a raw `<a>` element are left alone.
///
/// Option `cjk_boundaries` (default true): a URL ends before a Chinese,
/// Japanese or Korean character or punctuation mark, so in
/// `见https://example.com。` or `https://example.com，后面` the link is only
/// the URL, and `访问www.example.com` links as if a space came before
/// `www.`. This is a deliberate departure: cmark-gfm runs a URL on to the
/// next white space, and Chinese puts none there. A URL with CJK in it
/// still links whole when written `<https://zh.wikipedia.org/wiki/中文>`.
///
/// The stage works on the text cmark has already parsed, so it differs from
/// cmark-gfm where a URL runs into other syntax: in
/// `http://example.com/*x*` the emphasis stays emphasis and ends the link,
/// and a backslash escape or entity in a URL counts as the character it
/// stands for.
public struct Autolinks: Stage {
    public static let name = "autolinks"

    /// Whether a URL ends at a CJK character.
    public let cjkBoundaries: Bool

    public init(options: Settings) throws {
        var options = options
        cjkBoundaries = try options.bool("cjk_boundaries", default: true)
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        var places = RunPlaces(source: context.source)
        for run in Self.textRuns(in: document) {
            link(run, in: &document, places: &places)
        }
    }

    /// Replaces the run's text nodes by text and links, when it has links.
    private func link(_ run: TextRun, in document: inout Document, places: inout RunPlaces) {
        var bytes: [UInt8] = []
        for node in run.nodes {
            if case .inline(.text(let text)) = document.kind(of: node) { bytes += text.utf8 }
        }
        let scanner = AutolinkScanner(bytes: bytes, startsAtBoundary: run.startsAtBoundary,
                                      continues: run.continues, cjkBoundaries: cjkBoundaries)
        let matches = scanner.matches()
        guard !matches.isEmpty else { return }

        places.removeAll()
        for node in run.nodes {
            if case .inline(.text(let text)) = document.kind(of: node) {
                places.add(Array(text.utf8), startingAt: document.range(of: node).start)
            }
        }
        func text(_ span: Range<Int>) -> NodeID {
            document.makeNode(.inline(.text(String(decoding: bytes[span], as: UTF8.self))),
                              range: places.range(of: span))
        }

        var pieces: [NodeID] = []
        var position = 0
        for match in matches {
            if position < match.range.lowerBound { pieces.append(text(position ..< match.range.lowerBound)) }
            let link = document.makeNode(.inline(.link(destination: match.destination, title: "")),
                                         range: places.range(of: match.range))
            document.appendChild(text(match.range), to: link)
            pieces.append(link)
            position = match.range.upperBound
        }
        if position < bytes.count { pieces.append(text(position ..< bytes.count)) }
        document.replace(run.nodes[0], with: pieces)
        for node in run.nodes.dropFirst() { document.detach(node) }
    }
}

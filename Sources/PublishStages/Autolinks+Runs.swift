import PublishAST

/// Adjacent text nodes, read as one text: cmark gives one node per run of
/// text, but earlier stages (or a JSON tree) can leave several side by
/// side, and a link can span them.
struct TextRun {
    var nodes: [NodeID]
    /// Whether a `www.` link may start at the run's first character.
    var startsAtBoundary: Bool
    /// Whether more inline content follows the run in its block.
    var continues: Bool
}

extension Autolinks {
    /// The runs a link may be found in, in document order: every run of
    /// text outside links, images and raw `<a>` elements. Code and raw HTML
    /// are not text nodes, so they are never looked into.
    static func textRuns(in document: Document) -> [TextRun] {
        var runs: [TextRun] = []
        var events = document.events()
        var openAnchors = 0
        while let event = events.next() {
            guard case .enter(let node) = event else { continue }
            switch document.kind(of: node) {
            case .block:
                openAnchors = 0
            case .inline(.link), .inline(.image):
                events.skipChildren(of: node)
            case .inline(.html(let html)):
                openAnchors = max(0, openAnchors + anchorChange(html))
            case .inline(.text):
                if openAnchors > 0 { continue }
                if let previous = document.previous(of: node), case .inline(.text) = document.kind(of: previous) {
                    continue
                }
                var nodes = [node]
                while let next = document.next(of: nodes[nodes.count - 1]),
                      case .inline(.text) = document.kind(of: next) {
                    nodes.append(next)
                }
                let last = nodes[nodes.count - 1]
                let parentIsInline = document.parent(of: last).map { !document.kind(of: $0).isBlock } ?? false
                runs.append(TextRun(nodes: nodes, startsAtBoundary: startsAtBoundary(node, in: document),
                                    continues: document.next(of: last) != nil || parentIsInline))
            default:
                continue
            }
        }
        return runs
    }

    /// cmark-gfm allows `www.` after white space or `*`, `_`, `~`, `(`; in the
    /// tree that is the start of a block or emphasis, a line break, or the
    /// closing delimiter of emphasis or strikethrough just before.
    private static func startsAtBoundary(_ node: NodeID, in document: Document) -> Bool {
        guard let previous = document.previous(of: node) else { return true }
        switch document.kind(of: previous) {
        case .inline(.softBreak), .inline(.lineBreak), .inline(.emphasis), .inline(.strong), .inline(.strikethrough):
            return true
        default:
            return false
        }
    }

    /// +1 for a raw `<a …>` start tag, -1 for `</a>`, 0 for other HTML.
    private static func anchorChange(_ html: String) -> Int {
        let tag = html.lowercased().utf8
        func isTag(_ name: String) -> Bool {
            guard tag.starts(with: name.utf8) else { return false }
            let after = tag.dropFirst(name.utf8.count).first
            return after == UInt8(ascii: ">") || after.map(AutolinkBytes.isSpace) == true
        }
        if isTag("</a") { return -1 }
        if isTag("<a") && !html.hasSuffix("/>") { return 1 }
        return 0
    }
}

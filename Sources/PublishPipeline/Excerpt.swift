import PublishAST

/// A post's excerpt, cut from its tree.
enum Excerpt {
    /// With Jekyll's default separator, a blank line, the first paragraph.
    /// With another (`<!--more-->`), everything before it: the top-level
    /// blocks before the one that holds it, and that block's inlines before
    /// it when it is a paragraph.
    static func cut(_ document: Document, separator: String) -> Document {
        let blocks = Array(document.children(of: document.root))
        guard separator != "\n\n", let index = blocks.firstIndex(where: { holds($0, separator, in: document) }) else {
            let first = blocks.first { document.kind(of: $0) == .block(.paragraph) }
            return document.extracting(first.map { [$0] } ?? [])
        }
        var excerpt = document.extracting(Array(blocks[..<index]))
        let holder = blocks[index]
        guard document.kind(of: holder) == .block(.paragraph) else { return excerpt }
        let before = document.children(of: holder).prefix { !holdsDirectly($0, separator, in: document) }
        guard !before.isEmpty else { return excerpt }
        let paragraph = excerpt.append(.block(.paragraph), range: document.range(of: holder), to: excerpt.root)
        for inline in before {
            excerpt.appendCopy(of: inline, from: document, to: paragraph)
        }
        return excerpt
    }

    private static func holds(_ block: NodeID, _ separator: String, in document: Document) -> Bool {
        document.events(from: block).contains { event in
            if case .enter(let node) = event { return holdsDirectly(node, separator, in: document) }
            return false
        }
    }

    private static func holdsDirectly(_ node: NodeID, _ separator: String, in document: Document) -> Bool {
        switch document.kind(of: node) {
        case .block(.htmlBlock(let text)), .inline(.html(let text)), .inline(.text(let text)):
            return text.contains(separator)
        default:
            return false
        }
    }
}

import PublishAST

/// Finds where in a post's Markdown something the chapter dropped or could
/// not embed was written, for a warning the author can act on.
struct PostLocator {
    private let document: Document
    /// Destinations of links and images, with their nodes.
    private var destinations: [String: NodeID] = [:]
    /// Raw HTML, lowercased, with its node.
    private var html: [(text: String, node: NodeID)] = []

    init(_ document: Document) {
        self.document = document
        for event in document.events() {
            guard case .enter(let node) = event else { continue }
            switch document.kind(of: node) {
            case .inline(.link(let destination, _)), .inline(.image(let destination, _)):
                if destinations[destination] == nil { destinations[destination] = node }
            case .inline(.html(let text)), .block(.htmlBlock(let text)):
                html.append((text.lowercased(), node))
            default:
                break
            }
        }
    }

    /// Where `destination` (a link's href or an image's src) was written.
    func location(ofDestination destination: String) -> SourceLocation {
        if let node = destinations[destination] { return document.location(of: node) }
        return location(ofHTML: destination.lowercased())
    }

    /// The first raw HTML containing `needle` (lowercase), else the post.
    func location(ofHTML needle: String) -> SourceLocation {
        if let found = html.first(where: { $0.text.contains(needle) }) { return document.location(of: found.node) }
        return document.location(of: document.root)
    }
}

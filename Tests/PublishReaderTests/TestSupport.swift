import PublishAST
import PublishReader
import Testing

/// Reads `text` as the file `path` with the default reader.
func read(_ text: String, path: String? = "post.md") throws -> MarkdownReader.Result {
    try MarkdownReader().read(Array(text.utf8), path: path)
}

/// Reads raw bytes, for input that is not valid UTF-8.
func read(bytes: [UInt8], path: String? = "post.md") throws -> MarkdownReader.Result {
    try MarkdownReader().read(bytes, path: path)
}

/// The metadata of a file whose front matter is `yaml` (lines ending in "\n").
func metadata(_ yaml: String, path: String = "post.md") throws -> Metadata {
    try read("---\n" + yaml + "---\n", path: path).document.metadata
}

/// The diagnostic thrown when reading `text`, or nil when nothing was thrown.
func diagnostic(reading text: String, path: String = "post.md") -> Diagnostic? {
    do {
        _ = try read(text, path: path)
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic
    } catch {
        Issue.record("expected a Diagnostic, got \(error)")
        return nil
    }
}

/// Every node below the root, in document order.
func kinds(in document: Document) -> [NodeKind] {
    document.events().compactMap { event in
        guard case .enter(let node) = event, node != document.root else { return nil }
        return document.kind(of: node)
    }
}

/// The kinds of the root's children.
func topLevelKinds(in document: Document) -> [NodeKind] {
    document.children(of: document.root).map { document.kind(of: $0) }
}

/// The first node below the root for which `matches` is true.
func firstNode(in document: Document, where matches: (NodeKind) -> Bool) -> NodeID? {
    document.events().lazy.compactMap { event -> NodeID? in
        guard case .enter(let node) = event, node != document.root, matches(document.kind(of: node)) else { return nil }
        return node
    }.first
}

/// The text of every text node, joined.
func plainText(of document: Document) -> String {
    kinds(in: document).compactMap { kind -> String? in
        if case .inline(.text(let text)) = kind { return text }
        return nil
    }.joined()
}

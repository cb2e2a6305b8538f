import PublishAST

/// Finds footnote references in document order: `[^label]` in text nodes,
/// and links libcmark made of `[^label]` when it took the definition for a
/// link reference definition.
struct ReferenceFinder {
    let source: SourceLines
    /// The destinations libcmark read from the definitions it consumed, by
    /// normalized label: only their references can have become links.
    var consumedDestinations: [String: String] = [:]

    struct Reference {
        var label: String
    }

    /// A text node and where the references in it are, by scalar offset.
    struct TextReferences {
        var node: NodeID
        var spans: [(start: Int, end: Int, label: String)]
    }

    struct Found {
        /// Every reference, in document order.
        var references: [Reference] = []
        var texts: [TextReferences] = []
        /// Links that were references, with their labels.
        var links: [(node: NodeID, labels: [String])] = []
        /// Text nodes holding a well-formed reference to no definition.
        var undefined: [NodeID] = []
    }

    func find(in document: Document, isDefined: (String) -> Bool) -> Found {
        var found = Found()
        var events = document.events()
        while let event = events.next() {
            guard case .enter(let node) = event else { continue }
            switch document.kind(of: node) {
            case .inline(.text(let text)):
                var spans: [(start: Int, end: Int, label: String)] = []
                var undefined = false
                for span in candidates(in: text, node: node, document: document) {
                    if isDefined(span.label) {
                        spans.append(span)
                        found.references.append(Reference(label: span.label))
                    } else {
                        undefined = true
                    }
                }
                if !spans.isEmpty { found.texts.append(TextReferences(node: node, spans: spans)) }
                if undefined { found.undefined.append(node) }
            case .inline(.link):
                if let labels = linkLabels(node, in: document), labels.contains(where: isDefined) {
                    found.links.append((node, labels))
                    found.references += labels.filter(isDefined).map { Reference(label: $0) }
                    if !labels.allSatisfy(isDefined) { found.undefined.append(node) }
                    events.skipChildren(of: node)
                }
            default:
                break
            }
        }
        return found
    }

    /// Replaces what `find` found with reference nodes; `resolve` gives the
    /// definition's label and number for a reference's label, nil when it
    /// has no definition.
    func replace(_ found: Found, in document: inout Document, resolve: (String) -> (String, Int)?) {
        for (node, labels) in found.links {
            let references = labels.map { label in
                // One of two labels may have no definition: it is text again.
                guard let (definitionLabel, number) = resolve(label) else {
                    return document.makeNode(.inline(.text("[^" + label + "]")), range: document.range(of: node))
                }
                return document.makeNode(.inline(.footnoteReference(label: definitionLabel, number: number)),
                                         range: document.range(of: node))
            }
            document.replace(node, with: references)
        }
        for text in found.texts {
            guard case .inline(.text(let string)) = document.kind(of: text.node) else { continue }
            let scalars = Array(string.unicodeScalars)
            var pieces: [NodeID] = []
            var cursor = 0
            for span in text.spans {
                guard let (label, number) = resolve(span.label) else { continue }
                if span.start > cursor {
                    pieces.append(document.makeNode(.inline(.text(Self.string(scalars[cursor..<span.start])))))
                }
                pieces.append(document.makeNode(.inline(.footnoteReference(label: label, number: number))))
                cursor = span.end
            }
            if cursor < scalars.count {
                pieces.append(document.makeNode(.inline(.text(Self.string(scalars[cursor...])))))
            }
            let range = document.range(of: text.node)
            for piece in pieces { document.setRange(range, of: piece) }
            document.replace(text.node, with: pieces)
        }
    }

    /// The `[^label]` spans of a text node that were written as such: the
    /// k-th one in the text is the k-th one in the node's source, and an
    /// escaped bracket there (`\[^1]`) makes it plain text.
    private func candidates(in text: String, node: NodeID, document: Document)
        -> [(start: Int, end: Int, label: String)] {
        guard text.unicodeScalars.contains("^") else { return [] }
        let scalars = Array(text.unicodeScalars)
        var spans: [(start: Int, end: Int, label: String)] = []
        var index = 0
        while index < scalars.count {
            if let (label, end) = Footnotes.label(in: scalars, at: index) {
                spans.append((index, end, label))
                index = end
            } else {
                index += 1
            }
        }
        guard !spans.isEmpty else { return [] }
        let range = document.range(of: node)
        guard range.isKnown, let written = source.text(from: range.start) else { return spans }
        // Escapes and entities make the source longer than the text, by a
        // bounded factor; the bound keeps a long line from being read per node.
        let writtenScalars = Array(written.unicodeScalars.prefix(scalars.count * 10 + 16))
        var kept: [(start: Int, end: Int, label: String)] = []
        var searchFrom = 0
        for span in spans {
            guard let at = Self.firstOccurrence(of: "[^" + span.label + "]", in: writtenScalars, from: searchFrom) else {
                break
            }
            searchFrom = at + 1
            if !Self.isEscaped(writtenScalars, at) { kept.append(span) }
        }
        return kept
    }

    /// The label of a link whose only content is the text `^label`, unless
    /// its source shows an inline or reference link (`[^1](/x)`, `[^1][x]`).
    /// `[^1][^2]` is two references that libcmark read as one link, so it
    /// gives two labels.
    private func linkLabels(_ node: NodeID, in document: Document) -> [String]? {
        guard let child = document.firstChild(of: node), document.next(of: child) == nil,
              case .inline(.text(let text)) = document.kind(of: child) else { return nil }
        let scalars = Array(("[" + text + "]").unicodeScalars)
        guard let (label, end) = Footnotes.label(in: scalars, at: 0), end == scalars.count else { return nil }
        // Where the link's position is unknown or wrong (lazy lines after
        // consumed definitions), its destination tells a consumed note's
        // reference from an inline link.
        var fromDestination: [String]? {
            guard case .inline(.link(let destination, _)) = document.kind(of: node),
                  consumedDestinations[Footnotes.normalize(label)] == destination else { return nil }
            return [label]
        }
        let range = document.range(of: node)
        guard range.isKnown, let written = source.text(from: range.start) else { return fromDestination }
        let writtenScalars = Array(written.unicodeScalars.prefix(2 * scalars.count + 1003))
        guard writtenScalars.starts(with: scalars) else { return fromDestination }
        guard end < writtenScalars.count, writtenScalars[end] == "(" || writtenScalars[end] == "[" else {
            return [label]
        }
        if let (second, _) = Footnotes.label(in: writtenScalars, at: end) { return [label, second] }
        return nil
    }

    private static func firstOccurrence(of needle: String, in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard pattern.count <= haystack.count else { return nil }
        var index = start
        while index + pattern.count <= haystack.count {
            if haystack[index] == pattern[0], haystack[index..<index + pattern.count].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Whether an odd number of backslashes stands before `index`.
    private static func isEscaped(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var count = 0
        var cursor = index - 1
        while cursor >= 0, scalars[cursor] == "\\" {
            count += 1
            cursor -= 1
        }
        return count % 2 == 1
    }

    private static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

import PublishAST

/// `footnotes`: `[^label]` references and `[^label]: text` definitions, as
/// cmark-gfm reads them with its footnotes option.
///
/// libcmark read the post as strict CommonMark first, so a definition
/// reaches this stage in one of three shapes, and the stage recovers each
/// from the tree and the source lines:
///
/// - A paragraph, or a line inside one, that starts with `[^label]:`. The
///   paragraph is split there (a definition interrupts a paragraph) and the
///   rest keeps libcmark's inlines.
/// - A line libcmark took as a link reference definition (`[^1]: word`,
///   `[^1]: https://x "t"`): it left no node. Such lines are found as the
///   source lines of a container that none of its blocks covers, or as the
///   first lines of a paragraph's range that its inlines do not account for.
///   Their text is read again as a paragraph (see `FootnoteInlines`).
/// - Continuation content indented by four columns, which libcmark made an
///   indented code block (or paragraph lines, after a bare `[^label]:`).
///   Its text is split into blocks again: paragraphs, indented code blocks
///   and block quotes of one paragraph.
///
/// References are text `[^label]` (the source is checked, so `\[^1]` and
/// entity-written brackets stay text; code spans are never looked into) and
/// links whose only text is `^label`, which is what libcmark made of a
/// reference whose definition it had consumed. Labels are matched without
/// regard to case; they cannot contain whitespace. Definitions are numbered
/// in order of first reference, counting references inside definitions at
/// the place the definition was written, then moved to the end of the
/// document; the first of two definitions of a label wins, and an
/// unreferenced definition is dropped.
///
/// Limits: text recovered from consumed or indented lines is read for
/// escapes, code spans and unnested emphasis only (links, entities and raw
/// HTML stay text), and indented continuation content is split only into
/// paragraphs, code blocks and single-paragraph block quotes, not lists.
/// A definition line inside emphasis that spans lines is not split out. On
/// a lazy line after a consumed definition libcmark's inline positions are
/// wrong, so a reference there may stay text. A bare `[^label]:` line
/// takes the next lines even when they are not indented. In text re-read
/// from an indented code block the source is not checked, so `\[^1]` there
/// is a reference. `[^1][]` with a consumed definition stays a link.
/// References that only an unreferenced definition holds count for
/// numbering, as in cmark-gfm, but the HTML writer does not count them in
/// back-references.
public struct Footnotes: Stage {
    public static let name = "footnotes"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        // Every footnote reference and definition is written `[^`.
        if context.source.lacks("[^") { return }
        var recovery = DefinitionRecovery(source: context.source)
        let definitions = recovery.recover(in: &document)
        // With no notes at all, `[^x]` is likely prose (a regex), not a slip.
        guard !definitions.isEmpty else { return }
        var byLabel: [String: NodeID] = [:]
        var labels: [NodeID: String] = [:]
        for definition in definitions {
            labels[definition.node] = definition.label
            let key = Self.normalize(definition.label)
            if byLabel[key] == nil {
                byLabel[key] = definition.node
            } else {
                context.warn("footnote [^\(definition.label)] is defined twice; the first definition is used",
                             at: definition.node, in: document)
            }
        }
        var finder = ReferenceFinder(source: context.source)
        for definition in definitions.reversed() {
            if let destination = definition.consumedDestination {
                finder.consumedDestinations[Self.normalize(definition.label)] = destination
            }
        }
        let found = finder.find(in: document) { byLabel[Self.normalize($0)] != nil }

        var numbers: [NodeID: Int] = [:]
        var order: [NodeID] = []
        for reference in found.references {
            let definition = byLabel[Self.normalize(reference.label)]!
            if numbers[definition] == nil {
                order.append(definition)
                numbers[definition] = order.count
            }
        }
        finder.replace(found, in: &document) { label in
            byLabel[Self.normalize(label)].map { (labels[$0]!, numbers[$0]!) }
        }
        for definition in definitions {
            if numbers[definition.node] == nil, byLabel[Self.normalize(definition.label)] == definition.node {
                context.warn("footnote [^\(definition.label)] is never referenced", at: definition.node, in: document)
            }
            document.detach(definition.node)
        }
        for (index, node) in order.enumerated() {
            document.setKind(.block(.footnoteDefinition(label: labels[node]!, number: index + 1)), of: node)
            document.appendChild(node, to: document.root)
        }
        for node in found.undefined {
            context.warn("there is no footnote definition for this reference; it stays text", at: node, in: document)
        }
    }

    /// Labels match as link labels do: case-insensitively, whitespace collapsed.
    static func normalize(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The label of `[^label]` starting at `index` of `scalars`, and the
    /// index after its `]`; nil when there is no valid label there.
    static func label(in scalars: [Unicode.Scalar], at index: Int) -> (label: String, end: Int)? {
        guard index + 1 < scalars.count, scalars[index] == "[", scalars[index + 1] == "^" else { return nil }
        var cursor = index + 2
        var label = String.UnicodeScalarView()
        var length = 0  // label.count, which would walk the label each time
        while cursor < scalars.count, scalars[cursor] != "]" {
            let scalar = scalars[cursor]
            if scalar == "[" || scalar == "\\" || scalar.properties.isWhitespace || length >= 999 { return nil }
            label.append(scalar)
            length += 1
            cursor += 1
        }
        guard cursor < scalars.count, !label.isEmpty else { return nil }
        return (String(label), cursor + 1)
    }
}

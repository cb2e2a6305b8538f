import PublishAST

/// `heading-ids`: every heading gets an `id` to link to, GitHub's slug of
/// its text (`## Getting started` is `getting-started`), unique in the post:
/// `intro`, `intro-1`, `intro-2`.
///
/// A heading may name its own id the kramdown way, as Jekyll posts do:
/// `## Title {#custom}`, with classes too: `{#custom .wide}`. That text
/// leaves the heading, and no generated id takes a name a heading asked for.
///
/// Options: `prefix` (text, default empty) goes before every generated id;
/// `generate: false` gives ids only to headings that ask for one, as
/// kramdown's `auto_ids: false` does.
public struct HeadingIDs: Stage {
    public static let name = "heading-ids"

    /// Put before every generated id, not before ids a heading asks for.
    public let prefix: String
    /// Whether a heading that asks for no id gets one made from its text.
    public let generate: Bool

    public init(options: Settings) throws {
        var options = options
        prefix = try options.string("prefix", default: "")
        generate = try options.bool("generate", default: true)
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        var headings: [NodeID] = []
        for case .enter(let node) in document.events() {
            if case .block(.heading) = document.kind(of: node) { headings.append(node) }
        }
        // Asked-for ids first, so a generated id never takes one, wherever it stands.
        var used: Set<String> = []
        var asked: [NodeID: HeadingAttributes] = [:]
        for heading in headings {
            guard let attributes = HeadingAttributes.take(from: heading, in: &document) else { continue }
            if let id = attributes.id, !used.insert(id).inserted {
                context.warn("the id `\(id)` is asked for by two headings", at: heading, in: document)
            }
            asked[heading] = attributes
        }
        var counts: [String: Int] = [:]
        for heading in headings {
            let attributes = asked[heading]
            guard attributes?.id != nil || generate else {
                if let classes = attributes?.classes, !classes.isEmpty {
                    document.updateAttributes(of: heading) { $0.classes += classes }
                }
                continue
            }
            let id = attributes?.id ?? Self.unique(prefix + Slug.of(heading, in: document), used: &used, counts: &counts)
            document.updateAttributes(of: heading) {
                $0.id = id
                $0.classes += attributes?.classes ?? []
            }
        }
    }

    /// `base`, or `base-1`, `base-2`, … whichever is free first.
    private static func unique(_ base: String, used: inout Set<String>, counts: inout [String: Int]) -> String {
        var count = counts[base] ?? 0
        var candidate = count == 0 ? base : "\(base)-\(count)"
        while used.contains(candidate) {
            count += 1
            candidate = "\(base)-\(count)"
        }
        counts[base] = count + 1
        used.insert(candidate)
        return candidate
    }
}

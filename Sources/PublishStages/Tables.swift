import PublishAST

/// `tables`: GFM pipe tables. libcmark reads a table as a paragraph, one
/// line per row; this stage finds a header row followed by a delimiter row
/// (`| --- | :-: |`, as many cells as the header) in a paragraph and turns
/// it and the rows after it into a `table` block, as cmark-gfm does.
///
/// How: rows and cells are read from the source, not from the tree, because
/// libcmark has already resolved `\|` and entities in text nodes. Every `|`
/// not right after a backslash separates cells, even inside backticks, as in
/// cmark-gfm, which splits a row before it parses inlines. The inline nodes
/// libcmark parsed for each line are then dealt into the cells by their
/// source ranges, so link references, entities and emphasis are kept:
/// - a text node is cut at the separating pipes in it (the k-th `|` of its
///   text is matched with the k-th pipe, escaped pipe or `&#124;`-like
///   entity in its source);
/// - a code span, raw HTML or autolink holding a separating pipe becomes its
///   source text, cut at the pipes; an emphasis, strong or link holding one
///   is unwrapped into its delimiters as text and its children, which are
///   dealt in turn. A node spanning lines of a table is treated the same;
/// - as cmark-gfm drops the backslash before every `|` of a row before
///   parsing it, ``` `a\|b` ``` is the code `a|b`, and `\\|` shows as `|`.
/// libcmark's inline ranges drift after a line end its inline parser does
/// not count (a backslash hard break, a code span across lines); they are
/// corrected first (`correctRanges`).
///
/// The lines before the header row stay a paragraph; the lines after the
/// table that are not rows start a new one, which may hold the next table.
/// A table ends, as in cmark-gfm, at a line of no cells (`|`), at a line
/// indented as code (an indented code block follows), and at a lazy
/// continuation line, which goes after the block quote or list it left.
/// What libcmark took for a setext underline under a table is read as
/// cmark-gfm reads it there: `---` a thematic break, `-` an empty list,
/// `===` a row. A list item holding a table of only a header row is made
/// loose when more follows, a quirk of cmark-gfm's kept for the same HTML.
///
/// Limits, where libcmark's reading of the text differs from cmark-gfm's:
/// - The inlines are libcmark's, parsed over the whole paragraph. Where a
///   node crossed a pipe or a line, its source is kept as text (escapes
///   resolved, entities and markup not parsed again): `` `a | *b*` `` gives
///   the text `*b*` in the second cell where cmark-gfm, parsing each cell
///   alone, gives emphasis; backticks or brackets left over in a cell do
///   not pair up again (`` `x|y` `z` `` keeps `` y` `` as text), and
///   `[r][a|b](/u)` keeps `[r]` as text where cmark-gfm finds the reference.
/// - cmark-gfm ends a table at a list item libcmark does not let interrupt
///   a paragraph (`2. x`, an empty `-`) and at an HTML block of the seventh
///   kind (a lone tag); here the line ends the table but stays a paragraph,
///   with a warning. So does a lazy line when blocks follow the table in
///   the container it leaves; and later lines of the new paragraph that
///   start with `>` do not open a block quote again.
/// - Under a table, a setext underline of `=` or `--` is a row; cmark-gfm
///   also takes the lines after it as rows, which libcmark has made a
///   paragraph of their own, left as one here.
/// - Link reference definitions right before the header row are taken by
///   libcmark; cmark-gfm leaves them as paragraph text.
/// - Indentation with tabs inside list items is counted in bytes.
///
/// Ranges: the table spans its lines, a row its line, a cell the source
/// between its pipes; cells of a short row that were filled in have none.
public struct Tables: Stage {
    public static let name = "tables"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        // A table's delimiter row always has a pipe.
        if context.source.lacks("|") { return }
        for candidate in Self.candidates(in: document) {
            var builder = TableBuilder(block: candidate.block, container: candidate.container,
                                       document: document, source: context.source)
            builder.build(in: &document, context: &context)
        }
    }

    /// A paragraph or setext heading that may hold a table, with what it
    /// sits in: how many block quotes, and the innermost list item.
    struct Candidate {
        var block: NodeID
        var container: Container
    }

    struct Container {
        var quotes: Int
        var item: NodeID?
        /// Whether the innermost container is a block quote, not an item.
        var quoteIsInnermost: Bool
    }

    /// Every paragraph and setext heading of more than one line, found in
    /// one walk that keeps the containers on a stack.
    static func candidates(in document: Document) -> [Candidate] {
        var found: [Candidate] = []
        var stack = [Container(quotes: 0, item: nil, quoteIsInnermost: false)]
        var events = document.events()
        while let event = events.next() {
            switch event {
            case .enter(let node):
                var container = stack[stack.count - 1]
                switch document.kind(of: node) {
                case .block(.blockQuote):
                    container.quotes += 1
                    container.quoteIsInnermost = true
                    stack.append(container)
                case .block(.item):
                    container.item = node
                    container.quoteIsInnermost = false
                    stack.append(container)
                case .block(.paragraph), .block(.heading):
                    let range = document.range(of: node)
                    if range.isKnown, range.end.line > range.start.line {
                        found.append(Candidate(block: node, container: container))
                    }
                    events.skipChildren(of: node)
                default:
                    if !document.kind(of: node).isBlock { events.skipChildren(of: node) }
                }
            case .exit(let node):
                switch document.kind(of: node) {
                case .block(.blockQuote), .block(.item): stack.removeLast()
                default: break
                }
            }
        }
        return found
    }
}

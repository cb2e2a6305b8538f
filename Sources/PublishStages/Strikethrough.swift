import PublishAST

/// `strikethrough`: `~~text~~` and `~text~` become strikethrough, as in
/// cmark-gfm. Runs of one or two tildes delimit, an opener closes only with
/// a run of its own length, and runs flank as emphasis runs do. libcmark has
/// already made the emphasis, links and code spans, so tildes pair within
/// one list of siblings: a strikethrough contains whole inlines and never
/// crosses the edge of a link or an emphasis.
public struct Strikethrough: Stage {
    public static let name = "strikethrough"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        // Only tildes in the source strike through (an entity `&#126;` does not).
        if context.source.lacks("~") { return }
        var runsByParent: [NodeID: [TildeRun]] = [:]
        var parentsInOrder: [NodeID] = []
        var alignment = SourceAlignment(source: context.source)
        var events = document.events()
        while let event = events.next() {
            guard case .enter(let node) = event else { continue }
            if isAutolink(node, document, context.source) {
                events.skipChildren(of: node)
                continue
            }
            guard case .inline(.text(let text)) = document.kind(of: node), Self.hasTilde(text),
                  let parent = document.parent(of: node) else { continue }
            let runs = Self.runs(in: node, text: text, document, &alignment)
            guard !runs.isEmpty else { continue }
            if runsByParent[parent] == nil { parentsInOrder.append(parent) }
            runsByParent[parent, default: []].append(contentsOf: runs)
        }
        for parent in parentsInOrder {
            guard let runs = runsByParent[parent] else { continue }
            let pairs = Self.pair(runs)
            guard !pairs.isEmpty else { continue }
            Self.build(pairs, runs: runs, in: &document)
        }
    }

    /// Whether `text` has a `~` that is a character of its own (not one
    /// with a combining mark, which is no delimiter here). The byte check
    /// comes first: most text has no tilde, and a string search through
    /// Foundation for each text node cost more than the rest of the stage.
    static func hasTilde(_ text: String) -> Bool {
        let tilde = UInt8(ascii: "~")
        let hasByte = text.utf8.withContiguousStorageIfAvailable { $0.contains(tilde) } ?? text.utf8.contains(tilde)
        return hasByte && text.contains(Character("~"))
    }

    /// `<http://a~b~>`: the text of an autolink is not parsed for inlines.
    private func isAutolink(_ node: NodeID, _ document: Document, _ source: SourceLines) -> Bool {
        guard case .inline(.link(let destination, _)) = document.kind(of: node) else { return false }
        let range = document.range(of: node)
        if range.isKnown, let text = source.text(from: range.start) { return text.hasPrefix("<") }
        guard let child = document.firstChild(of: node), document.next(of: child) == nil,
              case .inline(.text(let text)) = document.kind(of: child) else { return false }
        return destination == text || destination == "mailto:" + text
    }

    // MARK: Finding runs

    /// A run of tildes in a text node that may delimit.
    struct TildeRun {
        var node: NodeID
        /// Where the run starts in the node's text, in Unicode scalars.
        var offset: Int
        var length: Int
        var canOpen: Bool
        var canClose: Bool
    }

    static func runs(in node: NodeID, text: String, _ document: Document,
                     _ alignment: inout SourceAlignment) -> [TildeRun] {
        let scalars = Array(text.unicodeScalars)
        let written = alignment.writtenAsIs(scalars, at: document.range(of: node))
        let before = neighbour(of: node, last: true, document)
        let after = neighbour(of: node, last: false, document)
        var runs: [TildeRun] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "~", written[index] else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == "~", written[end] { end += 1 }
            let length = end - index
            if length <= 2 {
                // A character that stood for an escape or an entity was `\` or `&` in the source.
                let previous = index == 0 ? before : (written[index - 1] ? scalars[index - 1] : "\\")
                let next = end == scalars.count ? after : (written[end] ? scalars[end] : "\\")
                let (left, right) = Flanking.of(before: previous, after: next)
                if left || right {
                    runs.append(TildeRun(node: node, offset: index, length: length, canOpen: left, canClose: right))
                }
            }
            index = end
        }
        return runs
    }

    /// The character the source has next to a text node: a line end at the
    /// edge of a block, punctuation (`*`, `[`, `` ` ``, `>`) next to any other inline.
    private static func neighbour(of node: NodeID, last: Bool, _ document: Document) -> Unicode.Scalar {
        guard let sibling = last ? document.previous(of: node) : document.next(of: node) else {
            let parent = document.parent(of: node).map { document.kind(of: $0) }
            return parent?.isBlock ?? true ? "\n" : "*"
        }
        switch document.kind(of: sibling) {
        case .inline(.text(let text)):
            return (last ? text.unicodeScalars.last : text.unicodeScalars.first) ?? "\n"
        case .inline(.softBreak), .inline(.lineBreak):
            return "\n"
        default:
            return "*"
        }
    }

    // MARK: Pairing

    /// A matched opener and closer, as indices into the runs.
    struct Pair {
        var opener: Int
        var closer: Int
    }

    /// cmark-gfm's delimiter pass, for tildes alone: each closer takes the
    /// nearest opener (with emphasis's rule of three), runs of different
    /// lengths cancel each other, and what lies between is no longer a
    /// delimiter. Inner pairs come out before the pairs around them.
    static func pair(_ runs: [TildeRun]) -> [Pair] {
        var previous = Array(-1..<(runs.count - 1))
        var next = Array(1...runs.count)
        next[runs.count - 1] = -1
        func remove(_ index: Int) {
            if previous[index] >= 0 { next[previous[index]] = next[index] }
            if next[index] >= 0 { previous[next[index]] = previous[index] }
        }
        // Where the search for an opener stops, by closer length modulo 3.
        var bottom = [-1, -1, -1]
        var pairs: [Pair] = []
        var closer = 0
        while closer >= 0 {
            let run = runs[closer]
            guard run.canClose else {
                closer = next[closer]
                continue
            }
            var opener = previous[closer]
            var found = false
            while opener >= 0, opener != bottom[run.length % 3] {
                let candidate = runs[opener]
                if candidate.canOpen, !(run.canOpen || candidate.canClose)
                    || run.length % 3 == 0 || (candidate.length + run.length) % 3 != 0 {
                    found = true
                    break
                }
                opener = previous[opener]
            }
            let following = next[closer]
            if found {
                if runs[opener].length == run.length { pairs.append(Pair(opener: opener, closer: closer)) }
                var index = closer
                while index != opener {
                    let earlier = previous[index]
                    remove(index)
                    index = earlier
                }
                remove(opener)
            } else {
                bottom[run.length % 3] = previous[closer]
                if !run.canOpen { remove(closer) }
            }
            closer = following
        }
        return pairs
    }

    // MARK: Building

    /// Splits the text nodes at the paired runs, then wraps what lies
    /// between each pair, inner pairs first.
    static func build(_ pairs: [Pair], runs: [TildeRun], in document: inout Document) {
        var paired = [Bool](repeating: false, count: runs.count)
        for pair in pairs {
            paired[pair.opener] = true
            paired[pair.closer] = true
        }
        var markers = [NodeID?](repeating: nil, count: runs.count)
        var index = 0
        while index < runs.count {
            // The paired runs of one text node, split off together.
            let node = runs[index].node
            var cuts: [Int] = []
            while index < runs.count, runs[index].node == node {
                if paired[index] { cuts.append(index) }
                index += 1
            }
            if !cuts.isEmpty { split(node, at: cuts, runs: runs, markers: &markers, in: &document) }
        }
        for pair in pairs {
            guard let opener = markers[pair.opener], let closer = markers[pair.closer] else { continue }
            let range = SourceRange(start: document.range(of: opener).start, end: document.range(of: closer).end)
            let strikethrough = document.makeNode(.inline(.strikethrough), range: range)
            document.insert(strikethrough, before: opener)
            while let inside = document.next(of: opener), inside != closer {
                document.appendChild(inside, to: strikethrough)
            }
            document.detach(opener)
            document.detach(closer)
        }
    }

    private static func split(_ node: NodeID, at cuts: [Int], runs: [TildeRun], markers: inout [NodeID?],
                              in document: inout Document) {
        guard case .inline(.text(let text)) = document.kind(of: node) else { return }
        let scalars = Array(text.unicodeScalars)
        let range = document.range(of: node)
        var pieces: [NodeID] = []
        var start = 0
        // Pieces are made in order, so each starts where the last ended.
        var column = range.start.column
        func piece(_ from: Int, _ to: Int) -> NodeID {
            let string = String(String.UnicodeScalarView(scalars[from..<to]))
            let width = string.utf8.count
            let pieceRange = range.isKnown
                ? SourceRange(startLine: range.start.line, startColumn: column,
                              endLine: range.start.line, endColumn: column + width - 1)
                : .unknown
            column += width
            return document.makeNode(.inline(.text(string)), range: pieceRange)
        }
        for cut in cuts {
            let run = runs[cut]
            if run.offset > start { pieces.append(piece(start, run.offset)) }
            let marker = piece(run.offset, run.offset + run.length)
            markers[cut] = marker
            pieces.append(marker)
            start = run.offset + run.length
        }
        if start < scalars.count { pieces.append(piece(start, scalars.count)) }
        document.replace(node, with: pieces)
    }
}

import PublishAST

/// Finds footnote definitions in the three shapes libcmark left them in
/// (see `Footnotes`) and puts each where it was written, as a
/// `footnoteDefinition` numbered 0, so references can be counted in
/// document order before the definitions move.
struct DefinitionRecovery {
    let source: SourceLines
    /// Lines a definition was already made from.
    private var claimed: Set<Int> = []
    /// Definitions made from lines libcmark consumed, with the
    /// destination libcmark read from them.
    private var consumed: [NodeID: String] = [:]

    init(source: SourceLines) {
        self.source = source
    }

    struct Definition {
        var node: NodeID
        var label: String
        /// The link destination libcmark read from the definition when it
        /// took it for a link reference definition and so turned its
        /// references into links.
        var consumedDestination: String?
    }

    /// A definition read from source lines, not yet placed.
    private struct Pending {
        var label: String
        var line: Int
        var column: Int
        var text: [FootnoteBlocks.Line]
        var lastLine: Int
    }

    mutating func recover(in document: inout Document) -> [Definition] {
        var containers: [NodeID] = []
        var paragraphs: [NodeID] = []
        for case .enter(let node) in document.events() {
            switch document.kind(of: node) {
            case .block(.document), .block(.blockQuote), .block(.item): containers.append(node)
            case .block(.paragraph): paragraphs.append(node)
            default: break
            }
        }
        for container in containers { recoverConsumed(in: container, document: &document) }
        for paragraph in paragraphs { split(paragraph, document: &document) }

        var definitions: [Definition] = []
        for case .enter(let node) in document.events() {
            if case .block(.footnoteDefinition(let label, _)) = document.kind(of: node) {
                definitions.append(Definition(node: node, label: label, consumedDestination: consumed[node]))
            }
        }
        for definition in definitions { absorbIndentedCode(after: definition.node, document: &document) }
        return definitions
    }

    // MARK: Lines libcmark consumed as link reference definitions

    /// Definitions on the lines of `container` that none of its blocks covers.
    private mutating func recoverConsumed(in container: NodeID, document: inout Document) {
        let range = document.range(of: container)
        let isDocument = container == document.root
        guard isDocument || range.isKnown else { return }
        let listItemLine = document.kind(of: container) == .block(.item(task: nil)) ? range.start.line : nil
        var cursor = isDocument ? source.firstLine : range.start.line
        let last = isDocument ? source.lastLine : range.end.line
        var pending: [Pending] = []
        for child in document.children(of: container) {
            let childRange = document.range(of: child)
            guard childRange.isKnown else { continue }
            if cursor < childRange.start.line {
                pending += scan(lines: cursor..<childRange.start.line, listItemLine: listItemLine)
            }
            cursor = max(cursor, childRange.end.line + 1)
        }
        if cursor <= last { pending += scan(lines: cursor..<(last + 1), listItemLine: listItemLine) }
        guard !pending.isEmpty else { return }

        var child = document.firstChild(of: container)
        for definition in pending {
            while let current = child, document.range(of: current).start.line <= definition.line {
                child = document.next(of: current)
            }
            let node = make(definition, in: &document)
            if let child { document.insert(node, before: child) } else { document.appendChild(node, to: container) }
        }
    }

    /// The footnote definitions among source lines, grouped as cmark-gfm
    /// would: a definition runs on to a blank line or another definition.
    private mutating func scan(lines: Range<Int>, listItemLine: Int?) -> [Pending] {
        var found: [Pending] = []
        var current: Pending?
        func close() {
            if let definition = current { found.append(definition) }
            current = nil
        }
        var inOtherDefinition = false
        for number in lines {
            guard let (text, column) = source.content(ofLine: number, afterListMarker: number == listItemLine) else {
                break
            }
            switch DefinitionLine(text) {
            case .footnote(let label, let rest):
                close()
                inOtherDefinition = false
                guard claimed.insert(number).inserted else { continue }
                let first = rest.isEmpty ? [] : [FootnoteBlocks.Line(text: rest, number: number)]
                current = Pending(label: label, line: number, column: column, text: first, lastLine: number)
            case .link where current == nil:
                inOtherDefinition = true
            case .link, .other:
                // In cmark-gfm a note's paragraph takes a `[x]: y` line lazily.
                guard !inOtherDefinition else { continue }
                current?.text.append(FootnoteBlocks.Line(text: text, number: number))
                current?.lastLine = number
            case .blank:
                close()
                inOtherDefinition = false
            }
        }
        close()
        return found
    }

    private mutating func make(_ pending: Pending, in document: inout Document) -> NodeID {
        let node = document.makeNode(
            .block(.footnoteDefinition(label: pending.label, number: 0)),
            range: SourceRange(startLine: pending.line, startColumn: pending.column,
                               endLine: pending.lastLine, endColumn: pending.column))
        if !pending.text.isEmpty { FootnoteBlocks.appendParagraph(pending.text, to: node, in: &document) }
        let destination = pending.text.first?.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        consumed[node] = destination.hasPrefix("<") && destination.hasSuffix(">")
            ? String(destination.dropFirst().dropLast()) : String(destination)
        return node
    }

    // MARK: Paragraphs that are, or contain, definitions

    /// One run of a paragraph's inlines, from one line start to the next
    /// definition line.
    private struct Segment {
        var nodes: [NodeID] = []
        var label: String?
        var line: Int
        var lastLine: Int
        var column: Int
    }

    /// Takes the definitions out of `paragraph`: those libcmark consumed
    /// from its first lines, and each line that starts with `[^label]:`.
    private mutating func split(_ paragraph: NodeID, document: inout Document) {
        let range = document.range(of: paragraph)
        guard let container = document.parent(of: paragraph) else { return }
        let listItemLine = document.kind(of: container) == .block(.item(task: nil))
            ? document.range(of: container).start.line : nil

        var breaks = 0
        var rawNewlines = 0
        for case .enter(let node) in document.events(from: paragraph) {
            switch document.kind(of: node) {
            case .inline(.softBreak), .inline(.lineBreak): breaks += 1
            case .inline(.html(let html)): rawNewlines += html.utf8.count { $0 == UInt8(ascii: "\n") }
            default: break
            }
        }
        let consumed = range.isKnown ? max(range.end.line - range.start.line + 1 - breaks - 1 - rawNewlines, 0) : 0
        let firstLine = range.start.line + consumed
        if consumed > 0 { shiftInlineRanges(in: paragraph, by: consumed, document: &document) }
        let prefix = consumed > 0 ? scan(lines: range.start.line..<firstLine, listItemLine: listItemLine) : []
        let continuesPrefix = prefix.last.map { $0.lastLine + 1 == firstLine } ?? false

        var segments: [Segment] = []
        var line = firstLine
        var current = Segment(line: line, lastLine: line, column: range.start.column)
        if let (label, column) = definitionStart(at: document.firstChild(of: paragraph), line: line,
                                                  listItemLine: listItemLine, document: document) {
            current.label = label
            current.column = column
        }
        var child = document.firstChild(of: paragraph)
        while let node = child {
            child = document.next(of: node)
            let kind = document.kind(of: node)
            if kind == .inline(.softBreak) || kind == .inline(.lineBreak) {
                line += 1
                if let (label, column) = definitionStart(at: child, line: line, listItemLine: listItemLine,
                                                          document: document) {
                    segments.append(current)
                    current = Segment(label: label, line: line, lastLine: line, column: column)
                    document.detach(node)
                    continue
                }
            } else if kind.isContainer {
                for case .enter(let inner) in document.events(from: node) {
                    let innerKind = document.kind(of: inner)
                    if innerKind == .inline(.softBreak) || innerKind == .inline(.lineBreak) { line += 1 }
                }
            }
            current.nodes.append(node)
            current.lastLine = line
        }
        segments.append(current)
        guard !prefix.isEmpty || segments.contains(where: { $0.label != nil }) else { return }

        var lastPrefix: NodeID?
        for definition in prefix {
            let node = make(definition, in: &document)
            document.insert(node, before: paragraph)
            lastPrefix = node
        }
        if continuesPrefix, let definition = lastPrefix, segments[0].label == nil, !segments[0].nodes.isEmpty {
            let target = document.lastChild(of: definition).flatMap {
                document.kind(of: $0) == .block(.paragraph) ? $0 : nil
            } ?? document.append(.block(.paragraph), to: definition)
            if document.firstChild(of: target) != nil { document.append(.inline(.softBreak), to: target) }
            for node in segments[0].nodes { document.appendChild(node, to: target) }
            segments[0].nodes = []
        }

        var anchor = paragraph
        for segment in segments {
            guard let label = segment.label else { continue }
            let node = makeDefinition(label, from: segment, quotes: quoteDepth(of: paragraph, in: document),
                                      document: &document)
            document.insert(node, after: anchor)
            anchor = node
        }
        if document.firstChild(of: paragraph) == nil { document.detach(paragraph) }
    }

    /// libcmark places the inlines of a paragraph that began with link
    /// reference definitions as if those lines were not there. Moved down,
    /// their columns are right but on lazy lines, where the source checks
    /// then fail and leave text as text.
    private func shiftInlineRanges(in paragraph: NodeID, by lines: Int, document: inout Document) {
        var inlines: [NodeID] = []
        for case .enter(let node) in document.events(from: paragraph) where node != paragraph {
            inlines.append(node)
        }
        for node in inlines {
            var range = document.range(of: node)
            guard range.isKnown else { continue }
            range.start.line += lines
            range.end.line += lines
            document.setRange(range, of: node)
        }
    }

    /// The label and column of a definition starting at `node`, the first
    /// inline of a line; nil when the line does not start one. The source
    /// line decides (an escaped `\[^1]:` is no definition); the inlines must
    /// agree, so the prefix can be cut from them.
    private mutating func definitionStart(at node: NodeID?, line: Int, listItemLine: Int?,
                                          document: Document) -> (String, Int)? {
        guard let node, !claimed.contains(line), let label = inlineLabel(at: node, document: document) else {
            return nil
        }
        var column = document.range(of: node).start.column
        if let (text, at) = source.content(ofLine: line, afterListMarker: line == listItemLine) {
            guard case .footnote(let written, _) = DefinitionLine(text),
                  Footnotes.normalize(written) == Footnotes.normalize(label) else { return nil }
            column = at
        }
        claimed.insert(line)
        return (label, column)
    }

    /// The label of `[^label]:` at the start of the inlines from `node`:
    /// as text, or as a link libcmark made of `[^label]` then text `:`.
    private func inlineLabel(at node: NodeID, document: Document) -> String? {
        switch document.kind(of: node) {
        case .inline(.text(let text)):
            // Most lines do not start `[^`: say so before copying any scalars.
            guard text.utf8.starts(with: "[^".utf8) else { return nil }
            let scalars = Array(text.unicodeScalars.prefix(1003))
            guard let (label, end) = Footnotes.label(in: scalars, at: 0), end < scalars.count,
                  scalars[end] == ":" else { return nil }
            return label
        case .inline(.link):
            guard let child = document.firstChild(of: node), document.next(of: child) == nil,
                  case .inline(.text(let text)) = document.kind(of: child),
                  let following = document.next(of: node),
                  case .inline(.text(let after)) = document.kind(of: following), after.hasPrefix(":"),
                  text.utf8.first == UInt8(ascii: "^") else {
                return nil
            }
            let scalars = Array(("[" + text + "]").unicodeScalars)
            guard let (label, end) = Footnotes.label(in: scalars, at: 0), end == scalars.count else { return nil }
            return label
        default:
            return nil
        }
    }

    /// A definition holding `segment`'s inlines without their `[^label]:`,
    /// or, when nothing follows that on its line, the segment's lines read
    /// again as indented blocks.
    private func makeDefinition(_ label: String, from segment: Segment, quotes: Int,
                                document: inout Document) -> NodeID {
        let definition = document.makeNode(
            .block(.footnoteDefinition(label: label, number: 0)),
            range: SourceRange(startLine: segment.line, startColumn: segment.column,
                               endLine: segment.lastLine, endColumn: segment.column))
        var nodes = segment.nodes[...]
        if let first = nodes.first, case .inline(.link) = document.kind(of: first) {
            nodes = nodes.dropFirst()
            document.detach(first)
        }
        stripPrefix(from: nodes.first, upTo: ":", document: &document)
        if let first = nodes.first, document.parent(of: first) == nil { nodes = nodes.dropFirst() }
        let firstKind = nodes.first.map { document.kind(of: $0) }
        if firstKind == nil || firstKind == .inline(.softBreak) || firstKind == .inline(.lineBreak) {
            for node in nodes { document.detach(node) }
            let indent = indentOfDefinition(line: segment.line, column: segment.column, quotes: quotes) + 4
            let lines = segment.line < segment.lastLine
                ? ((segment.line + 1)...segment.lastLine).map {
                    FootnoteBlocks.Line(text: source.dedented(line: $0, quotes: quotes, indent: indent), number: $0)
                }
                : []
            FootnoteBlocks.append(lines: lines, to: definition, in: &document)
            return definition
        }
        let paragraph = document.append(.block(.paragraph), to: definition)
        for node in nodes { document.appendChild(node, to: paragraph) }
        return definition
    }

    /// Cuts a text node up to and including `mark` and the spaces after it;
    /// detaches the node when nothing is left.
    private func stripPrefix(from node: NodeID?, upTo mark: Character, document: inout Document) {
        guard let node, case .inline(.text(let text)) = document.kind(of: node),
              let index = text.firstIndex(of: mark) else { return }
        let rest = text[text.index(after: index)...].drop { $0 == " " || $0 == "\t" }
        if rest.isEmpty {
            document.detach(node)
        } else {
            document.setKind(.inline(.text(String(rest))), of: node)
        }
    }

    /// How far in the `[` of a definition stands from its container's
    /// text: the item marker's width in a list item, 0 elsewhere.
    private func indentOfDefinition(line: Int, column: Int, quotes: Int) -> Int {
        guard let whole = source.line(line) else { return 0 }
        let inside = source.dedented(line: line, quotes: quotes, indent: 0)
        let insideColumn = whole.utf8.distance(from: whole.startIndex, to: inside.startIndex) + 1
        return max(column - insideColumn, 0)
    }

    private func quoteDepth(of node: NodeID, in document: Document) -> Int {
        var depth = 0
        var current = document.parent(of: node)
        while let ancestor = current {
            if document.kind(of: ancestor) == .block(.blockQuote) { depth += 1 }
            current = document.parent(of: ancestor)
        }
        return depth
    }

    // MARK: Continuation lines

    /// An indented code block right after a definition, four columns in
    /// from its `[`, was the definition's continuation: its text is read
    /// again as the definition's blocks.
    private func absorbIndentedCode(after definition: NodeID, document: inout Document) {
        guard let next = document.next(of: definition),
              case .block(.codeBlock(let info, let code)) = document.kind(of: next), info.isEmpty else { return }
        let range = document.range(of: next), start = document.range(of: definition).start
        guard range.isKnown, start.isKnown, range.start.column >= start.column + 4,
              let written = source.text(from: range.start),
              !written.hasPrefix("```"), !written.hasPrefix("~~~") else { return }
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        FootnoteBlocks.append(lines: ([""] + lines).map { FootnoteBlocks.Line(text: $0, number: 0) },
                              to: definition, in: &document)
        document.detach(next)
    }
}

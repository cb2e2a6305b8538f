import PublishAST

/// The inline nodes of a block by line, and the break that ends each line.
struct LineGroups {
    var nodes: [[NodeID]]
    var breaks: [NodeID?]
}

extension TableBuilder {
    /// The block's inline nodes by line. A node that spans lines and reaches
    /// into a table is unwrapped first, as cmark-gfm parses each row on its
    /// own. Nil when the nodes do not add up to the block's lines.
    mutating func lineGroups(inTable: [Bool], in document: inout Document) -> LineGroups? {
        var groups = LineGroups(nodes: Array(repeating: [], count: lines.count),
                                breaks: Array(repeating: nil, count: lines.count))
        var index = 0
        var current = document.firstChild(of: block)
        while let node = current {
            let following = document.next(of: node)
            switch document.kind(of: node) {
            case .inline(.softBreak), .inline(.lineBreak):
                guard index < lines.count else { return nil }
                groups.breaks[index] = node
                index += 1
                current = following
                continue
            default:
                break
            }
            let breaks = Self.lineBreaks(in: node, document)
            if breaks > 0, (index...min(index + breaks, lines.count - 1)).contains(where: { inTable[$0] }) {
                if let pieces = unwrap(node, in: &document) {
                    current = pieces.first ?? following
                    continue
                }
                isDegraded = true
            }
            guard index < lines.count else { return nil }
            groups.nodes[index].append(node)
            index += breaks
            current = following
        }
        return index == lines.count - 1 ? groups : nil
    }

    /// How many line ends a node holds.
    static func lineBreaks(in node: NodeID, _ document: Document) -> Int {
        var count = 0
        for case .enter(let inner) in document.events(from: node) {
            switch document.kind(of: inner) {
            case .inline(.softBreak), .inline(.lineBreak):
                count += 1
            case .inline(.code):
                let range = document.range(of: inner)
                if range.isKnown { count += range.end.line - range.start.line }
            case .inline(.html(let html)):
                count += html.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            default:
                break
            }
        }
        return count
    }

    /// Fills `row` with one cell per column from the nodes of `line`: extra
    /// cells are dropped, missing ones are empty.
    mutating func fill(_ row: NodeID, line: TableLine, nodes: [NodeID], lineBreak: NodeID?, columns: Int,
                       in document: inout Document) {
        let cells = line.cells
        var contents = deal(nodes, on: line, cells: cells.count, in: &document)
        // A backslash hard break is a backslash at the end of a row.
        if let lineBreak, document.kind(of: lineBreak) == .inline(.lineBreak), line.endsWithBackslash {
            let index = line.cellIndex(of: line.end)
            if index >= 0, index < contents.count {
                let range = SourceRange(startLine: line.number, startColumn: line.end, endLine: line.number, endColumn: line.end)
                contents[index].append(document.makeNode(.inline(.text("\\")), range: range))
            }
        }
        for column in 0..<columns {
            var range = SourceRange.unknown
            if column < cells.count, let columns = cells[column] {
                range = SourceRange(startLine: line.number, startColumn: columns.lowerBound,
                                    endLine: line.number, endColumn: columns.upperBound)
            }
            let cell = document.append(.block(.tableCell), range: range, to: row)
            guard column < contents.count else { continue }
            for node in Self.trimmed(contents[column], in: &document) { document.appendChild(node, to: cell) }
            dropPipeEscapes(in: cell, includingTopLevel: false, in: &document)
        }
    }

    /// Deals the nodes of one line into its cells by their source columns.
    mutating func deal(_ nodes: [NodeID], on line: TableLine, cells count: Int, in document: inout Document) -> [[NodeID]] {
        var contents = [[NodeID]](repeating: [], count: count)
        var cell = 0
        func place(_ node: NodeID, _ index: Int) {
            if index >= 0, index < count { contents[index].append(node) }
        }
        var work = Array(nodes.reversed())
        while let node = work.popLast() {
            let kind = document.kind(of: node)
            guard let span = nodeSpan(of: node, document), span.start.line == line.number,
                  span.end.line == line.number else {
                if !Self.isBlankText(kind) { isDegraded = true }
                place(node, cell)
                continue
            }
            let columns = span.start.column...span.end.column
            if case .inline(.text(let text)) = kind {
                let base = line.cellIndex(of: columns.lowerBound)
                let pipes = line.pipes[line.pipeIndices(in: columns)]
                guard let pieces = Self.cut(text, line: line, columns: columns), pieces.count == pipes.count + 1 else {
                    isDegraded = true
                    place(node, cell)
                    continue
                }
                for (offset, piece) in pieces.enumerated() where !piece.isEmpty {
                    let from = offset == 0 ? columns.lowerBound : pipes[pipes.startIndex + offset - 1] + 1
                    let to = offset == pieces.count - 1 ? columns.upperBound : pipes[pipes.startIndex + offset] - 1
                    let range = SourceRange(startLine: line.number, startColumn: from, endLine: line.number, endColumn: to)
                    let target = offset == 0 ? node : document.makeNode(.inline(.text(piece)), range: range)
                    document.setKind(.inline(.text(piece)), of: target)
                    document.setRange(range, of: target)
                    place(target, base + offset)
                }
                cell = base + pieces.count - 1
            } else if line.pipeCount(in: columns) == 0 {
                cell = line.cellIndex(of: columns.lowerBound)
                place(node, cell)
            } else if let pieces = unwrap(node, in: &document) {
                work.append(contentsOf: pieces.reversed())
            } else {
                isDegraded = true
                place(node, cell)
            }
        }
        return contents
    }

    /// Where a node was written: its range, widened to a code span's
    /// backticks, and an autolink's from its text (libcmark's own range for
    /// one is off). Nil when the range is not within the block's lines.
    func nodeSpan(of node: NodeID, _ document: Document) -> (start: SourcePosition, end: SourcePosition)? {
        var range = document.range(of: node)
        guard range.isKnown, let first = line(range.start.line) else { return nil }
        switch document.kind(of: node) {
        case .inline(.code):
            guard var last = line(range.end.line) else { return nil }
            // A code span whose text ends with a line end closes on the next line.
            if range.end.column >= last.start + last.raw.count, let next = line(range.end.line + 1) {
                range.end = SourcePosition(line: next.number, column: next.start - 1)
                last = next
            }
            while first.byte(at: range.start.column - 1) == UInt8(ascii: "`") { range.start.column -= 1 }
            while last.byte(at: range.end.column + 1) == UInt8(ascii: "`") { range.end.column += 1 }
        case .inline(.link) where first.byte(at: range.start.column) != UInt8(ascii: "["):
            guard let text = document.firstChild(of: node), case let inner = document.range(of: text), inner.isKnown,
                  let line = line(inner.start.line), line.byte(at: inner.start.column - 1) == UInt8(ascii: "<"),
                  line.byte(at: inner.end.column + 1) == UInt8(ascii: ">") else { return nil }
            range = SourceRange(startLine: inner.start.line, startColumn: inner.start.column - 1,
                                endLine: inner.end.line, endColumn: inner.end.column + 1)
        case .inline(.emphasis), .inline(.strong):
            // Its range starts where its delimiter run did, even when the run
            // was only partly used; its delimiters sit right around its text.
            guard let start = Self.delimiterEdge(of: node, first: true, document),
                  let end = Self.delimiterEdge(of: node, first: false, document),
                  let startSpan = nodeSpan(of: start.node, document),
                  let endSpan = nodeSpan(of: end.node, document) else { return nil }
            return (startSpan.start.moved(by: -start.count), endSpan.end.moved(by: end.count))
        default:
            break
        }
        guard let last = line(range.end.line), range.start.column >= first.start, range.start.column <= first.end else {
            return nil
        }
        range.end.column = min(range.end.column, last.end)
        guard range.start <= range.end else { return nil }
        return (range.start, range.end)
    }

    /// The first (or last) node inside nested emphasis and strong emphasis
    /// that is neither, and how many delimiter characters stand before (or
    /// after) it: a loop down the children, not a recursion.
    static func delimiterEdge(of node: NodeID, first: Bool, _ document: Document) -> (node: NodeID, count: Int)? {
        var current = node, count = 0
        while true {
            switch document.kind(of: current) {
            case .inline(.emphasis): count += 1
            case .inline(.strong): count += 2
            default: return (current, count)
            }
            guard let child = first ? document.firstChild(of: current) : document.lastChild(of: current) else { return nil }
            current = child
        }
    }

    /// The table line of file line `number`, the underline included.
    func line(_ number: Int) -> TableLine? {
        guard let first = lines.first else { return nil }
        let index = number - first.number
        if index == lines.count, let underline { return underline }
        return index >= 0 && index < lines.count ? lines[index] : nil
    }

    /// A node that holds a separating pipe, or spans lines, remade as nodes
    /// that can be dealt: a container as its delimiters (as text) around its
    /// children, anything else as its source text. Nil when its range is
    /// not usable.
    mutating func unwrap(_ node: NodeID, in document: inout Document) -> [NodeID]? {
        guard let span = nodeSpan(of: node, document) else { return nil }
        var pieces: [NodeID]
        if document.kind(of: node).isContainer, let first = document.firstChild(of: node),
           let last = document.lastChild(of: node), let firstSpan = nodeSpan(of: first, document),
           let lastSpan = nodeSpan(of: last, document) {
            pieces = sourceInlines(from: span.start, to: firstSpan.start.moved(by: -1), in: &document)
            pieces += Array(document.children(of: node))
            pieces += sourceInlines(from: lastSpan.end.moved(by: 1), to: span.end, in: &document)
        } else {
            pieces = sourceInlines(from: span.start, to: span.end, in: &document)
        }
        for piece in pieces { document.insert(piece, before: node) }
        document.detach(node)
        return pieces
    }

    /// The source between two positions as text nodes, a soft break between
    /// lines.
    mutating func sourceInlines(from start: SourcePosition, to end: SourcePosition,
                                in document: inout Document) -> [NodeID] {
        guard start.line <= end.line else { return [] }
        var nodes: [NodeID] = []
        for number in start.line...end.line {
            guard let line = line(number) else { continue }
            if number > start.line { nodes.append(document.makeNode(.inline(.softBreak))) }
            let from = number == start.line ? max(start.column, line.start) : line.start
            let to = number == end.line ? min(end.column, line.end) : line.end
            guard from <= to else { continue }
            let range = SourceRange(startLine: number, startColumn: from, endLine: number, endColumn: to)
            nodes.append(document.makeNode(.inline(.text(Self.unescaped(line.text(from: from, to: to)))), range: range))
        }
        return nodes
    }

    /// Source text as cmark-gfm shows it when no markup is found in it: the
    /// backslash before each `|` dropped, as before a row is parsed, then
    /// backslash escapes resolved. Entities are left as written.
    static func unescaped(_ text: String) -> String {
        let bytes = Array(text.replacing("\\|", with: "|").utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1].isASCIIPunctuation {
                index += 1
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// cmark-gfm drops the backslash before every `|` of a row, and of the
    /// lines before a table, before it parses them: `\|` in a code span or
    /// raw HTML is `|`, and text written `\\|` shows `|`. Text nodes at the
    /// top of a cell were done as they were cut.
    func dropPipeEscapes(in root: NodeID, includingTopLevel: Bool, in document: inout Document) {
        var edits: [(NodeID, NodeKind)] = []
        for case .enter(let node) in document.events(from: root) {
            switch document.kind(of: node) {
            case .inline(.code(let code)) where code.contains("\\|"):
                edits.append((node, .inline(.code(code.replacing("\\|", with: "|")))))
            case .inline(.html(let html)) where html.contains("\\|"):
                edits.append((node, .inline(.html(html.replacing("\\|", with: "|")))))
            case .inline(.text(let text)) where text.contains("\\|") && (includingTopLevel || document.parent(of: node) != root):
                guard let span = nodeSpan(of: node, document), span.start.line == span.end.line,
                      let line = line(span.start.line),
                      let pieces = Self.cut(text, line: line, columns: span.start.column...span.end.column) else { continue }
                edits.append((node, .inline(.text(pieces.joined(separator: "|")))))
            default:
                break
            }
        }
        for (node, kind) in edits { document.setKind(kind, of: node) }
    }

    /// A cell's nodes without the whitespace at its ends, which cmark-gfm
    /// trims from a cell before parsing it.
    static func trimmed(_ nodes: [NodeID], in document: inout Document) -> [NodeID] {
        var nodes = nodes
        while let first = nodes.first, case .inline(.text(let text)) = document.kind(of: first) {
            let kept = text.unicodeScalars.drop { TableLine.isSpace(scalar: $0) }
            if kept.isEmpty {
                nodes.removeFirst()
                continue
            }
            var range = document.range(of: first)
            if range.isKnown { range.start.column += text.utf8.count - String(kept).utf8.count }
            document.setRange(range, of: first)
            document.setKind(.inline(.text(String(kept))), of: first)
            break
        }
        while let last = nodes.last, case .inline(.text(let text)) = document.kind(of: last) {
            var kept = text.unicodeScalars[...]
            while let scalar = kept.last, TableLine.isSpace(scalar: scalar) { kept.removeLast() }
            if kept.isEmpty {
                nodes.removeLast()
                continue
            }
            var range = document.range(of: last)
            if range.isKnown { range.end.column -= text.utf8.count - String(kept).utf8.count }
            document.setRange(range, of: last)
            document.setKind(.inline(.text(String(kept))), of: last)
            break
        }
        return nodes
    }

    static func isBlankText(_ kind: NodeKind) -> Bool {
        guard case .inline(.text(let text)) = kind else { return false }
        return text.unicodeScalars.allSatisfy { TableLine.isSpace(scalar: $0) }
    }
}

extension SourcePosition {
    func moved(by columns: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + columns)
    }
}

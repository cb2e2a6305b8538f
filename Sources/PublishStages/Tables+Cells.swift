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
            let breaks = measures.lineEnds[node] ?? 0
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

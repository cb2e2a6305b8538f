import PublishAST

/// Where inline nodes were written, and nodes made from the source where a
/// parsed node cannot be kept whole.
extension TableBuilder {
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
            guard let start = measures.firstEdges[node], let end = measures.lastEdges[node],
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
}

extension SourcePosition {
    func moved(by columns: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + columns)
    }
}

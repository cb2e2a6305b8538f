import PublishAST

/// The blocks cmark-gfm makes around a table where libcmark made one
/// paragraph: what a lazy line, a setext underline or indented lines under
/// a table become, and a list made loose by a table.
extension TableBuilder {
    /// Where a lazy line after a table goes: cmark-gfm closes the containers
    /// the line does not continue, so the paragraph it starts follows the
    /// outermost of them, or a list item's list, which is split after the
    /// item when more items follow. Nil when blocks follow the table inside
    /// the containers it closes; moving the line past them would reorder
    /// the text.
    func lazyTarget(for line: TableLine, in document: Document) -> (after: NodeID, splitting: NodeID?)? {
        guard document.next(of: block) == nil else { return nil }
        var chain: [NodeID] = []
        var current = document.parent(of: block)
        while let node = current, node != document.root {
            chain.append(node)
            current = document.parent(of: node)
        }
        var quotes = 0
        for node in chain.reversed() {
            let closes: Bool
            switch document.kind(of: node) {
            case .block(.blockQuote):
                quotes += 1
                closes = quotes > line.quotes
            case .block(.item):
                closes = document.firstChild(of: node).map { line.start < document.range(of: $0).start.column } ?? true
            default:
                closes = false
            }
            guard closes else { continue }
            var inner: NodeID? = document.parent(of: block)
            while let walked = inner, walked != node {
                if document.next(of: walked) != nil { return nil }
                inner = document.parent(of: walked)
            }
            guard case .block(.item) = document.kind(of: node), let list = document.parent(of: node) else {
                return (node, nil)
            }
            guard let next = document.next(of: node) else { return (list, nil) }
            // A paragraph takes the next item's line as text unless that item could interrupt it.
            guard document.firstChild(of: next) != nil, itemNumber(next, in: document) ?? 1 == 1 else { return nil }
            return (list, node)
        }
        return nil
    }

    /// The number an ordered list item is written with; nil for a bullet.
    func itemNumber(_ item: NodeID, in document: Document) -> Int? {
        guard let list = document.parent(of: item), case .block(.list(let style)) = document.kind(of: list),
              style.kind == .ordered, let text = source.text(from: document.range(of: item).start) else { return nil }
        return Int(text.prefix { $0.isASCII && $0.isNumber })
    }

    /// Moves the items after `item` into a list of their own, placed after
    /// `rest`: cmark-gfm starts a new list there.
    func splitList(after item: NodeID, placing rest: NodeID, in document: inout Document) {
        guard let list = document.parent(of: item), case .block(.list(var style)) = document.kind(of: list),
              let first = document.next(of: item) else { return }
        let start = document.range(of: first).start
        style.start = itemNumber(first, in: document) ?? style.start
        var range = document.range(of: list)
        range.start = start
        let following = document.makeNode(.block(.list(style)), range: range)
        while let next = document.next(of: item) { document.appendChild(next, to: following) }
        document.insert(following, after: rest)
    }

    /// The lines of an indented code block that ends a table, as cmark-gfm
    /// reads them: less four columns of indentation.
    func codeBlock(lines range: Range<Int>, in document: inout Document) -> NodeID {
        var code = ""
        for index in range {
            let line = lines[index]
            code += String(repeating: " ", count: line.indent - 4) + String(decoding: line.raw, as: UTF8.self) + "\n"
        }
        let source = SourceRange(startLine: lines[range.lowerBound].number, startColumn: lines[range.lowerBound].start,
                                 endLine: lines[range.upperBound - 1].number, endColumn: lines[range.upperBound - 1].end)
        return document.makeNode(.block(.codeBlock(info: "", code: code)), range: source)
    }

    /// cmark-gfm leaves a table of only a header row marked as ending in a
    /// blank line, so a list item holding one is loose when anything follows
    /// the table in the item, or another item follows.
    func loosenList(around table: NodeID, in document: inout Document) {
        guard case .block(.table) = document.kind(of: table),
              document.lastChild(of: table).map({ document.kind(of: $0) }) == .block(.tableHead),
              let item = document.parent(of: table), case .block(.item) = document.kind(of: item),
              document.next(of: table) != nil || document.next(of: item) != nil,
              let list = document.parent(of: item), case .block(.list(var style)) = document.kind(of: list) else { return }
        style.isTight = false
        document.setKind(.block(.list(style)), of: list)
    }

    /// The setext underline under a table, read as cmark-gfm reads it below
    /// a table row: `-` opens an empty list, three or more dashes are a
    /// thematic break, anything else (`==`, `--`) is one more row; or a
    /// paragraph when a code block ended the table.
    mutating func readUnderline(_ underline: TableLine, into table: NodeID?, columns: Int,
                                in document: inout Document) -> [NodeID] {
        let range = span(of: underline, through: underline)
        let dashes = underline.bytes.allSatisfy { $0 == UInt8(ascii: "-") }
        if dashes, underline.bytes.count == 1 {
            let list = document.makeNode(.block(.list(ListStyle(kind: .bullet, isTight: true))), range: range)
            document.append(.block(.item(task: nil)), range: range, to: list)
            return [list]
        }
        if dashes, underline.bytes.count >= 3 {
            return [document.makeNode(.block(.thematicBreak), range: range)]
        }
        let text = document.makeNode(.inline(.text(underline.text(from: underline.start, to: underline.end))), range: range)
        guard let table else {
            let paragraph = document.makeNode(.block(.paragraph), range: range)
            document.appendChild(text, to: paragraph)
            return [paragraph]
        }
        let row = document.append(.block(.tableRow), range: range, to: table)
        fill(row, line: underline, nodes: [text], lineBreak: nil, columns: columns, in: &document)
        var tableRange = document.range(of: table)
        tableRange.end = range.end
        document.setRange(tableRange, of: table)
        return []
    }
}

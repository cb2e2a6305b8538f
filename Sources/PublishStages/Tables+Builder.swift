import PublishAST

/// Turns one paragraph (or setext heading) into what cmark-gfm reads there:
/// the lines before the header row as a paragraph, the table, and the lines
/// after the table as a paragraph of their own.
struct TableBuilder {
    let block: NodeID
    let container: Tables.Container
    /// The lines of the block's text: a setext heading's underline is not one.
    var lines: [TableLine] = []
    /// A setext heading's underline.
    var underline: TableLine?
    /// Set when a row could not be read as the source says; warned once.
    var isDegraded = false

    init(block: NodeID, container: Tables.Container, document: Document, source: SourceLines) {
        self.block = block
        self.container = container
        let range = document.range(of: block)
        let itemColumn = container.item.flatMap { document.firstChild(of: $0) }.map { document.range(of: $0).start.column }
        var last = range.end.line
        if case .block(.heading) = document.kind(of: block) {
            last -= 1
            underline = Self.line(range.end.line, itemColumn: itemColumn, container: container, source: source)
        }
        for number in range.start.line...max(last, range.start.line) {
            let first = number == range.start.line ? range.start.column : nil
            guard let line = Self.line(number, first: first, itemColumn: itemColumn,
                                       container: container, source: source) else {
                lines = []
                return
            }
            lines.append(line)
        }
    }

    /// Line `number` past its container markers. The block's first line
    /// starts at `first`; a later one after up to as many `>` as there are
    /// block quotes, and whitespace.
    static func line(_ number: Int, first: Int? = nil, itemColumn: Int?, container: Tables.Container,
                     source: SourceLines) -> TableLine? {
        guard let text = source.line(number) else { return nil }
        let bytes = Array(text.utf8)
        if let first {
            let offset = min(max(first - 1, 0), bytes.count)
            return TableLine(number: number, start: offset + 1, bytes: bytes[offset...], isLazy: false, indent: 0)
        }
        var index = 0, quotes = 0, afterMarker = 0
        while true {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            guard quotes < container.quotes, index < bytes.count, bytes[index] == UInt8(ascii: ">") else { break }
            index += 1
            quotes += 1
            afterMarker = index
        }
        let start = index + 1
        let indent: Int
        if container.quoteIsInnermost {
            indent = max(index - afterMarker - 1, 0)
        } else if let itemColumn {
            indent = start - itemColumn
        } else {
            indent = index
        }
        let isLazy = quotes < container.quotes || itemColumn.map { start < $0 } ?? false
        return TableLine(number: number, start: start, bytes: bytes[index...], isLazy: isLazy, indent: indent)
    }

    /// Builds the table if the block holds one; returns the block made of the
    /// lines after it, for another look.
    mutating func build(in document: inout Document, context: inout StageContext) -> NodeID? {
        guard let (delimiter, alignments) = delimiterRow() else { return nil }
        let header = delimiter - 1
        var last = delimiter
        var restStart: Int?
        for index in (delimiter + 1)..<lines.count {
            if lines[index].cells.isEmpty {
                restStart = index
                break
            }
            if let block = interruption(by: lines[index]) {
                warn("this line ends the table: GitHub reads it as \(block); a blank line before it keeps them apart",
                     line: lines[index], document: document, context: &context)
                restStart = index
                break
            }
            last = index
        }

        correctRanges(in: &document)
        guard let groups = lineGroups(tableLines: header...last, in: &document) else {
            warn("the lines of this table could not be matched with what was parsed; it is left as a paragraph",
                 line: lines[header], document: document, context: &context)
            return nil
        }

        let table = document.makeNode(.block(.table(alignments: alignments)),
                                      range: span(of: lines[header], through: lines[last]))
        let head = document.append(.block(.tableHead), range: span(of: lines[header], through: lines[header]), to: table)
        fill(head, line: lines[header], nodes: groups.nodes[header], lineBreak: groups.breaks[header],
             columns: alignments.count, in: &document)
        for index in stride(from: delimiter + 1, through: last, by: 1) {
            let row = document.append(.block(.tableRow), range: span(of: lines[index], through: lines[index]), to: table)
            fill(row, line: lines[index], nodes: groups.nodes[index], lineBreak: groups.breaks[index],
                 columns: alignments.count, in: &document)
        }

        var replacements: [NodeID] = []
        if header > 0 {
            let before = document.makeNode(.block(.paragraph), range: span(of: lines[0], through: lines[header - 1]))
            gather(groups, lines: 0..<header, into: before, in: &document)
            dropPipeEscapes(in: before, includingTopLevel: true, in: &document)
            replacements.append(before)
        }
        replacements.append(table)

        var rest: NodeID?
        if let restStart {
            var range = document.range(of: block)
            range.start = SourcePosition(line: lines[restStart].number, column: lines[restStart].start)
            let node = document.makeNode(document.kind(of: block), range: range)
            gather(groups, lines: restStart..<lines.count, into: node, in: &document)
            rest = node
        } else if let underline {
            replacements += readUnderline(underline, into: table, columns: alignments.count, in: &document)
        }
        if let rest { replacements.append(rest) }
        if isDegraded {
            warn("some cells of this table could not be matched with their source; check its rows",
                 line: lines[header], document: document, context: &context)
        }
        document.replace(block, with: replacements)
        return rest
    }

    /// The first line that is a delimiter row under a header row of as many
    /// cells, and its alignments. It is a row of the paragraph, not lazy,
    /// and not indented as code, or cmark-gfm would not look at it.
    func delimiterRow() -> (Int, [TableAlignment])? {
        guard lines.count > 1 else { return nil }
        for index in 1..<lines.count {
            let line = lines[index]
            guard !line.isLazy, line.indent < 4, line.bytes.contains(UInt8(ascii: "-")),
                  let alignments = line.delimiterAlignments,
                  alignments.count == lines[index - 1].cells.count else { continue }
            return (index, alignments)
        }
        return nil
    }

    /// What a row line starts in cmark-gfm's reading instead, where libcmark
    /// took it as more of the paragraph: a table ends at a line outside its
    /// container, and, unlike a paragraph, at any block that may start there.
    func interruption(by line: TableLine) -> String? {
        if line.isLazy { return "a line outside the block quote or list item the table is in" }
        if line.indent >= 4 { return "an indented code block" }
        if line.startsListItem { return "a list item" }
        if line.startsHTMLBlock { return "an HTML block" }
        return nil
    }

    /// The setext underline under a table, read as cmark-gfm reads it below
    /// a table row: `-` opens an empty list, three or more dashes are a
    /// thematic break, anything else (`==`, `--`) is one more row.
    mutating func readUnderline(_ underline: TableLine, into table: NodeID, columns: Int,
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
        let row = document.append(.block(.tableRow), range: range, to: table)
        let text = document.makeNode(.inline(.text(underline.text(from: underline.start, to: underline.end))), range: range)
        fill(row, line: underline, nodes: [text], lineBreak: nil, columns: columns, in: &document)
        var tableRange = document.range(of: table)
        tableRange.end = range.end
        document.setRange(tableRange, of: table)
        return []
    }

    /// Moves the nodes of `indices` lines, and the breaks between them,
    /// into `block`.
    func gather(_ groups: LineGroups, lines indices: Range<Int>, into block: NodeID, in document: inout Document) {
        for index in indices {
            for node in groups.nodes[index] { document.appendChild(node, to: block) }
            if index + 1 < indices.upperBound, let lineBreak = groups.breaks[index] {
                document.appendChild(lineBreak, to: block)
            }
        }
    }

    func span(of first: TableLine, through last: TableLine) -> SourceRange {
        SourceRange(startLine: first.number, startColumn: first.start, endLine: last.number, endColumn: last.end)
    }

    func warn(_ message: String, line: TableLine, document: Document, context: inout StageContext) {
        let location = SourceLocation(path: document.path ?? "<stdin>", line: line.number, column: line.start)
        context.report(.warning(message, at: location))
    }
}

import PublishAST

/// Turns one paragraph (or setext heading) into what cmark-gfm reads there:
/// the lines before the header row as a paragraph, the table, and the lines
/// after the table as a paragraph of their own.
struct TableBuilder {
    let block: NodeID
    let container: Tables.Container
    let source: SourceLines
    /// The lines of the block's text: a setext heading's underline is not one.
    var lines: [TableLine] = []
    /// A setext heading's underline.
    var underline: TableLine?
    /// Set when a row could not be read as the source says; warned once.
    var isDegraded = false
    /// What the block's inline nodes hold, measured once.
    var measures = InlineMeasures()

    init(block: NodeID, container: Tables.Container, document: Document, source: SourceLines) {
        self.block = block
        self.container = container
        self.source = source
        let range = document.range(of: block)
        let itemColumn = container.item.flatMap { document.firstChild(of: $0) }.map { document.range(of: $0).start.column }
        // A setext heading's range can run past its underline, so the
        // underline is found as the first line of only `=` or only `-`.
        let isHeading = document.kind(of: block) != .block(.paragraph)
        for number in range.start.line...range.end.line {
            let first = number == range.start.line ? range.start.column : nil
            guard let line = Self.line(number, first: first, itemColumn: itemColumn,
                                       container: container, source: source) else { break }
            if isHeading, first == nil, line.isSetextUnderline {
                underline = line
                break
            }
            lines.append(line)
        }
        if isHeading ? underline == nil : lines.last?.number != range.end.line { lines = [] }
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
            return TableLine(number: number, start: offset + 1, bytes: bytes[offset...], isLazy: false,
                             quotes: container.quotes, indent: 0)
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
        // Tabs stop every four columns, as CommonMark counts indentation.
        func visual(_ end: Int) -> Int {
            bytes[..<end].reduce(0) { column, byte in byte == 0x09 ? column + 4 - column % 4 : column + 1 }
        }
        let indent: Int
        if container.quoteIsInnermost {
            indent = max(visual(index) - visual(afterMarker) - 1, 0)
        } else if let itemColumn {
            indent = start - itemColumn
        } else {
            indent = visual(index)
        }
        let isLazy = quotes < container.quotes || itemColumn.map { start < $0 } ?? false
        return TableLine(number: number, start: start, bytes: bytes[index...], isLazy: isLazy,
                         quotes: quotes, indent: indent)
    }

    /// One table in the block: the lines before it that stay a paragraph,
    /// its rows, and what ends it.
    struct Segment {
        var start: Int
        var header: Int
        var alignments: [TableAlignment]
        var last: Int
        /// The first line after the table, if any.
        var restStart: Int?
        /// Why that line is not a row, when it is a line of text.
        var interruption: Interruption?
        /// The first line of the paragraph after the table (and after the
        /// code block that ended it).
        var next: Int?
    }

    /// A line of libcmark's paragraph that cmark-gfm does not take as a row.
    enum Interruption: Equatable {
        case lazy
        case indentedCode
        case listItem
        case htmlBlock

        var reading: String {
            switch self {
            case .lazy: return "a line outside the block quote or list item the table is in"
            case .indentedCode: return "an indented code block"
            case .listItem: return "a list item"
            case .htmlBlock: return "an HTML block"
            }
        }
    }

    /// cmark-gfm's `MAX_AUTOCOMPLETED_CELLS`: a row is read only while the
    /// rows before it were padded with no more empty cells than this.
    static let maximumPaddedCells = 0x80000

    /// The tables of the block, read from its source lines alone. Lines
    /// after a table are a new paragraph, which may hold the next table.
    func segments() -> [Segment] {
        var segments: [Segment] = []
        var start = 0
        while let (delimiter, alignments) = delimiterRow(from: start) {
            var segment = Segment(start: start, header: delimiter - 1, alignments: alignments, last: delimiter)
            var padded = 0
            for index in (delimiter + 1)..<lines.count {
                if let interruption = interruption(by: lines[index]) {
                    segment.restStart = index
                    segment.interruption = interruption
                    break
                }
                // Past as many empty cells made for short rows as cmark-gfm
                // allows, the table ends: 20 KB of short rows under a wide
                // header would otherwise be hundreds of megabytes of cells.
                if lines[index].cells.isEmpty || padded > Self.maximumPaddedCells {
                    segment.restStart = index
                    break
                }
                segment.last = index
                padded += max(0, alignments.count - lines[index].cells.count)
            }
            guard var next = segment.restStart else {
                segments.append(segment)
                break
            }
            if segment.interruption == .indentedCode {
                while next < lines.count, !lines[next].isLazy, lines[next].indent >= 4 { next += 1 }
            }
            segment.next = next
            segments.append(segment)
            start = next
        }
        return segments
    }

    /// Replaces the block with its paragraphs and tables, if it holds a table.
    mutating func build(in document: inout Document, context: inout StageContext) {
        let segments = segments()
        guard let first = segments.first, let final = segments.last else { return }
        correctRanges(in: &document)
        measures = InlineMeasures(block, in: document) { [self] code in
            nodeSpan(of: code, document).map { $0.end.line - $0.start.line } ?? 0
        }
        var inTable = [Bool](repeating: false, count: lines.count)
        for segment in segments {
            for index in segment.header...segment.last { inTable[index] = true }
        }
        guard let groups = lineGroups(inTable: inTable, in: &document) else {
            warn("the lines of this table could not be matched with what was parsed; it is left as a paragraph",
                 line: lines[first.header], document: document, context: &context)
            return
        }

        var replacements: [NodeID] = []
        for segment in segments {
            if segment.header > segment.start {
                let before = document.makeNode(.block(.paragraph),
                                               range: span(of: lines[segment.start], through: lines[segment.header - 1]))
                gather(groups, lines: segment.start..<segment.header, into: before, in: &document)
                if let lineBreak = groups.breaks[segment.header - 1], document.kind(of: lineBreak) == .inline(.lineBreak),
                   lines[segment.header - 1].endsWithBackslash {
                    // The backslash of a hard break is text at the end of a paragraph.
                    document.append(.inline(.text("\\")), to: before)
                }
                dropPipeEscapes(in: before, includingTopLevel: true, in: &document)
                replacements.append(before)
            }
            replacements.append(table(segment, groups: groups, in: &document))
            if isDegraded {
                warn("some cells of this table could not be matched with their source; check its rows",
                     line: lines[segment.header], document: document, context: &context)
                isDegraded = false
            }
            if let restStart = segment.restStart, let next = segment.next, segment.interruption == .indentedCode {
                replacements.append(codeBlock(lines: restStart..<next, in: &document))
            }
        }

        var rest: NodeID?
        if let next = final.next, next < lines.count {
            var range = document.range(of: block)
            range.start = SourcePosition(line: lines[next].number, column: lines[next].start)
            let node = document.makeNode(document.kind(of: block), range: range)
            gather(groups, lines: next..<lines.count, into: node, in: &document)
            replacements.append(node)
            rest = node
        } else if let underline {
            let table = final.restStart == nil ? replacements.last : nil
            replacements += readUnderline(underline, into: table, columns: final.alignments.count, in: &document)
        }
        let relocation = rest != nil && final.interruption == .lazy
            ? lazyTarget(for: lines[final.next ?? 0], in: document) : nil
        document.replace(block, with: replacements)
        if let rest, let relocation {
            document.insert(rest, after: relocation.after)
            if let item = relocation.splitting { splitList(after: item, placing: rest, in: &document) }
        }

        for table in replacements { loosenList(around: table, in: &document) }

        for segment in segments {
            guard let interruption = segment.interruption, let restStart = segment.restStart,
                  interruption != .indentedCode, interruption != .lazy || relocation == nil else { continue }
            warn("this line ends the table: GitHub reads it as \(interruption.reading); "
                 + "a blank line before it keeps them apart",
                 line: lines[restStart], document: document, context: &context)
        }
    }

    /// The table of one segment, its cells filled from the lines' nodes.
    mutating func table(_ segment: Segment, groups: LineGroups, in document: inout Document) -> NodeID {
        let columns = segment.alignments.count
        let table = document.makeNode(.block(.table(alignments: segment.alignments)),
                                      range: span(of: lines[segment.header], through: lines[segment.last]))
        let head = document.append(.block(.tableHead), range: span(of: lines[segment.header], through: lines[segment.header]),
                                   to: table)
        fill(head, line: lines[segment.header], nodes: groups.nodes[segment.header],
             lineBreak: groups.breaks[segment.header], columns: columns, in: &document)
        for index in stride(from: segment.header + 2, through: segment.last, by: 1) {
            let row = document.append(.block(.tableRow), range: span(of: lines[index], through: lines[index]), to: table)
            fill(row, line: lines[index], nodes: groups.nodes[index], lineBreak: groups.breaks[index],
                 columns: columns, in: &document)
        }
        return table
    }

    /// The first line from `start` on that is a delimiter row under a header row of as many
    /// cells, and its alignments. It is a row of the paragraph, not lazy,
    /// and not indented as code, or cmark-gfm would not look at it.
    func delimiterRow(from start: Int) -> (Int, [TableAlignment])? {
        guard start + 1 < lines.count else { return nil }
        for index in (start + 1)..<lines.count {
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
    func interruption(by line: TableLine) -> Interruption? {
        if line.isLazy { return .lazy }
        if line.indent >= 4 { return .indentedCode }
        if line.startsListItem { return .listItem }
        if line.startsHTMLBlock { return .htmlBlock }
        return nil
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

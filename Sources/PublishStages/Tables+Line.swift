import PublishAST

/// One line of a paragraph as the source has it: from the first character of
/// its content (after block quote markers and indentation) to the end of the
/// line, with what a table needs to know about it.
struct TableLine {
    /// The file line.
    let number: Int
    /// The column of the content's first byte.
    let start: Int
    /// The content, trailing whitespace removed.
    let bytes: [UInt8]
    /// The content with its trailing whitespace.
    let raw: [UInt8]
    /// Whether the line ends in a backslash hard break.
    let endsWithBackslash: Bool
    /// Whether the line leaves a container the paragraph is in, and so
    /// continues the paragraph only as a lazy continuation line.
    let isLazy: Bool
    /// How many block quote markers come before the content.
    let quotes: Int
    /// Columns of indentation past the innermost container's content column.
    let indent: Int
    /// The columns of the pipes that separate cells: every `|` not right
    /// after a backslash, even in what will be a code span.
    let pipes: [Int]

    init(number: Int, start: Int, bytes: ArraySlice<UInt8>, isLazy: Bool, quotes: Int, indent: Int) {
        self.number = number
        self.start = start
        raw = Array(bytes)
        endsWithBackslash = bytes.last == UInt8(ascii: "\\")
        var end = bytes.endIndex
        while end > bytes.startIndex, Self.isSpace(bytes[end - 1]) { end -= 1 }
        self.bytes = Array(bytes[bytes.startIndex..<end])
        self.isLazy = isLazy
        self.quotes = quotes
        self.indent = indent
        var pipes: [Int] = []
        for (offset, byte) in self.bytes.enumerated()
        where byte == UInt8(ascii: "|") && (offset == 0 || self.bytes[offset - 1] != UInt8(ascii: "\\")) {
            pipes.append(start + offset)
        }
        self.pipes = pipes
    }

    /// The column of the content's last byte.
    var end: Int { start + bytes.count - 1 }

    /// The byte at `column`, if the content has one there.
    func byte(at column: Int) -> UInt8? {
        let offset = column - start
        return offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// The content between two columns, inclusive.
    func text(from: Int, to: Int) -> String {
        let lower = max(from - start, 0), upper = min(to - start + 1, bytes.count)
        return lower < upper ? String(decoding: bytes[lower..<upper], as: UTF8.self) : ""
    }

    /// Whether a leading pipe opens the row; it does not open a cell.
    var hasLeadingPipe: Bool { pipes.first == start }

    /// The cells of the line read as a row, each as the columns between its
    /// pipes (empty when two pipes touch): a leading pipe opens no cell, and
    /// a trailing pipe closes the last one.
    var cells: [ClosedRange<Int>?] {
        var bounds = [start - 1] + pipes + [end + 1]
        if hasLeadingPipe { bounds.removeFirst() }
        var cells: [ClosedRange<Int>?] = []
        for index in 0..<(bounds.count - 1) {
            let from = bounds[index] + 1, to = bounds[index + 1] - 1
            cells.append(from <= to ? from...to : nil)
        }
        // Only a pipe ends the content now that trailing whitespace is gone.
        if !pipes.isEmpty, cells.last == .some(nil), pipes.last == end { cells.removeLast() }
        return cells
    }

    /// The cell a column falls in, counted as `cells` counts them.
    func cellIndex(of column: Int) -> Int {
        var low = 0, high = pipes.count
        while low < high {
            let middle = (low + high) / 2
            if pipes[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low - (hasLeadingPipe ? 1 : 0)
    }

    /// How many cell-separating pipes lie in `columns`.
    func pipeCount(in columns: ClosedRange<Int>) -> Int {
        pipeIndices(in: columns).count
    }

    /// The indices in `pipes` of the pipes in `columns`.
    func pipeIndices(in columns: ClosedRange<Int>) -> Range<Int> {
        let leading = hasLeadingPipe ? 1 : 0
        return (cellIndex(of: columns.lowerBound) + leading)..<(cellIndex(of: columns.upperBound + 1) + leading)
    }

    /// Whether the line is only `=` or only `-`, under a setext heading.
    var isSetextUnderline: Bool {
        guard let first = bytes.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return false }
        return indent < 4 && bytes.allSatisfy { $0 == first }
    }

    /// The alignments of a delimiter row (`| :-- | :-: | --: |`), or nil when
    /// the line is not one. Each cell is dashes with an optional colon at
    /// either end, spaces around; pipes at the ends are optional.
    var delimiterAlignments: [TableAlignment]? {
        var alignments: [TableAlignment] = []
        var index = 0
        if bytes.first == UInt8(ascii: "|") { index = 1 }
        while true {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            let left = index < bytes.count && bytes[index] == UInt8(ascii: ":")
            if left { index += 1 }
            let dashes = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index > dashes else { return nil }
            let right = index < bytes.count && bytes[index] == UInt8(ascii: ":")
            if right { index += 1 }
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            switch (left, right) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
            if index == bytes.count { return alignments }
            guard bytes[index] == UInt8(ascii: "|") else { return nil }
            index += 1
            if index == bytes.count { return alignments }
        }
    }

    static func isSpace(scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isSpace(UInt8(scalar.value))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x0A
    }
}

import PublishAST

/// Lines a text node's characters up with the source, to tell which were
/// written as themselves and which stood for a backslash escape or an
/// entity (`\~`, `&#126;`): libcmark merges them all into one text.
struct SourceAlignment {
    let source: SourceLines
    /// Lines already decoded, so many text nodes on one long line cost one decoding.
    private var lines: [Int: Line] = [:]

    private struct Line {
        var scalars: [Unicode.Scalar]
        /// The index in `scalars` of the scalar at each byte column less one.
        var scalarAtByte: [Int]
    }

    init(source: SourceLines) {
        self.source = source
    }

    /// For each scalar of `text`, whether the source has it as itself.
    /// When the source cannot be lined up (no source, a range cmark got
    /// wrong), every scalar counts as written.
    mutating func writtenAsIs(_ text: [Unicode.Scalar], at range: SourceRange) -> [Bool] {
        if range.isKnown, !text.isEmpty, let line = line(range.start.line) {
            let start = line.scalarAtByte[min(max(range.start.column - 1, 0), line.scalarAtByte.count - 1)]
            for candidate in Self.candidates(around: start, in: line.scalars, for: text[0])
            where !Self.isEscaped(candidate, in: line.scalars) {
                if let written = Self.align(text, with: line.scalars[candidate...]) { return written }
            }
        }
        return [Bool](repeating: true, count: text.count)
    }

    /// Where in the line the text may start: cmark's column first, then past
    /// the blanks after it, then nearby. cmark counts a continuation line's
    /// columns from the paragraph's indentation, not the line's, so the
    /// column of a text on such a line can be off by a few bytes.
    private static func candidates(around start: Int, in line: [Unicode.Scalar],
                                   for first: Unicode.Scalar) -> [Int] {
        var candidates = [start]
        var afterBlanks = start
        while afterBlanks < line.count, line[afterBlanks] == " " || line[afterBlanks] == "\t" { afterBlanks += 1 }
        if afterBlanks != start { candidates.append(afterBlanks) }
        for distance in 1...nearby {
            for position in [start - distance, start + distance] where position >= 0 && position < line.count
                && (line[position] == first || line[position] == "\\" || line[position] == "&") {
                candidates.append(position)
            }
        }
        return candidates
    }

    /// Whether the character at `position` is the second of a backslash
    /// escape, where no text can start.
    private static func isEscaped(_ position: Int, in line: [Unicode.Scalar]) -> Bool {
        guard position < line.count, Flanking.asciiPunctuation.contains(line[position]) else { return false }
        var backslashes = 0
        while position - backslashes > 0, line[position - backslashes - 1] == "\\" { backslashes += 1 }
        return backslashes % 2 == 1
    }

    /// How far from cmark's column a text is looked for, in characters.
    private static let nearby = 32

    private mutating func line(_ number: Int) -> Line? {
        if let line = lines[number] { return line }
        guard let text = source.line(number) else { return nil }
        var line = Line(scalars: [], scalarAtByte: [])
        for scalar in text.unicodeScalars {
            for _ in 0..<UTF8.width(scalar) { line.scalarAtByte.append(line.scalars.count) }
            line.scalars.append(scalar)
        }
        line.scalarAtByte.append(line.scalars.count)
        lines[number] = line
        return line
    }

    private static func align(_ text: [Unicode.Scalar], with source: ArraySlice<Unicode.Scalar>) -> [Bool]? {
        var written: [Bool] = []
        written.reserveCapacity(text.count)
        var position = source.startIndex
        var index = 0
        while index < text.count {
            guard position < source.endIndex else { return nil }
            let scalar = source[position]
            if scalar == "\\", position + 1 < source.endIndex, source[position + 1] == text[index],
               Flanking.asciiPunctuation.contains(text[index]) {
                written.append(false)
                index += 1
                position += 2
            } else if scalar == "&", let length = entityLength(source[position...]),
                      !text[index...].starts(with: source[position..<(position + length)]) {
                position += length
                // An entity stands for one or two characters.
                var count = 1
                if index + 2 < text.count, position < source.endIndex,
                   text[index + 1] != source[position], text[index + 2] == source[position] {
                    count = 2
                }
                for _ in 0..<count { written.append(false) }
                index += count
            } else if scalar == text[index] {
                written.append(true)
                index += 1
                position += 1
            } else {
                return nil
            }
        }
        return written
    }

    /// The length of `&name;`, `&#123;` or `&#x7B;` at the start, if it is one.
    private static func entityLength(_ source: ArraySlice<Unicode.Scalar>) -> Int? {
        var length = 1
        var sawCharacter = false
        for scalar in source.dropFirst() {
            length += 1
            if scalar == ";" { return sawCharacter ? length : nil }
            guard length <= 34, scalar.isASCII,
                  scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            sawCharacter = true
        }
        return nil
    }
}

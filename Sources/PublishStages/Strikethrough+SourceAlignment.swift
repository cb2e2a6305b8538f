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
        if range.isKnown, let line = line(range.start.line), range.start.column >= 1,
           range.start.column - 1 < line.scalarAtByte.count {
            let rest = line.scalars[line.scalarAtByte[range.start.column - 1]...]
            if let written = Self.align(text, with: rest) { return written }
            // cmark starts a continuation line's text before its indentation.
            let indent = rest.prefix { $0 == " " || $0 == "\t" }.count
            if indent > 0, let written = Self.align(text, with: rest.dropFirst(indent)) { return written }
        }
        return [Bool](repeating: true, count: text.count)
    }

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

import PublishAST

/// Where each byte of a run of text was written in the source, so a link
/// made from part of the run gets a range. cmark gives a text node's start;
/// walking its line from there past backslash escapes and entities lines
/// the node's bytes up with source columns.
struct RunPlaces {
    /// The first and last source column of the syntax a byte came from.
    private struct Place {
        var line: Int
        var first: Int
        var last: Int
    }

    private let source: SourceLines
    private var places: [Place?] = []
    private var lineNumber = 0
    private var line: [UInt8] = []

    init(source: SourceLines) {
        self.source = source
    }

    /// Forgets the last run's bytes, keeping the line last read.
    mutating func removeAll() {
        places.removeAll(keepingCapacity: true)
    }

    /// Adds the bytes of the run's next text node, which cmark says starts at `start`.
    mutating func add(_ text: [UInt8], startingAt start: SourcePosition) {
        let base = places.count
        places += repeatElement(nil, count: text.count)
        guard start.isKnown, let line = load(start.line) else { return }
        var index = 0, column = start.column - 1
        while index < text.count && column >= 0 && column < line.count {
            let byte = line[column]
            if byte == UInt8(ascii: "&"), let end = Self.entityEnd(in: line, at: column),
               !line[column...end].elementsEqual(text[index...].prefix(end - column + 1)) {
                let count = Self.scalarLength(text[index])
                for offset in index ..< min(index + count, text.count) {
                    places[base + offset] = Place(line: start.line, first: column + 1, last: end + 1)
                }
                index += count
                column = end + 1
            } else if byte == UInt8(ascii: "\\"), column + 1 < line.count, line[column + 1] == text[index],
                      Self.isEscapable(text[index]) {
                places[base + index] = Place(line: start.line, first: column + 1, last: column + 2)
                index += 1
                column += 2
            } else if byte == text[index] {
                places[base + index] = Place(line: start.line, first: column + 1, last: column + 1)
                index += 1
                column += 1
            } else {
                return
            }
        }
    }

    /// The source range of the run's bytes `span`, when both ends are known
    /// and on one line.
    func range(of span: Range<Int>) -> SourceRange {
        guard let first = places[span.lowerBound], let last = places[span.upperBound - 1],
              first.line == last.line else { return .unknown }
        return SourceRange(startLine: first.line, startColumn: first.first, endLine: last.line, endColumn: last.last)
    }

    private mutating func load(_ number: Int) -> [UInt8]? {
        if number != lineNumber {
            guard let text = source.line(number) else { return nil }
            lineNumber = number
            line = Array(text.utf8)
        }
        return line
    }

    /// The offset of the `;` closing an entity reference at `start`.
    private static func entityEnd(in line: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        let numeric = index < line.count && line[index] == UInt8(ascii: "#")
        if numeric { index += 1 }
        let bodyStart = index
        while index < line.count && index - bodyStart < 32 && AutolinkBytes.isAlphanumeric(line[index]) { index += 1 }
        guard index > bodyStart, index < line.count, line[index] == UInt8(ascii: ";") else { return nil }
        return index
    }

    private static func isEscapable(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte)
            || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}

import PublishAST

/// Blocks that cmark-gfm starts in the middle of a table but libcmark does
/// not start in the middle of a paragraph.
extension TableLine {
    /// An empty list item (`-`, `3.`) or an ordered one not numbered 1.
    var startsListItem: Bool {
        var index = 0
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            index = 1
        } else {
            while index < bytes.count, index < 10, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard (1...9).contains(index), index < bytes.count,
                  bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
            index += 1
        }
        return index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09
    }

    /// A line that is one whole opening or closing HTML tag (CommonMark's
    /// seventh kind of HTML block).
    var startsHTMLBlock: Bool {
        var scanner = TagScanner(bytes: bytes)
        return scanner.scanTag() && scanner.index == bytes.count
    }
}

/// Reads one HTML tag as CommonMark defines it.
private struct TagScanner {
    let bytes: [UInt8]
    var index = 0

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard current == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func takeWhile(_ predicate: (UInt8) -> Bool) -> Int {
        let start = index
        while let byte = current, predicate(byte) { index += 1 }
        return index - start
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }

    mutating func scanTag() -> Bool {
        guard take("<") else { return false }
        let closing = take("/")
        guard let first = current, Self.isLetter(first) else { return false }
        _ = takeWhile { Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "-") }
        if closing {
            _ = takeWhile(Self.isSpace)
            return take(">")
        }
        while true {
            let spaces = takeWhile(Self.isSpace)
            if take(">") { break }
            if take("/") { guard take(">") else { return false }; break }
            guard spaces > 0, scanAttribute() else { return false }
        }
        _ = takeWhile(Self.isSpace)
        return true
    }

    mutating func scanAttribute() -> Bool {
        guard let first = current, Self.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else {
            return false
        }
        _ = takeWhile { Self.isLetter($0) || Self.isDigit($0) || "_.:-".utf8.contains($0) }
        let save = index
        _ = takeWhile(Self.isSpace)
        guard take("=") else {
            index = save
            return true
        }
        _ = takeWhile(Self.isSpace)
        if take("\"") {
            _ = takeWhile { $0 != UInt8(ascii: "\"") }
            return take("\"")
        }
        if take("'") {
            _ = takeWhile { $0 != UInt8(ascii: "'") }
            return take("'")
        }
        return takeWhile { !Self.isSpace($0) && !"\"'=<>`".utf8.contains($0) } > 0
    }
}

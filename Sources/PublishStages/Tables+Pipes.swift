import PublishAST

extension TableBuilder {
    /// What a `|` in a text node's text was in the source.
    enum Pipe {
        /// A pipe that separates cells.
        case separator
        /// Written `\\|`: libcmark kept a backslash before it that cmark-gfm
        /// does not, and it separates nothing.
        case afterBackslash
        /// Written `\|` or as an entity such as `&#124;`.
        case literal
    }

    /// A text node's text cut at the separating pipes of its source. The
    /// k-th `|` of the text is the k-th pipe of the source, whether bare,
    /// escaped or an entity. Nil when the text and its source do not match.
    static func cut(_ text: String, line: TableLine, columns: ClosedRange<Int>) -> [String]? {
        let kinds = pipes(of: line, in: columns)
        var pieces: [[UInt8]] = [[]]
        var next = 0
        for byte in text.utf8 {
            guard byte == UInt8(ascii: "|") else {
                pieces[pieces.count - 1].append(byte)
                continue
            }
            guard next < kinds.count else { return nil }
            switch kinds[next] {
            case .separator:
                pieces.append([])
            case .afterBackslash:
                if pieces[pieces.count - 1].last == UInt8(ascii: "\\") { pieces[pieces.count - 1].removeLast() }
                pieces[pieces.count - 1].append(byte)
            case .literal:
                pieces[pieces.count - 1].append(byte)
            }
            next += 1
        }
        guard next == kinds.count else { return nil }
        return pieces.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The pipes a text node's source gives its text, in order.
    static func pipes(of line: TableLine, in columns: ClosedRange<Int>) -> [Pipe] {
        var kinds: [Pipe] = []
        var column = columns.lowerBound
        while column <= columns.upperBound, let byte = line.byte(at: column) {
            switch byte {
            case UInt8(ascii: "\\"):
                guard column < columns.upperBound, let next = line.byte(at: column + 1), next.isASCIIPunctuation else {
                    column += 1
                    continue
                }
                if next == UInt8(ascii: "|") { kinds.append(.literal) }
                column += 2
            case UInt8(ascii: "|"):
                kinds.append(line.byte(at: column - 1) == UInt8(ascii: "\\") ? .afterBackslash : .separator)
                column += 1
            case UInt8(ascii: "&"):
                if let length = pipeEntityLength(line, at: column) {
                    kinds.append(.literal)
                    column += length
                } else {
                    column += 1
                }
            default:
                column += 1
            }
        }
        return kinds
    }

    /// The length of an entity for `|` at `column`: `&#124;`, `&#x7c;`,
    /// `&vert;`, `&verbar;` or `&VerticalLine;`.
    static func pipeEntityLength(_ line: TableLine, at column: Int) -> Int? {
        var name: [UInt8] = []
        var end = column + 1
        while let byte = line.byte(at: end), byte != UInt8(ascii: ";") {
            guard name.count < 32 else { return nil }
            name.append(byte)
            end += 1
        }
        guard line.byte(at: end) == UInt8(ascii: ";") else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        let length = name.count + 2
        switch text {
        case "vert", "verbar", "VerticalLine":
            return length
        default:
            break
        }
        if text.hasPrefix("#x") || text.hasPrefix("#X") {
            let digits = text.dropFirst(2)
            return (1...6).contains(digits.count) && Int(digits, radix: 16) == 0x7C ? length : nil
        }
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            return (1...7).contains(digits.count) && digits.allSatisfy(\.isASCII) && Int(digits) == 124 ? length : nil
        }
        return nil
    }
}

extension UInt8 {
    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self)
            || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
}

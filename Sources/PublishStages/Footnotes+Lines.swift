import PublishAST

/// Reading definition lines in the source, where the tree has lost them.
extension SourceLines {
    /// The text of file line `number` after the marks of the containers it
    /// sits in: indentation, `>`, and on an item's first line its marker.
    func content(ofLine number: Int, afterListMarker: Bool) -> (text: Substring, column: Int)? {
        guard let line = line(number) else { return nil }
        var rest = line[...]
        while true {
            let trimmed = rest.drop { $0 == " " || $0 == "\t" }
            if trimmed.first == ">" {
                rest = trimmed.dropFirst()
            } else if afterListMarker, let marker = Self.listMarkerLength(trimmed) {
                rest = trimmed.dropFirst(marker)
            } else {
                rest = trimmed
                break
            }
        }
        return (rest, line.utf8.distance(from: line.startIndex, to: rest.startIndex) + 1)
    }

    /// The length of a list marker and the space after it at the start of `text`.
    private static func listMarkerLength(_ text: Substring) -> Int? {
        let utf8 = Array(text.utf8.prefix(11))
        var length = 0
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            length = 1
        } else {
            while length < utf8.count, length < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[length]) {
                length += 1
            }
            guard length > 0, length < utf8.count,
                  utf8[length] == UInt8(ascii: ".") || utf8[length] == UInt8(ascii: ")") else { return nil }
            length += 1
        }
        guard length == utf8.count || utf8[length] == UInt8(ascii: " ") || utf8[length] == UInt8(ascii: "\t") else {
            return nil
        }
        return length
    }

    /// File line `number` with `quotes` block quote marks taken off the
    /// front, then up to `indent` columns of indentation.
    func dedented(line number: Int, quotes: Int, indent: Int) -> Substring {
        var rest = line(number) ?? ""
        for _ in 0..<quotes {
            let trimmed = rest.drop { $0 == " " }
            guard trimmed.first == ">" else { break }
            rest = trimmed.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
        }
        var column = 0
        while column < indent, let first = rest.first, first == " " || first == "\t" {
            column += first == "\t" ? 4 - column % 4 : 1
            rest = rest.dropFirst()
        }
        return rest
    }
}

/// How a line of a definition starts.
enum DefinitionLine {
    /// `[^label]:` and the text after it.
    case footnote(label: String, text: Substring)
    /// Another line starting with `[`: a link reference definition.
    case link
    case blank
    case other

    init(_ text: Substring) {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty {
            self = .blank
            return
        }
        let scalars = Array(trimmed.unicodeScalars.prefix(1003))
        if let (label, end) = Footnotes.label(in: scalars, at: 0), end < scalars.count, scalars[end] == ":" {
            let rest = trimmed.unicodeScalars.dropFirst(end + 1)
            self = .footnote(label: label, text: Substring(rest).drop { $0 == " " || $0 == "\t" })
        } else if trimmed.first == "[" {
            self = .link
        } else {
            self = .other
        }
    }
}

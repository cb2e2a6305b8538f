import PublishAST

/// Blocks for definition text that libcmark read as something else
/// (consumed lines, an indented code block). Only what a note commonly holds
/// is told apart: paragraphs, indented code, block quotes of one paragraph;
/// inline text is kept plain.
enum FootnoteBlocks {
    /// A line of text and its file line, 0 when it is not the source's.
    struct Line {
        var text: Substring
        var number: Int
    }

    static func append(lines: [Line], to parent: NodeID, in document: inout Document) {
        var index = 0
        while index < lines.count {
            if isBlank(lines[index].text) {
                index += 1
                continue
            }
            if indentation(of: lines[index].text) >= 4 {
                var code: [Substring] = []
                var end = index
                while end < lines.count, isBlank(lines[end].text) || indentation(of: lines[end].text) >= 4 {
                    code.append(dropIndentation(lines[end].text, columns: 4))
                    end += 1
                }
                while let last = code.last, isBlank(last) { code.removeLast() }
                index += code.count
                let text = code.map { String($0) }.joined(separator: "\n") + "\n"
                document.append(.block(.codeBlock(info: "", code: text)), to: parent)
                continue
            }
            var chunk: [Line] = []
            while index < lines.count, !isBlank(lines[index].text) {
                chunk.append(lines[index])
                index += 1
            }
            let first = chunk[0].text.drop { $0 == " " }
            if first.first == ">" {
                let quote = document.append(.block(.blockQuote), to: parent)
                appendParagraph(chunk.map { Line(text: unquoted($0.text), number: $0.number) }, to: quote, in: &document)
            } else {
                appendParagraph(chunk, to: parent, in: &document)
            }
        }
    }

    /// A paragraph of lines, softly broken.
    static func appendParagraph(_ lines: [Line], to parent: NodeID, in document: inout Document) {
        let paragraph = document.append(.block(.paragraph), to: parent)
        appendText(lines, to: paragraph, in: &document)
    }

    static func appendText(_ lines: [Line], to paragraph: NodeID, in document: inout Document) {
        for (index, line) in lines.enumerated() {
            if index > 0 { document.append(.inline(.softBreak), to: paragraph) }
            var text = line.text.drop { $0 == " " || $0 == "\t" }
            while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
            FootnoteInlines.append(text, line: line.number, to: paragraph, in: &document)
        }
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func indentation(of line: Substring) -> Int {
        var column = 0
        for character in line {
            if character == " " { column += 1 } else if character == "\t" { column += 4 - column % 4 } else { break }
        }
        return column
    }

    static func dropIndentation(_ line: Substring, columns: Int) -> Substring {
        var rest = line
        var column = 0
        while column < columns, let first = rest.first, first == " " || first == "\t" {
            column += first == "\t" ? 4 - column % 4 : 1
            rest = rest.dropFirst()
        }
        return rest
    }

    private static func unquoted(_ line: Substring) -> Substring {
        var rest = line.drop { $0 == " " }
        guard rest.first == ">" else { return rest }
        rest = rest.dropFirst()
        return rest.first == " " ? rest.dropFirst() : rest
    }
}

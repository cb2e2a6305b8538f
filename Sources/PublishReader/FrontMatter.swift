import PublishAST

/// A file split into its YAML front matter and its Markdown body, the way
/// Jekyll splits it: the first line is `---`, and the block ends at the next
/// line that is `---` or `...` (trailing blanks allowed on both).
struct FrontMatter {
    /// The YAML between the delimiters; nil when the file has no front matter.
    var yaml: Substring?
    var body: Substring
    /// The number of lines before the body: add it to a body line number to
    /// get the file's line number.
    var bodyLineOffset: Int
    /// True when a first line `---` was never closed, so the whole file was
    /// read as Markdown.
    var isUnclosed = false

    /// Scans the text's bytes line by line and stops at the closing
    /// delimiter, so a file without front matter costs one line, not a
    /// split of the whole file.
    init(splitting text: String) {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var firstLineEnd = utf8.startIndex
        var lineNumber = 0
        var index = utf8.startIndex
        while true {
            let atEnd = index == utf8.endIndex
            let byte = atEnd ? 0 : utf8[index]
            // A line ends at every `\n`, a CRLF one included (a file saved on
            // Windows); the delimiter test ignores the `\r` before it.
            if atEnd || byte == UInt8(ascii: "\n") {
                lineNumber += 1
                let line = text[lineStart..<index]
                if lineNumber == 1 {
                    guard FrontMatter.isDelimiter(line, allowingDots: false) else {
                        self.init(yaml: nil, body: text[...], bodyLineOffset: 0)
                        return
                    }
                    firstLineEnd = index
                } else if FrontMatter.isDelimiter(line, allowingDots: true) {
                    let yamlStart = utf8.index(after: firstLineEnd)
                    let bodyStart = atEnd ? text.endIndex : utf8.index(after: index)
                    self.init(yaml: text[yamlStart..<lineStart], body: text[bodyStart...], bodyLineOffset: lineNumber)
                    return
                }
                if atEnd { break }
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        self.init(yaml: nil, body: text[...], bodyLineOffset: 0)
        isUnclosed = true
    }

    /// A file with no front matter.
    init(body text: String) {
        self.init(yaml: nil, body: text[...], bodyLineOffset: 0)
    }

    private init(yaml: Substring?, body: Substring, bodyLineOffset: Int) {
        self.yaml = yaml
        self.body = body
        self.bodyLineOffset = bodyLineOffset
    }

    /// `---` (or `...`) with trailing blanks, compared byte by byte.
    private static func isDelimiter(_ line: Substring, allowingDots: Bool) -> Bool {
        var content = line.utf8[...]
        while let last = content.last,
              last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            content.removeLast()
        }
        return content.elementsEqual("---".utf8) || (allowingDots && content.elementsEqual("...".utf8))
    }
}

extension MarkdownReader {
    /// Where the value of the top-level key `key` starts in a file's front
    /// matter (1-based line and column), for an error about that value found
    /// after reading, such as a permalink two files share. Nil when the file
    /// has no front matter or the key is not written at the start of a line.
    public static func position(ofFrontMatterKey key: String, in text: String) -> SourcePosition? {
        let split = FrontMatter(splitting: text)
        guard let yaml = split.yaml else { return nil }
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for quote in ["", "\"", "'"] where line.hasPrefix(quote + key + quote) {
                var rest = line.dropFirst(quote.count * 2 + key.count)
                guard rest.first == ":" || rest.first == " " else { continue }
                while rest.first == " " { rest = rest.dropFirst() }
                guard rest.first == ":" else { continue }
                rest = rest.dropFirst()
                while rest.first == " " { rest = rest.dropFirst() }
                // The delimiter is line 1; columns count bytes, as elsewhere.
                let column = line.utf8.distance(from: line.startIndex, to: rest.startIndex) + 1
                return SourcePosition(line: offset + 2, column: column)
            }
        }
        return nil
    }
}

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

    init(splitting text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, FrontMatter.isDelimiter(first, allowingDots: false) else {
            self.init(yaml: nil, body: text[...], bodyLineOffset: 0)
            return
        }
        lines.removeFirst()
        var lineNumber = 1
        for line in lines {
            lineNumber += 1
            if FrontMatter.isDelimiter(line, allowingDots: true) {
                let yamlStart = text.index(after: first.endIndex)
                let yaml = text[yamlStart..<line.startIndex]
                let bodyStart = line.endIndex < text.endIndex ? text.index(after: line.endIndex) : text.endIndex
                self.init(yaml: yaml, body: text[bodyStart...], bodyLineOffset: lineNumber)
                return
            }
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

    private static func isDelimiter(_ line: Substring, allowingDots: Bool) -> Bool {
        var content = line
        while let last = content.last, last == " " || last == "\t" || last == "\r" { content.removeLast() }
        return content == "---" || (allowingDots && content == "...")
    }
}

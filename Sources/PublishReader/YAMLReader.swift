import PublishAST

/// Reads a YAML file that is not front matter (a pipeline file, say) into a
/// typed value, with the same located errors and the same guards against
/// hostile nesting and alias expansion.
public enum YAMLReader {
    /// - Parameter subject: what the file is, in messages ("pipeline file").
    /// - Throws: a `Diagnostic` at the line and column of the fault.
    public static func read(_ text: String, path: String, subject: String) throws -> YAMLValue {
        var parser = FrontMatterParser(path: path, firstLine: 1, yaml: text[...])
        parser.subject = subject
        return try parser.parseValue()
    }

    /// A YAML file's value and where each mapping key was written, by its
    /// dotted path (`outputs.html.paginate`, `stages[1]`).
    public struct Located: Sendable {
        public var value: YAMLValue
        public var keys: [String: SourceLocation]
    }

    public static func readLocated(_ text: String, path: String, subject: String) throws -> Located {
        var parser = FrontMatterParser(path: path, firstLine: 1, yaml: text[...])
        parser.subject = subject
        var keys: [String: SourceLocation]? = [:]
        let value = try parser.parseValue(keys: &keys)
        return Located(value: value, keys: keys ?? [:])
    }
}

extension YAMLReader {
    /// A file cut as Jekyll cuts it (a first line `---`, up to the next `---`
    /// or `...`): its front matter's value, nil when it has none, and the
    /// text after it, which starts at file line `bodyLine`.
    public struct Split: Sendable {
        public var frontMatter: YAMLValue?
        public var body: Substring
        public var bodyLine: Int
    }

    /// - Throws: a `Diagnostic` at the line and column of a YAML fault.
    public static func split(_ text: String, path: String) throws -> Split {
        let cut = FrontMatter(splitting: text)
        guard let yaml = cut.yaml, !cut.isUnclosed else { return Split(frontMatter: nil, body: cut.body, bodyLine: 1) }
        var parser = FrontMatterParser(path: path, firstLine: 2, yaml: yaml)
        parser.subject = "front matter"
        let value = try parser.parseValue()
        // Jekyll's pattern for the closing line (`---\s*$\n?`) also takes
        // the blank lines after it.
        var body = cut.body
        var line = cut.bodyLineOffset + 1
        while let end = body.firstIndex(of: "\n"), body[..<end].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            body = body[body.index(after: end)...]
            line += 1
        }
        return Split(frontMatter: value, body: body, bodyLine: line)
    }
}

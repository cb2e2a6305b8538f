import PublishAST

/// Reads a post or page: front matter, the conventions of its file name,
/// and the Markdown body, into a `Document`.
public struct MarkdownReader: Sendable {
    /// Whether a leading `---` block is YAML front matter. Off, the file is
    /// read as strict CommonMark, where `---` is a thematic break.
    public var readsFrontMatter: Bool
    /// Curly quotes, dashes and ellipses from their plain spellings, as
    /// Jekyll's kramdown writes them.
    public var smartPunctuation: Bool

    public init(readsFrontMatter: Bool = true, smartPunctuation: Bool = false) {
        self.readsFrontMatter = readsFrontMatter
        self.smartPunctuation = smartPunctuation
    }

    /// What reading a file gave: the document and any warnings.
    public struct Result: Sendable {
        public var document: Document
        public var warnings: [Diagnostic]
        /// The Markdown body by file line, for stages that read what the
        /// tree does not keep.
        public var source: SourceLines
    }

    /// Rewrites a file's Markdown body before it is parsed, knowing its
    /// metadata and the file line the body starts on: how Liquid is
    /// expanded. It must keep the body's line breaks where they are.
    public typealias BodyFilter = @Sendable (_ body: Substring, _ firstLine: Int, _ metadata: Metadata) throws
        -> (body: String, diagnostics: [Diagnostic])

    /// Reads `bytes`, named `path` in diagnostics (nil for standard input).
    ///
    /// - Throws: a `Diagnostic` located in the file when the front matter is
    ///   not valid YAML or a known key has a value of the wrong kind.
    public func read(_ bytes: [UInt8], path: String? = nil, filter: BodyFilter? = nil) throws -> Result {
        let text = SourceText(bytes).text
        let split = readsFrontMatter ? FrontMatter(splitting: text) : FrontMatter(body: text)
        let name = path ?? "<stdin>"
        var warnings: [Diagnostic] = []
        var metadata = Metadata()
        if let yaml = split.yaml {
            metadata = try FrontMatterParser(path: name, firstLine: 2, yaml: yaml).parse()
        } else if split.isUnclosed {
            warnings.append(.warning("`---` on line 1 opens front matter that is never closed; reading the file as Markdown",
                                     at: SourceLocation(path: name, line: 1, column: 1)))
        }
        if let path, let fileName = PostFileName(path: path) {
            if metadata.date == nil { metadata.date = fileName.date }
            if metadata.slug == nil { metadata.slug = fileName.slug }
        }
        var body = split.body
        if let filter {
            let filtered = try filter(split.body, split.bodyLineOffset + 1, metadata)
            body = filtered.body[...]
            warnings += filtered.diagnostics
        }
        var document = Document(path: path, metadata: metadata)
        CMarkParser.parse(body, into: &document, lineOffset: split.bodyLineOffset, smart: smartPunctuation)
        return Result(document: document, warnings: warnings, source: SourceLines(body, firstLine: split.bodyLineOffset + 1))
    }
}

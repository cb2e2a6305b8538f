import PublishAST
import PublishDefaults
import PublishReader
import PublishStages

/// The `markdown` and `stages` sections of a pipeline file: how a post's
/// Markdown is read and which stages then run over it.
public struct MarkdownPipeline: Sendable {
    public enum Dialect: String, Sendable, CaseIterable {
        /// GitHub Flavored Markdown: the listed stages run.
        case gfm
        /// Strict CommonMark: no front matter, no stages.
        case commonmark
    }

    public var dialect: Dialect
    public var stages: StageList

    public init(dialect: Dialect, stages: StageList) {
        self.dialect = dialect
        self.stages = dialect == .gfm ? stages : StageList()
    }

    /// Reads the two sections from a pipeline file's text.
    public init(yaml text: String, path: String) throws {
        let root = try YAMLReader.read(text, path: path, subject: "pipeline file")
        guard case .mapping(let file) = root else {
            throw Diagnostic.error("a pipeline file is a mapping of sections", at: SourceLocation(path: path, line: 1, column: 1))
        }
        var dialect = Dialect.gfm
        if case .mapping(let markdown)? = file["markdown"], let value = markdown["dialect"] {
            guard let name = value.scalarText, let chosen = Dialect(rawValue: name) else {
                throw Diagnostic.error("`markdown.dialect` is one of: gfm, commonmark", at: SourceLocation(path: path, position: .unknown))
            }
            dialect = chosen
        }
        do {
            self.init(dialect: dialect, stages: try file["stages"].map(StageList.init(yaml:)) ?? StageList())
        } catch var diagnostic as Diagnostic {
            diagnostic.location = diagnostic.location ?? SourceLocation(path: path, position: .unknown)
            throw diagnostic
        }
    }

    /// The pipeline built into the binary, `pipelines/default.yml`.
    public static func builtIn() throws -> MarkdownPipeline {
        try MarkdownPipeline(yaml: Defaults.pipeline, path: "pipelines/default.yml")
    }

    /// Reads `bytes` and runs the stages.
    public func read(_ bytes: [UInt8], path: String?) throws -> MarkdownReader.Result {
        var result = try MarkdownReader(readsFrontMatter: dialect == .gfm).read(bytes, path: path)
        result.warnings += stages.run(&result.document, source: result.source)
        return result
    }
}

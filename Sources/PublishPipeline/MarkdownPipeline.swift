import Foundation
import PublishAST
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
    /// Curly quotes, dashes and ellipses, as kramdown makes them for a
    /// Jekyll site (see `Project`).
    public var smartPunctuation = false

    public init(dialect: Dialect, stages: StageList) {
        self.dialect = dialect
        self.stages = dialect == .gfm ? stages : StageList()
    }

    /// Reads the two sections of a pipeline file; external stages' commands
    /// run in `directory`, the site folder.
    ///
    /// - Throws: a `Diagnostic` located at the offending key, or a
    ///   `DiagnosticList` of several.
    public init(file: PipelineFile, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        var dialect = Dialect.gfm
        var problems: [Diagnostic] = []
        if let value = file.section("markdown")["dialect"] {
            if let name = value.scalarText, let chosen = Dialect(rawValue: name) {
                dialect = chosen
            } else {
                problems.append(.error("`markdown.dialect` is one of: gfm, commonmark", at: file.location(of: "markdown.dialect")))
            }
        }
        var stages = StageList()
        do {
            stages = try file.value["stages"].map { try StageList(yaml: $0, locations: file.keys, directory: directory) } ?? StageList()
        } catch {
            problems += Diagnostic.all(in: error).map { diagnostic in
                var located = diagnostic
                located.location = located.location ?? file.location(of: "stages")
                return located
            }
        }
        try DiagnosticList.throwIfAny(problems)
        self.init(dialect: dialect, stages: stages)
    }

    /// Reads the two sections from a pipeline file's text alone.
    public init(yaml text: String, path: String) throws {
        try self.init(file: PipelineFile(text: text, path: path, outputs: nil))
    }

    /// The pipeline built into the binary, `pipelines/default.yml`.
    public static func builtIn() throws -> MarkdownPipeline {
        try MarkdownPipeline(file: PipelineFile.builtIn())
    }

    /// Reads `bytes` and runs the stages.
    public func read(_ bytes: [UInt8], path: String?, filter: MarkdownReader.BodyFilter? = nil) throws
        -> MarkdownReader.Result {
        var result = try MarkdownReader(readsFrontMatter: dialect == .gfm, smartPunctuation: smartPunctuation)
            .read(bytes, path: path, filter: filter)
        result.warnings += stages.run(&result.document, source: result.source)
        return result
    }
}

extension MarkdownPipeline {
    /// Whether a stage runs an outside command, whose result the build
    /// cache cannot vouch for (the command may change without the pipeline
    /// file changing).
    public var runsCommands: Bool {
        stages.stages.contains { $0 is ExternalStage }
    }
}

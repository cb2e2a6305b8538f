import PublishAST
import PublishPipeline
import PublishReader
import PublishStages
import PublishWriters
import TestSupport

/// Reads `markdown` (no front matter) and runs the named stages over it, or
/// every stage of the built-in pipeline when `stages` is nil.
func staged(_ markdown: String, stages: [String]? = nil) throws -> (document: Document, warnings: [Diagnostic]) {
    let list = try stages.map { try StageList(yaml: .sequence($0.map(YAMLValue.string))) }
        ?? MarkdownPipeline.builtIn().stages
    var result = try MarkdownReader(readsFrontMatter: false).read(Array(markdown.utf8), path: "post.md")
    let warnings = list.run(&result.document, source: result.source)
    return (result.document, result.warnings + warnings)
}

/// The HTML of `markdown` after the named stages (all built-in ones when nil).
func html(_ markdown: String, stages: [String]? = nil) throws -> String {
    HTMLWriter().render(try staged(markdown, stages: stages).document)
}

/// The HTML of `markdown` after the named stages, worked out on a thread
/// with the platform's default stack: a stage that recursed once per level
/// of a deep tree would crash the run. Empty when reading fails.
func htmlOnSmallStack(_ markdown: String, stages: [String]) -> String {
    nonisolated(unsafe) var output = ""
    onSecondaryThread {
        output = (try? html(markdown, stages: stages)) ?? ""
    }
    return output
}

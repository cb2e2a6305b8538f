import ArgumentParser
import Foundation
import PublishAST
import PublishEPUB
import PublishPipeline
import PublishReader
import PublishWriters

/// `publish render [FILE] --from … --to … --raw-html …`: one file (or
/// standard input) to standard output.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown file, or standard input, to standard output.",
        discussion: """
            Front matter is allowed; `--to json` prints it as the document's metadata, \
            with the content tree, in the versioned JSON form plugins read.
            """)


    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html
        case text
        case json
        case epub

        /// The build output whose limited stages this format runs.
        var output: String? {
            switch self {
            case .html, .epub: rawValue
            case .text, .json: nil
            }
        }
    }

    enum RawHTML: String, ExpressibleByArgument, CaseIterable {
        case keep
        case known
        case escape
        case drop
    }

    @Argument(help: "The Markdown file to read; standard input when absent.")
    var file: String?

    @Option(help: ArgumentHelp(
        "The Markdown dialect: gfm (GitHub Flavored Markdown, with YAML front matter) or commonmark.",
        discussion: """
            gfm runs the stages of the pipeline (the built-in one unless --pipeline names another); \
            commonmark is the strict spec: no front matter, no stages. Default: the pipeline's dialect, gfm.
            """))
    var from: MarkdownPipeline.Dialect?

    @Option(help: ArgumentHelp(
        "A pipeline file laid over the built-in one; its `markdown` and `stages` sections apply.",
        valueName: "file"))
    var pipeline: String?

    @Option(help: "The output format.")
    var to: Format = .html

    @Option(name: .customLong("raw-html"), help: "What to do with raw HTML in the Markdown.")
    var rawHTML: RawHTML = .keep

    @Option(help: "Wrap plain text at this many columns (0: do not wrap).")
    var columns: Int = 72

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "Write to this file instead of standard output; --to epub needs it.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard columns >= 0 else { throw ValidationError("--columns must be 0 or more") }
        guard to != .epub || output != nil else {
            throw ValidationError("--to epub writes a file: name it with -o post.epub")
        }
    }

    func run() throws {
        var result: MarkdownReader.Result
        do {
            let input = try file.map(InputFile.read) ?? Array(FileHandle.standardInput.readDataToEndOfFile())
            var pipelineFile = try PipelineFile.builtIn()
            if let pipeline {
                let text = String(decoding: try InputFile.read(pipeline), as: UTF8.self)
                pipelineFile = pipelineFile.overlaid(with: try PipelineFile(text: text, path: pipeline, outputs: nil))
            }
            let declared = try MarkdownPipeline(file: pipelineFile)
            let pipeline = MarkdownPipeline(dialect: from ?? declared.dialect, stages: declared.stages)
            result = try pipeline.read(input, path: file)
            // The stages limited to the output made, after the others, as `build` runs them.
            if let output = to.output {
                result.warnings += pipeline.stages.limited(to: output).runAll(&result.document, source: result.source)
            }
        } catch let diagnostic as Diagnostic {
            Diagnostics.report(diagnostic)
            throw ExitCode.failure
        }
        // Notes (a language no lexer knows) are for a build's --verbose.
        result.warnings.filter { $0.severity != .note }.forEach(Diagnostics.report)
        let document = result.document
        let bytes: [UInt8]
        switch to {
        case .html:
            let options = HTMLOptions(rawHTML: HTMLOptions.RawHTML(rawValue: rawHTML.rawValue) ?? .keep)
            bytes = HTMLWriter(options: options).renderBytes(document)
        case .text:
            bytes = Array(TextWriter(options: TextOptions(columns: columns)).render(document).utf8)
        case .json:
            bytes = document.jsonBytes()
        case .epub:
            // A one-post book, its images found beside the post or in the site around it.
            do {
                let book = try EPUBBook.single(document: document, sourcePath: file ?? "stdin.md",
                                               folder: file.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
                book.diagnostics.forEach(Diagnostics.report)
                bytes = book.bytes
            } catch let diagnostic as Diagnostic {
                Diagnostics.report(diagnostic)
                throw ExitCode.failure
            }
        }
        guard let output else { return Output.write(bytes) }
        do {
            // Written whole or not at all: `.atomic` writes a temporary file and renames it.
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Diagnostics.report(.error("cannot write the file: \(error.localizedDescription)",
                                      at: SourceLocation(path: output, position: .unknown)))
            throw ExitCode.failure
        }
    }
}

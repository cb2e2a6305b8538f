import ArgumentParser
import Foundation
import PublishAST
import PublishLiquid
import PublishPipeline
import PublishReader

/// `publish liquid [FILE] --data FILE --includes DIR`: one Liquid template
/// rendered to standard output; `--json` serves the JSON-lines protocol of
/// the liquid-spec conformance runner.
struct LiquidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liquid",
        abstract: "Render a Liquid template, or standard input, to standard output.",
        discussion: """
            Variables come from --data (JSON, or YAML for any other file name). With --json, \
            each line of standard input is a request {"template", "environment", "filesystem", \
            "error_mode", "render_errors", "now", "timezone"} and each answer a line \
            {"output"} or {"output", "error": {"type", "message"}}.
            """)

    @Argument(help: "The template file; standard input when absent.")
    var file: String?

    @Option(help: ArgumentHelp("Variables for the template: a JSON or YAML file holding a mapping.", valueName: "file"))
    var data: String?

    @Option(help: ArgumentHelp("The folder `include` and `render` read partials from.", valueName: "folder"))
    var includes: String?

    @Option(name: .customLong("error-mode"), help: ArgumentHelp(
        "How strictly markup is parsed: lax, warn, strict or strict2.",
        discussion: "With --json: the mode used where a request asks for strict, the runner's default."))
    var errorMode: String = "strict"

    @Flag(name: .customLong("strict-variables"), help: "An undefined variable is an error.")
    var strictVariables = false

    @Flag(name: .customLong("strict-filters"), help: "An undefined filter is an error.")
    var strictFilters = false

    @Flag(help: "Serve the JSON-lines protocol on standard input and output.")
    var json = false

    func validate() throws {
        guard ErrorMode(rawValue: errorMode) != nil else {
            throw ValidationError("--error-mode takes lax, warn, strict or strict2, not \(errorMode)")
        }
    }

    func run() throws {
        let mode = ErrorMode(rawValue: errorMode) ?? .strict
        if json {
            while let line = readLine(strippingNewline: true) {
                Output.write(Array((JSONLinesRenderer.answer(line, defaultMode: mode) + "\n").utf8))
            }
            return
        }
        let path = file ?? "<stdin>"
        do {
            let source = try InputFile.text(file)
            var environment = Environment()
            if let includes { environment.fileSystem = FolderFileSystem(root: includes) }
            let template: Template
            do {
                template = try Template(source, environment: environment, errorMode: mode)
            } catch let error as LiquidError {
                throw Diagnostic.error(error.description, at: SourceLocation(path: path, line: error.line ?? 1, column: error.column ?? 1))
            }
            template.warnings.forEach {
                Diagnostics.report(.warning($0.description, at: SourceLocation(path: path, line: $0.line ?? 1, column: $0.column ?? 1)))
            }
            let context = Context(environment: environment, variables: try variables(), errorMode: mode, rendersErrors: false)
            context.strictVariables = strictVariables
            context.strictFilters = strictFilters
            do {
                Output.write(Array(try template.render(context).utf8))
            } catch let error as LiquidError {
                throw Diagnostic.error(error.description,
                                       at: SourceLocation(path: error.templateName ?? path, line: error.line ?? 1, column: 1))
            }
        } catch let diagnostic as Diagnostic {
            Diagnostics.report(diagnostic)
            throw ExitCode.failure
        }
    }

    /// The top-level variables from `--data`.
    private func variables() throws -> [String: Value] {
        guard let data else { return [:] }
        let text = String(decoding: try InputFile.read(data), as: UTF8.self)
        let value: Value
        if data.hasSuffix(".json") {
            do {
                value = try JSON.parse(text)
            } catch {
                throw Diagnostic.error("\(error)", at: SourceLocation(path: data, position: .unknown))
            }
        } else {
            value = try YAMLReader.read(text, path: data, subject: "data file").liquidValue
        }
        guard case .hash(let hash) = value else {
            throw Diagnostic.error("the data must be a mapping of names to values", at: SourceLocation(path: data, line: 1, column: 1))
        }
        return Dictionary(hash.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }
}

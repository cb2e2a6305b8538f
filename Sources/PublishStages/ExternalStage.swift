import Foundation
import PublishAST

/// A stage written in any language: a pipeline entry with a `command`.
/// The command gets the document's versioned JSON on standard input and
/// writes the new document's JSON on standard output. A non-zero exit, or
/// JSON that is not a valid document, is an error showing what it said.
///
/// ```yaml
/// stages:
///   - shout:
///       command: python3 plugins/shout.py
///       optional: true   # a missing command is a warning, not an error
/// ```
public struct ExternalStage: Stage {
    public static let name = "command"

    let stageName: String
    let command: ExternalCommand
    let optional: Bool

    public init(options: Settings) throws {
        try self.init(name: "command", options: options, directory: URL(fileURLWithPath: "."))
    }

    /// - Parameter directory: where the command runs: the site folder.
    public init(name: String, options: Settings, directory: URL) throws {
        var options = options
        stageName = name
        let text = try options.string("command", default: "")
        optional = try options.bool("optional", default: false)
        try options.finish()
        guard !text.isEmpty else { throw options.error("stage `\(name)` needs a `command`") }
        command = ExternalCommand(command: text, directory: directory)
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        let at = SourceLocation(path: document.path ?? "<stdin>", position: .unknown)
        guard command.isAvailable else {
            let message = "the command of stage `\(stageName)`, `\(command.command)`, is not installed"
            context.report(optional ? .warning(message + "; the stage is skipped (it is optional)", at: at)
                                    : .error(message + "; install it, or set `optional: true` under the stage", at: at))
            return
        }
        do {
            let result = try command.run(input: document.jsonBytes())
            guard result.status == 0 else {
                context.report(.error("stage `\(stageName)` failed (exit status \(result.status)): \(result.errors)", at: at))
                return
            }
            var changed = try Document(json: result.output, source: "the output of stage `\(stageName)`")
            changed.path = document.path
            document = changed
        } catch {
            context.report(.error("stage `\(stageName)`: \(error)", at: at))
        }
    }
}

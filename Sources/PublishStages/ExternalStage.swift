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

    let plugin: PluginCommand

    public init(options: Settings) throws {
        try self.init(options: options, directory: URL(fileURLWithPath: "."))
    }

    /// - Parameter directory: where the command runs: the site folder.
    public init(options: Settings, directory: URL) throws {
        plugin = try PluginCommand(options: options, directory: directory)
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        let at = SourceLocation(path: document.path ?? "<stdin>", position: .unknown)
        if let missing = plugin.missing(place: "the stage", at: at) {
            context.report(missing)
            return
        }
        do {
            var changed = try Document(json: try plugin.run(input: document.jsonBytes()),
                                       source: "the output of \(plugin.owner)")
            changed.path = document.path
            document = changed
        } catch var diagnostic as Diagnostic {
            diagnostic.location = diagnostic.location ?? at
            context.report(diagnostic)
        } catch {
            context.report(.error("\(plugin.owner): \(error)", at: at))
        }
    }
}

import Foundation
import PublishAST
import PublishStages

/// An output written in any language: an `outputs` block with a `command`.
/// The command runs in the site folder with the site's JSON (`Site.jsonBytes`)
/// on standard input, and writes its files under the folder named by the
/// environment variable `PUBLISH_OUTPUT`: `NAME/` inside the output folder.
/// A non-zero exit fails the build, showing what the command printed.
///
/// ```yaml
/// outputs:
///   wordcount:
///     command: python3 plugins/wordcount.py
///     optional: true   # a missing command is a warning, not an error
/// ```
public struct ExternalOutput: Emitter {
    public static let name = "command"

    public let outputName: String
    let plugin: PluginCommand

    public init(options: Settings) throws {
        try self.init(name: "command", options: options, directory: URL(fileURLWithPath: "."))
    }

    public init(name: String, options: Settings, directory: URL) throws {
        outputName = name
        plugin = try PluginCommand(options: options, directory: directory)
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        let folder = try output.folder(named: outputName)
        let plugin = self.plugin.with(environment: ["PUBLISH_OUTPUT": folder.path])
        if let missing = plugin.missing(place: "`outputs.\(outputName)`") {
            if missing.severity == .error { throw missing }
            return [missing]
        }
        _ = try plugin.run(input: site.jsonBytes())
        return []
    }
}

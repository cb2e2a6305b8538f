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
    let command: String
    let optional: Bool
    let directory: URL

    public init(options: Settings) throws {
        try self.init(name: "command", options: options, directory: URL(fileURLWithPath: "."))
    }

    public init(name: String, options: Settings, directory: URL) throws {
        var options = options
        outputName = name
        command = try options.string("command", default: "")
        optional = try options.bool("optional", default: false)
        try options.finish()
        self.directory = directory
        guard !command.isEmpty else { throw options.error("output `\(name)` needs a `command`") }
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        let folder = try output.folder(named: outputName)
        let external = ExternalCommand(command: command, directory: directory,
                                       environment: ["PUBLISH_OUTPUT": folder.path])
        guard external.isAvailable else {
            let message = "the command of output `\(outputName)`, `\(command)`, is not installed"
            if optional { return [.warning(message + "; the output is skipped (it is optional)")] }
            throw Diagnostic.error(message + "; install it, or set `optional: true` under `outputs.\(outputName)`")
        }
        let result = try external.run(input: site.jsonBytes())
        guard result.status == 0 else {
            throw Diagnostic.error("output `\(outputName)` failed (exit status \(result.status)):\n\(result.errors)")
        }
        return []
    }
}

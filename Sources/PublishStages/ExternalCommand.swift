import Foundation
import PublishAST

/// A plugin's command, run through `/bin/sh -c` in a given folder, with
/// bytes on its standard input. Output and errors go through temporary
/// files, so a plugin that writes a lot can never block on a full pipe.
public struct ExternalCommand: Sendable {
    public var command: String
    /// The folder it runs in and resolves relative paths from.
    public var directory: URL
    public var environment: [String: String] = [:]

    public init(command: String, directory: URL, environment: [String: String] = [:]) {
        self.command = command
        self.directory = directory
        self.environment = environment
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        public var errors: String
    }

    /// Whether the program the command starts with can be found: on the
    /// `PATH`, or as a path from `directory`.
    public var isAvailable: Bool {
        guard let program = command.split(whereSeparator: \.isWhitespace).first.map(String.init) else { return false }
        let manager = FileManager.default
        if program.contains("/") {
            let url = program.hasPrefix("/") ? URL(fileURLWithPath: program) : directory.appendingPathComponent(program)
            return manager.isExecutableFile(atPath: url.path)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { manager.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    public func run(input: [UInt8]) throws -> Result {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("publish-plugin-\(UUID().uuidString)")
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("in"), outputFile = scratch.appendingPathComponent("out"),
            errorFile = scratch.appendingPathComponent("err")
        try Data(input).write(to: inputFile)
        _ = manager.createFile(atPath: outputFile.path, contents: nil)
        _ = manager.createFile(atPath: errorFile.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: inputFile)
        let stdout = try FileHandle(forWritingTo: outputFile)
        let stderr = try FileHandle(forWritingTo: errorFile)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        let output = (try? Data(contentsOf: outputFile)).map(Array.init) ?? []
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: output, errors: errors)
    }
}

/// What a pipeline file says about a plugin: its `command` and whether it
/// is `optional`, read the same way for stages and outputs.
public struct PluginCommand: Sendable {
    public private(set) var command: ExternalCommand
    public let optional: Bool
    /// "stage `shout`", "output `word-counts`", for messages.
    public let owner: String

    /// Reads `command` and `optional`, then refuses any other option.
    public init(options: Settings, directory: URL) throws {
        var options = options
        owner = options.owner
        let text = try options.string("command", default: "")
        optional = try options.bool("optional", default: false)
        try options.finish()
        guard !text.isEmpty else { throw options.error("\(owner) needs a `command`") }
        command = ExternalCommand(command: text, directory: directory)
    }

    /// The same plugin run with these environment variables added.
    public func with(environment: [String: String]) -> PluginCommand {
        var copy = self
        copy.command.environment.merge(environment) { _, new in new }
        return copy
    }

    /// Nil when the command can be found; else a warning (the plugin is
    /// optional) or an error telling how to fix it. `place` says where
    /// `optional: true` would go.
    public func missing(place: String, at location: SourceLocation? = nil) -> Diagnostic? {
        guard !command.isAvailable else { return nil }
        let message = "the command of \(owner), `\(command.command)`, is not installed"
        return optional ? .warning(message + "; it is skipped (it is optional)", at: location)
                        : .error(message + "; install it, or set `optional: true` under \(place)", at: location)
    }

    /// Runs the command; a non-zero exit throws an error showing its stderr.
    public func run(input: [UInt8]) throws -> [UInt8] {
        let result = try command.run(input: input)
        guard result.status == 0 else {
            throw Diagnostic.error("\(owner) failed (exit status \(result.status)): \(result.errors)")
        }
        return result.output
    }
}

import Foundation

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

import Foundation

/// Runs the built `publish` executable, as a user would.
struct Publish {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The products folder of this build, where `publish` sits beside the tests.
    static let executable: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("publish")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        fatalError("the publish executable was not built next to the tests (\(Bundle.main.bundleURL.path))")
    }()

    /// - Parameter environment: variables set for this run, over the tests' own.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    /// Writes `contents` to a new file named `name` in a temporary folder.
    static func file(_ name: String, _ contents: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("publish-tests-\(UUID().uuidString)")
            .appendingPathComponent("_posts")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}

extension Publish {
    /// `publish serve` of a site in the background, on a random port,
    /// stopped when the value is dropped, so no test leaves a server behind.
    final class Serving {
        let process = Process()
        let port = Int.random(in: 20_000..<40_000)

        /// - Parameter errors: where its standard error goes; nowhere when nil.
        init(_ source: URL, quiet: Bool = false, errors: Pipe? = nil) throws {
            process.executableURL = Publish.executable
            process.arguments = ["serve"] + (quiet ? ["--quiet"] : []) + ["--source", source.path, "--port", String(port)]
            process.standardError = errors ?? FileHandle.nullDevice
            try process.run()
        }

        /// Stops it now, for a test that reads what it said.
        func stop() {
            guard process.isRunning else { return }
            process.terminate()
            process.waitUntilExit()
        }

        deinit { stop() }
    }
}

import Foundation

/// A built book, opened with Python's `zipfile` (not our own code) and
/// judged with epubcheck, the tools a reader's opinion would come from.
struct BookFile {
    let bytes: [UInt8]

    /// The text of the entry at `path`.
    func text(_ path: String) throws -> String {
        try python("import zipfile,sys,io; sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read(sys.argv[1]).decode())", path)
    }

    /// Every entry as `name method`, in archive order (method 0: stored).
    func entries() throws -> [String] {
        let listing = try python("import zipfile,sys,io\nfor i in zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).infolist(): print(i.filename, i.compress_type)")
        return listing.split(separator: "\n").map(String.init)
    }

    /// epubcheck's summary line, `Messages: 0 fatals / 0 errors / 0 warnings / 0 infos`,
    /// and its whole report.
    func epubcheck() throws -> (summary: String, report: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("epubcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("book.epub")
        try Data(bytes).write(to: book)
        let report = try run("/usr/bin/env", ["java", "-jar", BookFile.epubcheckJar, book.path], input: [])
        let summary = report.split(separator: "\n").first { $0.hasPrefix("Messages:") }.map(String.init) ?? report
        return (summary, report)
    }

    /// Where Debian's `epubcheck` package puts the jar (`make test-deps`).
    static let epubcheckJar = ProcessInfo.processInfo.environment["EPUBCHECK_JAR"] ?? "/usr/share/java/epubcheck.jar"

    private func python(_ script: String, _ arguments: String...) throws -> String {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments, input: bytes)
    }

    private func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}

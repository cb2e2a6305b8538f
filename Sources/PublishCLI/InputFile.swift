import Foundation
import PublishAST

/// A file a command reads whole: its text, its template, its data.
enum InputFile {
    /// The file's bytes, through a FileHandle, so a pipe (`--data <(…)`)
    /// reads too; a located error when it cannot be read.
    static func read(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic.error("cannot read the file", at: SourceLocation(path: path, position: .unknown))
        }
        defer { try? handle.close() }
        return Array(handle.readDataToEndOfFile())
    }

    /// The file's text, or standard input's when there is no file.
    static func text(_ path: String?) throws -> String {
        let bytes = try path.map(read) ?? Array(FileHandle.standardInput.readDataToEndOfFile())
        return String(decoding: bytes, as: UTF8.self)
    }
}

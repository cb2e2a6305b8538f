import Foundation

/// A folder of files made for one test, removed when the value is dropped.
open class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    /// - Parameters:
    ///   - files: text files by path inside the folder.
    ///   - binary: files given as bytes, by path.
    public init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("publish-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, contents) in files.mapValues({ Array($0.utf8) }).merging(binary, uniquingKeysWith: { $1 }) {
            try write(contents, to: path)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path)
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }
}

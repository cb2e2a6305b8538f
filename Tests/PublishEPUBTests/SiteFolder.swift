import Foundation
import PublishAST
import PublishPipeline

/// A site folder made for one test, removed when the value is dropped.
final class SiteFolder {
    let url: URL

    init(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("publish-epub-\(UUID().uuidString)")
        let all = files.mapValues { Array($0.utf8) }.merging(binary) { $1 }
        for (path, contents) in all {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents).write(to: file)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Loads the folder with the built-in pipeline, at a fixed "now".
    func load(config: SiteConfig = SiteConfig()) throws -> Site {
        let loader = SiteLoader(source: url, config: config, pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_800_000_000))
        return loader.load().site
    }
}

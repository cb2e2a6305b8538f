import Foundation
import PublishAST
import PublishPipeline
import TestSupport

/// A site folder made for one test, removed when the value is dropped.
final class SiteFolder: TemporaryFolder, @unchecked Sendable {

    /// Loads the folder with the built-in pipeline, at a fixed "now".
    func load(config: SiteConfig = SiteConfig()) throws -> Site {
        let loader = SiteLoader(source: url, config: config, pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_800_000_000))
        return loader.load().site
    }
}

import Foundation
import PublishAST
import PublishPipeline
@testable import PublishEPUB

/// Small sites and the books made of them.
enum Fixtures {
    static let clean = "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"

    static var config: SiteConfig {
        var config = SiteConfig()
        config.title = "Workbench"
        config.url = "https://example.org"
        return config
    }

    /// A one-pixel PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// The book of `files` with `options`, and what it reported.
    static func book(_ files: [String: String], binary: [String: [UInt8]] = [:], options: BookOptions = BookOptions(),
                     environment: [String: String] = [:]) throws -> (book: BookFile, diagnostics: [String]) {
        let folder = try SiteFolder(files, binary: binary)
        let site = try folder.load(config: config)
        let (bytes, diagnostics) = try EPUBBook.make(site: site, options: options, environment: environment)
        return (BookFile(bytes: bytes), diagnostics.map(\.description))
    }

    /// A one-post book of `markdown`, as `publish render --to epub` makes it.
    static func single(_ markdown: String, path: String = "post.md") throws -> (book: BookFile, diagnostics: [String]) {
        let document = try MarkdownPipeline.builtIn().read(Array(markdown.utf8), path: path).document
        let (bytes, diagnostics) = try EPUBBook.single(document: document, sourcePath: path, config: config,
                                                       environment: [:])
        return (BookFile(bytes: bytes), diagnostics.map(\.description))
    }
}

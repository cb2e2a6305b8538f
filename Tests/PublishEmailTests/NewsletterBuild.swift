import Foundation
import PublishAST
import PublishEmail
import PublishPipeline
import TestSupport

/// A site folder made for one test and loaded; its first post rendered as
/// a newsletter issue with the given `outputs.email` options.
final class NewsletterBuild {
    /// The site's files, removed with this value.
    let files: TemporaryFolder
    let folder: URL
    let site: Site
    let options: EmailOptions

    /// - Parameters:
    ///   - files: the site's files by path.
    ///   - options: the `email` block, as YAML.
    ///   - binary: more files, as bytes (images).
    ///   - at: where the `email` block was written, for its warnings.
    init(_ files: [String: String], binary: [String: [UInt8]] = [:], options: YAMLMapping? = nil,
         at location: SourceLocation? = nil) throws {
        self.files = try TemporaryFolder(files, binary: binary)
        folder = self.files.url
        var config = SiteConfig()
        config.title = "Test Site"
        config.url = "https://example.org"
        let loader = SiteLoader(source: folder, config: config, pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_900_000_000))
        site = loader.load().site
        var values = YAMLMapping()
        values["from"] = .string("Test Site <news@example.org>")
        self.options = try EmailOptions(options: Settings(owner: "output `email`", values: options ?? values,
                                                          at: location))
    }

    /// `from` and the given keys, as the `email` block.
    static func options(_ values: [String: String]) -> YAMLMapping {
        var mapping = YAMLMapping()
        mapping["from"] = .string("Test Site <news@example.org>")
        for (key, value) in values { mapping[key] = .string(value) }
        return mapping
    }

    /// Builds the `email` output as `publish build` does: its diagnostics.
    func emit() throws -> [Diagnostic] {
        let output = try OutputFolder(destination: folder.appendingPathComponent("_site"))
        var values = YAMLMapping()
        values["from"] = .string("Test Site <news@example.org>")
        return try EmailEmitter(options: Settings(owner: "output `email`", values: values,
                                                  at: SourceLocation(path: "publish.yml", line: 7, column: 3)))
            .emit(site, to: output)
    }


    func issue(signer: DKIMSigner? = nil) throws -> NewsletterIssue {
        try NewsletterIssue(post: site.posts[0], site: site, options: options, signer: signer)
    }

    /// The first post's message to `address`, as text.
    func message(to address: String = "reader@example.net", signer: DKIMSigner? = nil) throws -> String {
        let recipient = Recipient(mailbox: Mailbox(address: address), id: "7", token: "TOKEN")
        return String(decoding: try issue(signer: signer).message(to: recipient), as: UTF8.self)
    }

    /// The first post's HTML part, decoded, with LF line ends.
    func html() throws -> String {
        try MessageProbe.htmlPart(of: message()).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The first post's plain-text part, decoded.
    func text() throws -> String { try MessageProbe.part("text/plain", of: message()) }
}

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
    init(_ files: [String: String], options: YAMLMapping? = nil) throws {
        self.files = try TemporaryFolder(files)
        folder = self.files.url
        var config = SiteConfig()
        config.title = "Test Site"
        config.url = "https://example.org"
        let loader = SiteLoader(source: folder, config: config, pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_900_000_000))
        site = loader.load().site
        var values = YAMLMapping()
        values["from"] = .string("Test Site <news@example.org>")
        self.options = try EmailOptions(options: Settings(owner: "output `email`", values: options ?? values))
    }


    func issue(signer: DKIMSigner? = nil) throws -> NewsletterIssue {
        try NewsletterIssue(post: site.posts[0], site: site, options: options, signer: signer)
    }

    /// The first post's message to `address`, as text.
    func message(to address: String = "reader@example.net", signer: DKIMSigner? = nil) throws -> String {
        let recipient = Recipient(mailbox: Mailbox(address: address), id: "7", token: "TOKEN")
        return String(decoding: try issue(signer: signer).message(to: recipient), as: UTF8.self)
    }
}

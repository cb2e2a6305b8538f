import Foundation
import PublishAST
import PublishPipeline

/// `email`: the newsletter. A build writes one preview message per post,
/// `newsletter/SLUG.eml`, addressed to the sender with a placeholder
/// unsubscribe token; `publish send` makes the real ones with
/// `NewsletterIssue`. Off by default: it needs `from`.
public struct EmailEmitter: Emitter {
    public static let name = "email"

    public let options: EmailOptions

    public init(options: Settings) throws {
        self.options = try EmailOptions(options: options)
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        guard let from = options.from else { throw options.missingFrom }
        _ = try options.unsubscribeLink(site: site.config)
        let signer = try NewsletterIssue.signer(options: options, source: site.source)
        var diagnostics: [Diagnostic] = []
        var used: Set<String> = []
        // Drafts are here only when the build asked for them (`--drafts`): a
        // preview is how a draft issue is proofread.
        for post in site.posts {
            let path = "newsletter/" + EmailEmitter.fileName(post, used: &used) + ".eml"
            do {
                let issue = try NewsletterIssue(post: post, site: site, options: options, signer: signer)
                diagnostics += issue.diagnostics
                try output.write(issue.message(to: .preview(from)), to: path)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = diagnostic.location ?? SourceLocation(path: post.sourcePath, position: .unknown)
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// The post's slug, or its date and slug when another post has that slug.
    private static func fileName(_ post: Post, used: inout Set<String>) -> String {
        let file = (post.sourcePath as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        var name = post.metadata.slug.map { Slug.make($0, cased: true) } ?? stem
        if name.isEmpty || used.contains(name) { name = stem }
        used.insert(name)
        return name
    }
}

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
        // File names first, in the posts' order (a repeated slug falls back
        // to the file's name), then every preview on all cores.
        var used: Set<String> = []
        let paths = site.posts.map { "newsletter/" + EmailEmitter.fileName($0, used: &used) + ".eml" }
        // Drafts are here only when the build asked for them (`--drafts`): a
        // preview is how a draft issue is proofread.
        let options = self.options
        let reports = Parallel.map(Array(site.posts.indices)) { index -> Result<[Diagnostic], Error> in
            let post = site.posts[index]
            do {
                let issue = try NewsletterIssue(post: post, site: site, options: options, signer: signer)
                try output.write(issue.message(to: .preview(from)), to: paths[index])
                return .success(issue.diagnostics)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = diagnostic.location ?? SourceLocation(path: post.sourcePath, position: .unknown)
                return .success([diagnostic])
            } catch {
                // Not the post's fault (the disk's): the output fails, as it did before.
                return .failure(error)
            }
        }
        // The first failure in the posts' order is thrown; the missing
        // address is said once for the build, not once a post.
        return (options.addressWarning.map { [$0] } ?? []) + (try reports.flatMap { try $0.get() })
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

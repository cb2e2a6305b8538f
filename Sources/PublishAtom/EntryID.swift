import Foundation
import PublishAST
import PublishPipeline

/// The rule for ids, which a feed reader uses to know an entry it has
/// seen, so they must never change once published.
///
/// An entry's id is a `tag:` URI (RFC 4151):
/// `tag:AUTHORITY,YYYY-MM-DD:SLUG`, where
/// - AUTHORITY is the output's `id_authority` option, else the host of the
///   site's `url` (`example.org`), lower-cased;
/// - YYYY-MM-DD is the post's `date` (its first publication) as a day in
///   the site's time zone, not its `updated` date;
/// - SLUG is the post's slug (`slug:` in front matter, else the file
///   name's) made as the `:slug` permalink placeholder makes it,
///   percent-encoded.
///
/// So the id does not depend on the title, the permalink pattern or the
/// URL path, and two posts with one slug on different days differ. Moving
/// the site to another domain keeps ids only if `id_authority` is set to
/// the old host (the tag stays valid: the old owner minted it on that day).
/// Changing a post's date or slug changes its id; an `id:` in the post's
/// front matter overrides the rule and is used as written, and is how an
/// id is kept across such a change.
///
/// A feed's own id is built the same way from the day of the site's
/// oldest post, with a specific part holding a `/` (`feeds/all`,
/// `feeds/categories/SLUG`), which no slug can contain.
struct EntryID {
    let authority: String
    let dates: FeedDate

    /// The post's id, or the rule's id with a warning when its `id:` is not
    /// an absolute URI.
    func id(of post: Post, diagnostics: inout [Diagnostic]) -> String {
        if let value = post.metadata.extra["id"] {
            if let own = value.scalarText?.trimmingCharacters(in: .whitespaces), URLResolver.hasScheme(own),
               !own.hasSuffix(":") {
                return own
            }
            diagnostics.append(.warning(
                "`id` in front matter must be an absolute URI, such as tag:\(authority),2014-06-16:hello; "
                    + "the post keeps its derived id \(derived(post))",
                at: SourceLocation(path: post.sourcePath, position: .unknown)))
        }
        return derived(post)
    }

    /// `tag:example.org,2014-06-16:hello`
    func derived(_ post: Post) -> String {
        let slug = Slug.make(post.metadata.slug ?? "")
        return tag(day: post.date, specific: Permalink.escapePath(slug.isEmpty ? "-" : slug))
    }

    /// `tag:example.org,2014-06-16:feeds/all`
    func feed(since oldest: Date, name: String) -> String {
        tag(day: oldest, specific: name)
    }

    private func tag(day: Date, specific: String) -> String {
        "tag:\(authority),\(dates.day(day)):\(specific)"
    }

    /// The host of `url` (`https://Example.org:8080/blog` gives `example.org`).
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        rest = rest.prefix { $0 != ":" }
        return rest.lowercased()
    }
}

import Foundation
import PublishAST
import PublishPipeline
import PublishWriters

/// Turns the site's posts into feed entries: ids by the `EntryID` rule,
/// dates as instants, and HTML whose URLs are absolute against the post's
/// own URL.
struct EntryBuilder {
    let site: Site
    let ids: EntryID
    /// The site's address with its baseurl: `https://example.org/blog`.
    let root: String

    /// One entry per post, in the site's order. A post whose id another,
    /// older post already has is left out (nil) with an error: a reader
    /// would take the two for one.
    func entries() -> (entries: [FeedEntry?], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        let writer = HTMLWriter()
        let text = TextWriter(options: TextOptions(columns: 0))
        let entries = site.posts.map { post -> FeedEntry? in
            let id = ids.id(of: post, diagnostics: &diagnostics)
            if let owner = owners[id] {
                diagnostics.append(.error(
                    "this post has the feed id \(id), as \(owner) has; it is left out of the feeds "
                        + "(give one of them an `id:` in front matter)",
                    at: SourceLocation(path: post.sourcePath, position: .unknown)))
                return nil
            }
            owners[id] = post.sourcePath
            let url = root + post.url
            let resolver = URLResolver(base: url)
            let language = post.metadata.language.flatMap { $0 == site.config.language ? nil : $0 }
            var terms: [String] = []
            for term in post.metadata.categories + post.metadata.tags where !terms.contains(term) {
                terms.append(term)
            }
            return FeedEntry(
                id: id, title: post.title, url: url, published: post.date,
                updated: post.metadata.updated?.date(in: site.config.timeZone) ?? post.date,
                language: language, authors: post.metadata.authors, terms: terms,
                description: post.metadata.description,
                excerptHTML: writer.render(post.excerpt.resolvingURLs(with: resolver)),
                excerptText: text.render(post.excerpt).trimmingCharacters(in: .whitespacesAndNewlines),
                contentHTML: writer.render(post.document.resolvingURLs(with: resolver)))
        }
        return (entries, diagnostics)
    }
}

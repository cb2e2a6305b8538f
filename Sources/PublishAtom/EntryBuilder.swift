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
    /// Whether to work out each entry's key, for the build cache.
    var keyed = false

    /// One entry per post, in the site's order. A post whose id another,
    /// older post already has is left out (nil) with an error: a reader
    /// would take the two for one.
    func entries() -> (entries: [FeedEntry?], diagnostics: [Diagnostic]) {
        // Each post's entry on all cores; then, in the site's order, the
        // check that no two share an id.
        let made = Parallel.map(Array(site.posts.indices)) { index -> (entry: FeedEntry, diagnostics: [Diagnostic]) in
            var diagnostics: [Diagnostic] = []
            let entry = self.entry(of: site.posts[index], diagnostics: &diagnostics)
            return (entry, diagnostics)
        }
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        let entries = zip(site.posts, made).map { post, made -> FeedEntry? in
            diagnostics += made.diagnostics
            let id = made.entry.id
            if let owner = owners[id] {
                diagnostics.append(.error(
                    "this post has the feed id \(id), as \(owner) has; it is left out of the feeds "
                        + "(give one of them an `id:` in front matter)",
                    at: SourceLocation(path: post.sourcePath, position: .unknown)))
                return nil
            }
            owners[id] = post.sourcePath
            return made.entry
        }
        return (entries, diagnostics)
    }

    /// The entry of one post.
    private func entry(of post: Post, diagnostics: inout [Diagnostic]) -> FeedEntry {
        let id = ids.id(of: post, diagnostics: &diagnostics)
        let url = root + post.url
        let resolver = URLResolver(base: url)
        let language = post.metadata.language.flatMap { $0 == site.config.language ? nil : $0 }
        var terms: [String] = []
        for term in post.metadata.categories + post.metadata.tags where !terms.contains(term) {
            terms.append(term)
        }
        let rendering = Lazy<FeedEntry.Rendering> {
            let writer = HTMLWriter()
            let text = TextWriter(options: TextOptions(columns: 0))
            return FeedEntry.Rendering(
                excerptHTML: writer.render(post.excerpt.resolvingURLs(with: resolver)),
                excerptText: text.render(post.excerpt).trimmingCharacters(in: .whitespacesAndNewlines),
                contentHTML: writer.render(post.document.resolvingURLs(with: resolver)))
        }
        var entry = FeedEntry(
            id: id, title: post.title, url: url, published: post.date,
            updated: post.metadata.updated?.date(in: site.config.timeZone) ?? post.date,
            language: language, authors: post.metadata.authors, terms: terms,
            description: post.metadata.description, rendering: rendering, key: "")
        if keyed { entry.key = key(of: entry, post: post) }
        return entry
    }

    /// What an entry is made from: its fields and the post's trees.
    private func key(of entry: FeedEntry, post: Post) -> String {
        var key = CacheKey("feed entry")
        key.add(entry.id)
        key.add(entry.title)
        key.add(entry.url)
        key.add(entry.published)
        key.add(entry.updated)
        key.add(entry.language)
        key.add(entry.authors.count)
        for author in entry.authors {
            key.add(author.name)
            key.add(author.email)
            key.add(author.url)
        }
        key.add(entry.terms)
        key.add(entry.description)
        key.add(post.excerptKey)
        key.add(post.contentKey)
        return key.value
    }
}

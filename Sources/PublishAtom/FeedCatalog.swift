import PublishPipeline

/// Every logical feed of a site: the site's own, then one per category and
/// one per tag when the options ask for them. Terms whose names give the
/// same slug share one feed, named after the first.
struct FeedCatalog {
    let feeds: [LogicalFeed]

    init(options: AtomOptions, site: Site, entries: [FeedEntry?]) {
        let kept = { (indices: [Int]) in indices.filter { entries[$0] != nil } }
        var feeds = [LogicalFeed(
            name: "feeds/all", title: site.config.title, path: options.path,
            archiveFolder: options.folder + "/archive", style: options.site, posts: kept(Array(site.posts.indices)))]
        let kinds: [(String, FeedStyle?, [(name: String, posts: [Int])])] = [
            ("categories", options.categories, site.categories), ("tags", options.tags, site.tags),
        ]
        for case let (kind, style?, terms) in kinds {
            var order: [String] = []
            var named: [String: (name: String, posts: Set<Int>)] = [:]
            for term in terms {
                let made = Slug.make(term.name)
                let slug = made.isEmpty ? "-" : made
                if named[slug] == nil { order.append(slug) }
                named[slug, default: (term.name, [])].posts.formUnion(term.posts)
            }
            for slug in order {
                let term = named[slug]!
                let posts = kept(term.posts.sorted())
                guard !posts.isEmpty else { continue }
                feeds.append(LogicalFeed(
                    name: "feeds/\(kind)/" + Permalink.escapePath(slug), title: "\(site.config.title): \(term.name)",
                    path: "\(options.folder)/\(kind)/\(slug).xml", archiveFolder: "\(options.folder)/\(kind)/\(slug)/archive",
                    style: style, posts: posts))
            }
        }
        self.feeds = feeds
    }
}

import PublishAST

/// The options of the `atom` output, from its block in the pipeline file.
struct AtomOptions: Sendable {
    /// The site's subscription document: `feed.xml`.
    var path: String
    /// Where archives and the category and tag feeds go: `feeds`.
    var folder: String
    /// The fewest entries a subscription document holds.
    var entries: Int
    /// Entries per archive document.
    var archiveSize: Int
    /// Whether each document is also written as JSON Feed 1.1.
    var jsonFeed: Bool
    /// The `tag:` authority of ids; empty for the host of the site's url.
    var idAuthority: String
    var site: FeedStyle
    /// nil when there are no category feeds.
    var categories: FeedStyle?
    /// nil when there are no tag feeds.
    var tags: FeedStyle?

    init(_ settings: Settings) throws {
        var options = settings
        path = try options.string("path", default: "feed.xml")
        folder = try options.string("folder", default: "feeds")
        entries = try options.int("entries", default: 20)
        archiveSize = try options.int("archive_size", default: 50)
        jsonFeed = try options.bool("json_feed", default: true)
        idAuthority = try options.string("id_authority", default: "")
        site = try AtomOptions.style(&options, prefix: "")
        let categories = try AtomOptions.style(&options, prefix: "category_")
        self.categories = try options.bool("categories", default: true) ? categories : nil
        let tags = try AtomOptions.style(&options, prefix: "tag_")
        self.tags = try options.bool("tags", default: false) ? tags : nil
        try options.finish()
        guard entries > 0 else { throw settings.error("option `entries` of output `atom` must be 1 or more") }
        guard archiveSize > 0 else { throw settings.error("option `archive_size` of output `atom` must be 1 or more") }
        guard path.hasSuffix(".xml"), path.count > 4 else {
            throw settings.error("option `path` of output `atom` must name an .xml file, such as feed.xml")
        }
        folder = String(folder.reversed().drop { $0 == "/" }.reversed())
        guard !folder.isEmpty else { throw settings.error("option `folder` of output `atom` must name a folder") }
    }

    /// `content` and `complete` for one kind of feed, under `prefix`.
    private static func style(_ options: inout Settings, prefix: String) throws -> FeedStyle {
        let content = try options.choice(prefix + "content", of: FeedStyle.Content.allCases.map(\.rawValue),
                                         default: "full")
        return FeedStyle(content: FeedStyle.Content(rawValue: content) ?? .full,
                         markComplete: try options.bool(prefix + "complete", default: true))
    }
}

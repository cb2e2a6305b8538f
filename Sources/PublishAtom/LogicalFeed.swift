import PublishPipeline

/// One feed a reader subscribes to, with its archives: the whole site's,
/// or one category's or tag's. Its documents live at fixed paths, so an
/// archive's URL never changes.
struct LogicalFeed: Sendable {
    /// The specific part of the feed's id: `feeds/all`, `feeds/categories/SLUG`.
    var name: String
    var title: String
    /// The subscription document, relative to the output: `feed.xml`.
    var path: String
    /// Where its archives go: `feeds/archive` gives `feeds/archive/1.xml`.
    var archiveFolder: String
    var style: FeedStyle
    /// The posts in it, as indices into the site's posts, oldest first.
    var posts: [Int]

    /// The file of the subscription document (`archive` nil) or of an
    /// archive, in Atom or JSON Feed. Not percent-encoded.
    func file(archive: Int?, json: Bool) -> String {
        let ext = json ? ".json" : ".xml"
        guard let archive else { return String(path.dropLast(".xml".count)) + ext }
        return "\(archiveFolder)/\(archive)\(ext)"
    }
}

/// What one kind of feed shows, from the output's options.
struct FeedStyle: Sendable, Equatable {
    enum Content: String, Sendable, CaseIterable {
        /// The post's HTML.
        case full
        /// Its description or excerpt only.
        case summary
    }

    var content: Content
    /// Whether a feed with no archives says so with `fh:complete`.
    var markComplete: Bool
}

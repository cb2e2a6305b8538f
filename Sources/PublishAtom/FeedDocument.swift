import Foundation
import PublishAST
import PublishPipeline

/// One document of a logical feed, in no format yet: the subscription
/// document or one archive, with its neighbours and entries.
struct FeedDocument: Sendable {
    var feed: LogicalFeed
    /// nil for the subscription document.
    var archive: Int?
    /// The archive before this document (older entries), if any.
    var previousArchive: Int?
    /// The archive after this one (newer entries), if any; archives only.
    var nextArchive: Int?
    /// Whether to mark the document as the whole feed (`fh:complete`).
    var isComplete: Bool
    /// Newest first.
    var entries: [FeedEntry]

    /// The newest `updated` of its entries: a rebuild gives the same
    /// bytes, and the document changes only when an entry does.
    var updated: Date {
        entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
    }
}

/// What every document of a site's feeds says about the site.
struct FeedSite: Sendable {
    /// The site's address and baseurl: `https://example.org/blog`.
    var root: String
    var title: String
    var description: String
    var language: String
    /// The site's author, else one named after the site: Atom wants an
    /// author for every entry, and entries without their own take the feed's.
    var author: Author
    var dates: FeedDate
    var ids: EntryID
    /// The day of the site's oldest post, for feed ids.
    var oldest: Date

    /// The absolute URL of a file of the output.
    func url(of file: String) -> String {
        root + "/" + Permalink.escapePath(file)
    }

    func id(of feed: LogicalFeed) -> String {
        ids.feed(since: oldest, name: feed.name)
    }
}

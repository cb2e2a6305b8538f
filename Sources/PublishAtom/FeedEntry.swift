import Foundation
import PublishAST
import PublishPipeline

/// One post as every feed document shows it, worked out once: Atom and
/// JSON Feed, the site's feed and a category's, share it.
struct FeedEntry: Sendable {
    var id: String
    var title: String
    /// The post's absolute URL.
    var url: String
    var published: Date
    /// `updated` (or `last_modified_at`) from front matter, else `published`.
    var updated: Date
    /// The post's `lang`, when it differs from the site's.
    var language: String?
    /// The post's own authors; none means the feed's author.
    var authors: [Author]
    /// Its categories, then its tags, without repeats.
    var terms: [String]
    /// `description` from front matter.
    var description: String?
    /// The post's HTML, made the first time a document that is written
    /// holds the entry.
    var rendering: Lazy<Rendering>
    /// What the entry is made from, for the keys of the documents that
    /// hold it; empty when the build keeps no cache.
    var key: String

    /// The HTML and text of an entry, which take a post's tree to make.
    struct Rendering: Sendable {
        /// The excerpt as HTML with absolute URLs; empty when there is none.
        var excerptHTML: String
        /// The excerpt as plain text, for JSON Feed's `summary`.
        var excerptText: String
        /// The whole post as HTML with absolute URLs.
        var contentHTML: String
    }

    var excerptHTML: String { rendering.value.excerptHTML }
    var excerptText: String { rendering.value.excerptText }
    var contentHTML: String { rendering.value.contentHTML }

    /// The plain-text summary: the description, else the excerpt's text.
    var summaryText: String? {
        if let description, !description.isEmpty { return description }
        return excerptText.isEmpty ? nil : excerptText
    }
}

import Foundation
import PublishAST

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
    /// The excerpt as HTML with absolute URLs; empty when there is none.
    var excerptHTML: String
    /// The excerpt as plain text, for JSON Feed's `summary`.
    var excerptText: String
    /// The whole post as HTML with absolute URLs.
    var contentHTML: String

    /// The plain-text summary: the description, else the excerpt's text.
    var summaryText: String? {
        if let description, !description.isEmpty { return description }
        return excerptText.isEmpty ? nil : excerptText
    }
}

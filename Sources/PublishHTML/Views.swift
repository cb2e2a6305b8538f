/// The typed models the templates are rendered from. Mustache reads them
/// by reflection; they are `Codable` so a plugin sees the same shapes.

struct SiteView: Codable, Sendable {
    var title: String
    var description: String
    var baseurl: String
    var author: String?
    var navigation: [LinkView]
    var feeds: [FeedLink]
}

struct FeedLink: Codable, Sendable {
    var type: String
    var title: String
    var href: String
}

struct LinkView: Codable, Sendable {
    var title: String
    var href: String
}

struct TermView: Codable, Sendable {
    var name: String
    var href: String
}

/// Every page: the layout around its body.
struct LayoutView: Codable, Sendable {
    var site: SiteView
    var lang: String
    /// Nil on the home page, whose title is the site's.
    var pageTitle: String?
    var description: String?
    var canonical: String
    var body: String
}

/// A post's page: what a list shows of it, and the rest.
struct PostView: Codable, Sendable {
    var post: PostSummaryView
    var content: String
    var categories: [TermView]
    var tags: [TermView]
    var hasCategories: Bool
    var hasTags: Bool
    var previous: LinkView?
    var next: LinkView?
}

struct PostSummaryView: Codable, Sendable {
    var title: String
    var lang: String
    var href: String
    var datetime: String
    var displayDate: String
    var readingTime: String
    var excerpt: String
}

struct PaginationView: Codable, Sendable {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?
    var newerLabel: String
    var olderLabel: String
}

struct ListView: Codable, Sendable {
    var heading: String?
    var posts: [PostSummaryView]
    var pagination: PaginationView?
}

struct ArchiveView: Codable, Sendable {
    struct Year: Codable, Sendable {
        var year: String
        var posts: [PostSummaryView]
    }

    struct Taxonomy: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var name: String
            var href: String
            var count: Int
        }

        var title: String
        var entries: [Entry]
    }

    var heading: String
    var years: [Year]
    var taxonomies: [Taxonomy]
}

struct PageView: Codable, Sendable {
    var lang: String
    var content: String
}

import Mustache

/// The typed models the templates are rendered from; they are `Codable` so
/// a plugin sees the same shapes. Each is a `MustacheParent`: Mustache asks
/// it for a variable by name instead of reflecting on it (`Mirror`, which
/// cost a quarter of a build). A lookup answers as reflection did: the
/// property's value, nil for a nil optional or an unknown name (so that
/// Mustache looks further up its context stack).

struct SiteView: Codable, Sendable, MustacheParent {
    var title: String
    var description: String
    var baseurl: String
    var author: String?
    var navigation: [LinkView]
    var feeds: [FeedLink]

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "title": return title
        case "description": return description
        case "baseurl": return baseurl
        case "author": return author
        case "navigation": return navigation
        case "feeds": return feeds
        default: return nil
        }
    }
}

struct FeedLink: Codable, Sendable, MustacheParent {
    var type: String
    var title: String
    var href: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "type": return type
        case "title": return title
        case "href": return href
        default: return nil
        }
    }
}

struct LinkView: Codable, Sendable, MustacheParent {
    var title: String
    var href: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "title": return title
        case "href": return href
        default: return nil
        }
    }
}

struct TermView: Codable, Sendable, MustacheParent {
    var name: String
    var href: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "href": return href
        default: return nil
        }
    }
}

/// Every page: the layout around its body.
struct LayoutView: Codable, Sendable, MustacheParent {
    var site: SiteView
    var lang: String
    /// Nil on the home page, whose title is the site's.
    var pageTitle: String?
    var description: String?
    var canonical: String
    var body: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "site": return site
        case "lang": return lang
        case "pageTitle": return pageTitle
        case "description": return description
        case "canonical": return canonical
        case "body": return body
        default: return nil
        }
    }
}

/// A post's page: what a list shows of it, and the rest.
struct PostView: Codable, Sendable, MustacheParent {
    var post: PostSummaryView
    var content: String
    var categories: [TermView]
    var tags: [TermView]
    var hasCategories: Bool
    var hasTags: Bool
    var previous: LinkView?
    var next: LinkView?

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "post": return post
        case "content": return content
        case "categories": return categories
        case "tags": return tags
        case "hasCategories": return hasCategories
        case "hasTags": return hasTags
        case "previous": return previous
        case "next": return next
        default: return nil
        }
    }
}

struct PostSummaryView: Codable, Sendable, MustacheParent {
    var title: String
    var lang: String
    var href: String
    var datetime: String
    var displayDate: String
    var readingTime: String
    var excerpt: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "title": return title
        case "lang": return lang
        case "href": return href
        case "datetime": return datetime
        case "displayDate": return displayDate
        case "readingTime": return readingTime
        case "excerpt": return excerpt
        default: return nil
        }
    }
}

struct PaginationView: Codable, Sendable, MustacheParent {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?
    var newerLabel: String
    var olderLabel: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "page": return page
        case "pages": return pages
        case "previous": return previous
        case "next": return next
        case "newerLabel": return newerLabel
        case "olderLabel": return olderLabel
        default: return nil
        }
    }
}

struct ListView: Codable, Sendable, MustacheParent {
    var heading: String?
    var posts: [PostSummaryView]
    var pagination: PaginationView?

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "heading": return heading
        case "posts": return posts
        case "pagination": return pagination
        default: return nil
        }
    }
}

struct ArchiveView: Codable, Sendable, MustacheParent {
    struct Year: Codable, Sendable, MustacheParent {
        var year: String
        var posts: [PostSummaryView]

        /// The property named `key`, for Mustache.
        func child(named key: String) -> Any? {
            switch key {
            case "year": return year
            case "posts": return posts
            default: return nil
            }
        }
    }

    struct Taxonomy: Codable, Sendable, MustacheParent {
        struct Entry: Codable, Sendable, MustacheParent {
            var name: String
            var href: String
            var count: Int

            /// The property named `key`, for Mustache.
            func child(named key: String) -> Any? {
                switch key {
                case "name": return name
                case "href": return href
                case "count": return count
                default: return nil
                }
            }
        }

        var title: String
        var entries: [Entry]

        /// The property named `key`, for Mustache.
        func child(named key: String) -> Any? {
            switch key {
            case "title": return title
            case "entries": return entries
            default: return nil
            }
        }
    }

    var heading: String
    var years: [Year]
    var taxonomies: [Taxonomy]

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "heading": return heading
        case "years": return years
        case "taxonomies": return taxonomies
        default: return nil
        }
    }
}

struct PageView: Codable, Sendable, MustacheParent {
    var lang: String
    var content: String

    /// The property named `key`, for Mustache.
    func child(named key: String) -> Any? {
        switch key {
        case "lang": return lang
        case "content": return content
        default: return nil
        }
    }
}

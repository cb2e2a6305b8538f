/// What a post's front matter says about it, typed. Keys with no field here
/// are kept in `extra` as YAML typed them.
public struct Metadata: Hashable, Sendable {
    public var title: String?
    /// From `date:`, else from the file name (`2014-06-16-slug.md`).
    public var date: PostDate?
    /// From `updated:` or `last_modified_at:`.
    public var updated: PostDate?
    /// From `author:` or `authors:`.
    public var authors: [Author]
    /// From `categories:` and `category:`, in order, without repeats.
    public var categories: [String]
    /// From `tags:` and `tag:`, in order, without repeats.
    public var tags: [String]
    /// A one-line summary, from `description:`; feeds and meta tags use it.
    public var description: String?
    /// The author's own excerpt, from `excerpt:` (Markdown).
    public var excerpt: String?
    /// A BCP 47 tag, from `lang:` or `language:`.
    public var language: String?
    /// From `slug:`, else from the file name.
    public var slug: String?
    /// The post's own URL pattern or path, from `permalink:`.
    public var permalink: String?
    /// False when the front matter says `published: false`.
    public var published: Bool
    /// Every other key, in the order written.
    public var extra: YAMLMapping

    public init(
        title: String? = nil, date: PostDate? = nil, updated: PostDate? = nil, authors: [Author] = [],
        categories: [String] = [], tags: [String] = [], description: String? = nil, excerpt: String? = nil,
        language: String? = nil, slug: String? = nil, permalink: String? = nil, published: Bool = true,
        extra: YAMLMapping = YAMLMapping()
    ) {
        self.title = title
        self.date = date
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.tags = tags
        self.description = description
        self.excerpt = excerpt
        self.language = language
        self.slug = slug
        self.permalink = permalink
        self.published = published
        self.extra = extra
    }
}

/// A person credited on a post.
public struct Author: Hashable, Sendable {
    public var name: String
    public var email: String?
    public var url: String?

    public init(name: String, email: String? = nil, url: String? = nil) {
        self.name = name
        self.email = email
        self.url = url
    }
}

import Foundation
import PublishAST
import PublishLiquid
import PublishWriters

/// The site model as a layout's Liquid reads it: Jekyll's `site.posts`
/// (newest first), `site.pages`, `site.html_pages`, `site.categories`,
/// `site.tags`, `site.static_files` and `site.time` beside the
/// configuration's keys. Each post is a drop, so a layout that reads only
/// titles does not render any post's HTML, and one that reads
/// `post.content` renders it when it asks.
public struct SiteDrops: Sendable {
    /// `site`.
    public let site: Value

    public init(shelf: Shelf, config base: Value, now: Time?) {
        let site = shelf.site
        let posts = site.posts.indices.map { PostDrop(shelf: shelf, index: $0) }
        var values: Hash
        if case .hash(let hash) = base { values = hash } else { values = Hash() }
        values["posts"] = .array(posts.reversed().map { .drop($0) })
        // In the order of their paths, as Jekyll reads the folder.
        let pages = (site.pages.map { PageDrop(shelf: shelf, source: .markdown($0)) }
            + site.templatePages.map { PageDrop(shelf: shelf, source: .template($0)) })
            .sorted { $0.path < $1.path }
        values["pages"] = .array(pages.map { .drop($0) })
        values["html_pages"] = .array(pages.filter { $0.outputPath.hasSuffix(".html") }.map { .drop($0) })
        for (key, groups) in [("categories", site.categories), ("tags", site.tags)] {
            values[key] = .hash(Hash(groups.map { group in
                (group.name, Value.array(group.posts.reversed().map { .drop(posts[$0]) }))
            }))
        }
        values["static_files"] = .array(site.staticFiles.map { path in
            let name = (path as NSString).lastPathComponent
            let extname = (name as NSString).pathExtension
            return .hash(["path": .string("/" + path), "name": .string(name),
                          "basename": .string((name as NSString).deletingPathExtension),
                          "extname": .string(extname.isEmpty ? "" : "." + extname), "collection": .nil])
        })
        if let now { values["time"] = .time(now) }
        // Each collection as `site.LABEL`, and all of them as `site.collections`.
        var collections: [Value] = [.hash(["label": "posts", "output": true, "relative_directory": "_posts",
                                           "docs": values["posts"] ?? .array([])])]
        for collection in site.collections {
            let documents = Value.array(collection.documents.map { .drop(PageDrop(shelf: shelf, source: .markdown($0))) })
            if values[collection.label] == nil { values[collection.label] = documents }
            collections.append(.hash(["label": .string(collection.label), "output": .bool(collection.output),
                                      "relative_directory": .string("_" + collection.label), "docs": documents]))
        }
        values["collections"] = .array(collections)
        self.site = .hash(values)
    }

    /// What every drop of one build reads from.
    public final class Shelf: Sendable {
        let site: Site
        let writer: HTMLWriter
        let excerpt: @Sendable (Post) -> String
        /// Nil when no page but a post's own shows its HTML: then it is
        /// written when asked and not kept, which holds less memory.
        private let contents: MadeOnce<String>?

        public init(site: Site, writer: HTMLWriter, keepsContent: Bool = true,
                    excerpt: @escaping @Sendable (Post) -> String) {
            self.site = site
            self.writer = writer
            self.excerpt = excerpt
            contents = keepsContent ? MadeOnce(count: site.posts.count) : nil
        }

        /// Post `index`'s HTML, written once however many pages show it
        /// (its own, an index, a feed written in Liquid).
        public func content(of index: Int) -> String {
            guard let contents else { return writer.render(site.posts[index].document) }
            return contents.value(at: index) { writer.render(site.posts[index].document) }
        }
    }
}

/// A post, as Jekyll's post drop answers: `title`, `url`, `date`, `id`,
/// `path`, `slug`, `categories`, `tags`, `excerpt` and `content` (its
/// HTML), `next` (newer) and `previous` (older), `draft`, and every key of
/// its front matter.
public final class PostDrop: Drop {
    private let shelf: SiteDrops.Shelf
    let index: Int

    public init(shelf: SiteDrops.Shelf, index: Int) {
        self.shelf = shelf
        self.index = index
    }

    private var post: Post { shelf.site.posts[index] }

    public func value(for key: String) -> Value? {
        let post = self.post
        switch key {
        case "title": return .string(post.title)
        case "url": return .string(post.url)
        case "date":
            let zone = shelf.site.config.timeZone
            if let date = post.metadata.date { return .time(SiteLiquid.time(date, in: zone)) }
            return .time(SiteLiquid.time(post.date, in: zone))
        case "id":
            // Jekyll's: the URL's folder and the slug, `/2014/06/16/hello`.
            var url = post.url
            if url.hasSuffix("/") { url.removeLast() }
            let folder = (url as NSString).deletingLastPathComponent
            return .string((folder == "/" ? "" : folder) + "/" + (post.metadata.slug ?? PostDrop.slug(of: post.sourcePath)))
        case "path", "relative_path": return .string(post.sourcePath)
        case "slug": return .string(post.metadata.slug ?? PostDrop.slug(of: post.sourcePath))
        case "categories": return .array(post.metadata.categories.map(Value.string))
        case "tags": return .array(post.metadata.tags.map(Value.string))
        case "excerpt": return .string(shelf.excerpt(post))
        case "content", "output": return .string(shelf.content(of: index))
        case "collection": return "posts"
        case "draft": return .bool(post.isDraft)
        case "next": return index + 1 < shelf.site.posts.count ? .drop(PostDrop(shelf: shelf, index: index + 1)) : .nil
        case "previous": return index > 0 ? .drop(PostDrop(shelf: shelf, index: index - 1)) : .nil
        case "lang": return post.metadata.language.map(Value.string) ?? .nil
        case "description": return post.metadata.description.map(Value.string) ?? .nil
        default: return post.metadata.extra[key]?.liquidValue
        }
    }

    public var text: String { shelf.content(of: index) }
    public var typeName: String { "Jekyll::Drops::DocumentDrop" }
    public var inspectText: String { "#<Jekyll::Document \(post.sourcePath) collection=posts>" }

    /// `2014-06-16-hello.md` → `hello`.
    static func slug(of path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let parts = name.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 ? String(parts[3]) : name
    }
}

/// A page: `title`, `url`, `path`, `name`, `content` (a Markdown page's
/// HTML; a Liquid page's text), and every key of its front matter.
public final class PageDrop: Drop {
    public enum Source: Sendable {
        case markdown(Page)
        case template(TemplatePage)
    }

    private let shelf: SiteDrops.Shelf
    let source: Source

    public init(shelf: SiteDrops.Shelf, source: Source) {
        self.shelf = shelf
        self.source = source
    }

    var path: String {
        switch source {
        case .markdown(let page): page.sourcePath
        case .template(let page): page.sourcePath
        }
    }

    var outputPath: String {
        switch source {
        case .markdown(let page): page.outputPath
        case .template(let page): page.outputPath
        }
    }

    public func value(for key: String) -> Value? {
        switch (source, key) {
        case (.markdown(let page), "title"): return page.metadata.title.map(Value.string) ?? .nil
        case (.markdown(let page), "url"): return .string(page.url)
        case (.template(let page), "url"): return .string(page.url)
        case (_, "path"): return .string(path)
        case (_, "name"): return .string((path as NSString).lastPathComponent)
        case (.markdown(let page), "content"), (.markdown(let page), "output"):
            return .string(shelf.writer.render(page.document))
        case (.template(let page), "content"): return .string(page.text)
        case (.markdown(let page), "lang"): return page.metadata.language.map(Value.string) ?? .nil
        case (.markdown(let page), "description"): return page.metadata.description.map(Value.string) ?? .nil
        case (.markdown(let page), _): return page.metadata.extra[key]?.liquidValue
        case (.template(let page), _): return page.data[key]
        }
    }

    public var text: String { value(for: "content")?.text ?? "" }
    public var typeName: String { "Jekyll::Drops::PageDrop" }
    public var inspectText: String { "#<Jekyll::Page @relative_path=\"\(path)\">" }
}

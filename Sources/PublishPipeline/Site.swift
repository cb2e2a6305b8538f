import Foundation
import PublishAST
import PublishStages

/// Everything the emitters read: the site's settings and its posts, oldest
/// first, with URLs worked out once. Immutable once loaded, so emitters can
/// run over it in parallel.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Oldest first; equal dates in source path order.
    public var posts: [Post]
    /// Markdown files with front matter outside `_` folders: `about.md`.
    public var pages: [Page]
    /// Other files with front matter outside `_` folders, rendered with
    /// Liquid by the HTML output: `index.html`, `atom.xml`.
    public var templatePages: [TemplatePage] = []
    /// `.scss` and `.sass` files with front matter, by path from the
    /// source folder, which the HTML output compiles to CSS.
    public var sassFiles: [String] = []
    /// Every other file outside `_` and `.` folders, copied as it is;
    /// paths relative to the source folder.
    public var staticFiles: [String]
    /// The source folder, for emitters that copy or embed its files.
    public var source: URL?
    /// The site's own `_layouts`, by name; nil when it has no such folder
    /// (the HTML output then keeps its built-in theme whole).
    public var layouts: [String: LayoutFile]?
    /// The Liquid its posts and pages were rendered with: layouts are
    /// rendered with the same tags, filters, includes and `site`.
    public var liquid: SiteLiquid?
    /// The installed theme gem `theme:` names, whose layouts, includes,
    /// Sass and assets stand in for the site's where it has none.
    public var themeFolder: URL?
    /// Files of the theme's `assets/` the site does not replace, by path
    /// from the theme folder: copied, or compiled when they are Sass.
    public var themeStaticFiles: [String] = []
    public var themeSassFiles: [String] = []
    /// The documents of each collection `_config.yml` declares (`_recipes/`),
    /// in path order; `output` says whether they get pages.
    public var collections: [(label: String, output: Bool, documents: [Page])] = []
    /// Post files left out for an error (an unreadable date, a permalink
    /// another file has), by path from the source folder: the closing line
    /// names them, since the build otherwise looks whole.
    public var leftOut: [String] = []

    public init(config: SiteConfig, posts: [Post], pages: [Page] = [], staticFiles: [String] = [], source: URL? = nil) {
        self.config = config
        self.posts = posts
        self.pages = pages
        self.staticFiles = staticFiles
        self.source = source
    }

    /// The site as one output sees it: `stages` (those limited to that
    /// output) run over every post, excerpt and page.
    public func applying(_ stages: StageList) -> (site: Site, diagnostics: [Diagnostic]) {
        guard !stages.stages.isEmpty else { return (self, []) }
        var site = self
        var diagnostics: [Diagnostic] = []
        for index in site.posts.indices {
            diagnostics += stages.runAll(&site.posts[index].document, source: site.posts[index].source)
            _ = stages.runAll(&site.posts[index].excerpt, source: site.posts[index].source)
        }
        for index in site.pages.indices {
            diagnostics += stages.runAll(&site.pages[index].document, source: site.pages[index].source)
        }
        return (site, diagnostics)
    }

    /// Every category and the posts in it, by first appearance.
    public var categories: [(name: String, posts: [Int])] { group(\.categories) }

    /// Every tag and the posts that carry it, by first appearance.
    public var tags: [(name: String, posts: [Int])] { group(\.tags) }

    private func group(_ names: KeyPath<Metadata, [String]>) -> [(name: String, posts: [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, post) in posts.enumerated() {
            for name in post.metadata[keyPath: names] {
                if members[name] == nil { order.append(name) }
                members[name, default: []].append(index)
            }
        }
        return order.map { ($0, members[$0]!) }
    }
}

import Foundation
import PublishAST
import PublishPipeline
import PublishWriters

/// `html`: the site. A page per post at its permalink, the pages, a paged
/// index, an archive by year, a page per category and per tag, the theme's
/// stylesheet, and the static files copied as they are.
public struct HTMLEmitter: Emitter {
    public static let name = "html"

    /// Posts on each index page.
    var postsPerPage: Int
    /// Nil: as the site's `markdown.raw_html` says.
    var rawHTML: HTMLOptions.RawHTML?
    /// Feeds to announce in every page's head, by site-relative path.
    var feeds: [(type: String, title: String, path: String)] = []

    public init(options: Settings) throws {
        var options = options
        postsPerPage = try options.int("paginate", default: 10)
        let raw = try options.choice("raw_html", of: [""] + HTMLOptions.RawHTML.allCases.map(\.rawValue), default: "")
        rawHTML = HTMLOptions.RawHTML(rawValue: raw)
        try options.finish()
        guard postsPerPage > 0 else { throw Diagnostic.error("option `paginate` of output `html` must be 1 or more") }
    }

    /// Announces an Atom feed at `path` (site-relative) in every page.
    public mutating func announceFeed(title: String, path: String) {
        feeds.append((type: "application/atom+xml", title: title, path: path))
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        let theme = try Theme(overrides: site.source?.appendingPathComponent("templates"))
        let pages = SitePages(site: site, theme: theme, emitter: self)
        try output.write(Array(Theme.stylesheet.utf8), to: "assets/publish/theme.css")
        for index in site.posts.indices {
            try output.write(pages.post(at: index), to: site.posts[index].outputPath)
        }
        for page in site.pages {
            try output.write(pages.page(page), to: page.outputPath)
        }
        for (path, bytes) in pages.indexPages() { try output.write(bytes, to: path) }
        try output.write(pages.archive(), to: "archive/index.html")
        for (path, bytes) in pages.taxonomyPages() { try output.write(bytes, to: path) }
        var diagnostics: [Diagnostic] = []
        if let source = site.source {
            for file in site.staticFiles {
                do {
                    try output.copy(source.appendingPathComponent(file), to: file)
                } catch let diagnostic as Diagnostic {
                    diagnostics.append(.error(diagnostic.message, at: SourceLocation(path: file, position: .unknown)))
                }
            }
        }
        return diagnostics
    }
}

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
        let pages = SitePages(site: site, theme: theme, emitter: self, cache: output.cache)
        var jobs: [Job] = [.stylesheet]
        jobs += site.posts.indices.map { .post($0) }
        jobs += site.pages.indices.map { .page($0) }
        jobs += (1...pages.indexPageCount).map { .index($0) }
        jobs.append(.archive)
        jobs += pages.terms().map { .term($0) }
        // Every page on all cores; the first failure, in the pages' order, is thrown.
        let failures = Parallel.map(jobs) { job -> Error? in
            do {
                try job.put(pages: pages, theme: theme, files: output)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        var diagnostics: [Diagnostic] = []
        if let source = site.source {
            for file in site.staticFiles {
                do {
                    try output.copy(source.appendingPathComponent(file), to: file, reusing: true)
                } catch let diagnostic as Diagnostic {
                    diagnostics.append(.error(diagnostic.message, at: SourceLocation(path: file, position: .unknown)))
                }
            }
        }
        return diagnostics
    }

    /// One file of the site the theme renders.
    private enum Job: Sendable {
        case stylesheet
        case post(Int)
        case page(Int)
        case index(Int)
        case archive
        case term(SitePages.Term)

        func put(pages: SitePages, theme: Theme, files: OutputFolder) throws {
            let site = pages.site
            switch self {
            case .stylesheet:
                try files.put("assets/publish/theme.css", key: theme.fingerprint) { Array(Theme.stylesheet.utf8) }
            case .post(let index):
                try files.put(site.posts[index].outputPath, key: pages.postKey(at: index)) { pages.post(at: index) }
            case .page(let index):
                let page = site.pages[index]
                try files.put(page.outputPath, key: pages.pageKey(page)) { pages.page(page) }
            case .index(let page):
                try files.put(pages.indexPath(page), key: pages.indexKey(page)) { pages.indexPage(page) }
            case .archive:
                try files.put("archive/index.html", key: pages.archiveKey()) { pages.archive() }
            case .term(let term):
                try files.put(term.path, key: pages.termKey(term)) { pages.termPage(term) }
            }
        }
    }
}

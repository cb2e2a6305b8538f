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
        let theme = Theme(site: site)
        let pages = SitePages(site: site, theme: theme, emitter: self, cache: output.cache)
        var jobs: [Job] = [.stylesheet]
        jobs += site.posts.indices.map { .post($0) }
        jobs += site.pages.indices.map { .page($0) }
        jobs += (1...pages.indexPageCount).map { .index($0) }
        jobs.append(.archive)
        jobs += pages.terms().map { .term($0) }
        // Every page on all cores. A page a layout fails on is left out with
        // its error; a failure to write is thrown, the first in the pages' order.
        // The lists (a term's page can hold thousands of posts) go first, so
        // that no core is left with one long list while the others are done.
        let all = jobs
        let order = all.indices.filter { !all[$0].isSingle } + all.indices.filter { all[$0].isSingle }
        let scheduled = Parallel.map(order) { index -> Result<[Diagnostic], Error> in
            let job = all[index]
            do {
                return .success(try job.put(pages: pages, theme: theme, files: output))
            } catch let failure as Theme.Failure {
                return .success(failure.diagnostic.map { [$0] } ?? [])
            } catch {
                return .failure(error)
            }
        }
        var outcomes = scheduled
        for (position, index) in order.enumerated() { outcomes[index] = scheduled[position] }
        var diagnostics = theme.diagnostics
        // A layout's warning is said once, not once per page.
        var said: Set<String> = []
        for outcome in outcomes {
            switch outcome {
            case .success(let found):
                for diagnostic in found where said.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
            case .failure(let error): throw error
            }
        }
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

        /// A page of one post or page, or the stylesheet, rather than a list.
        var isSingle: Bool {
            switch self {
            case .stylesheet, .post, .page: true
            case .index, .archive, .term: false
            }
        }

        /// Writes the file; returns what its layouts warned of.
        func put(pages: SitePages, theme: Theme, files: OutputFolder) throws -> [Diagnostic] {
            let site = pages.site
            var warnings: [Diagnostic] = []
            func made(_ page: SitePages.HTMLPage) -> [UInt8] {
                warnings = page.warnings
                return page.bytes
            }
            switch self {
            case .stylesheet:
                try files.put("assets/publish/theme.css", key: theme.fingerprint) { Array(Theme.stylesheet.utf8) }
            case .post(let index):
                try files.put(site.posts[index].outputPath, key: pages.postKey(at: index)) { made(try pages.post(at: index)) }
            case .page(let index):
                let page = site.pages[index]
                try files.put(page.outputPath, key: pages.pageKey(page)) { made(try pages.page(page)) }
            case .index(let page):
                try files.put(pages.indexPath(page), key: pages.indexKey(page)) { made(try pages.indexPage(page)) }
            case .archive:
                try files.put("archive/index.html", key: pages.archiveKey()) { made(try pages.archive()) }
            case .term(let term):
                try files.put(term.path, key: pages.termKey(term)) { made(try pages.termPage(term)) }
            }
            return warnings
        }
    }
}

import Foundation
import PublishAST
import PublishLiquid
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
    /// The theme's words as `labels:` gives them, by label.
    var labels: [String: String] = [:]
    /// Feeds to announce in every page's head, by site-relative path.
    var feeds: [(type: String, title: String, path: String)] = []

    public init(options: Settings) throws {
        var options = options
        postsPerPage = try options.int("paginate", default: 10)
        let raw = try options.choice("raw_html", of: [""] + HTMLOptions.RawHTML.allCases.map(\.rawValue), default: "")
        rawHTML = HTMLOptions.RawHTML(rawValue: raw)
        var words = try options.nested("labels")
        for key in Labels.keys {
            let text = try words.string(key, default: "")
            if !text.isEmpty { labels[key] = text }
        }
        try words.finish()
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
        // The site's own pages take their files from the built-in ones, as
        // in Jekyll; then the built-in pages, then the posts. Two that write
        // one file are an error at the later, which is left out.
        var owners: [String: String] = [:]
        var clashes: [Diagnostic] = []
        /// Whether `source` may write `path`; a built-in page (`quietly`)
        /// yields to the site's own without a word.
        func claim(_ path: String, by source: String, quietly: Bool = false) -> Bool {
            if let owner = owners[path] {
                if quietly { return false }
                clashes.append(.error("\(source) and \(owner) both write \(path); this one is left out",
                                      at: Site.permalinkLocation(of: source, in: site.source)))
                return false
            }
            owners[path] = source
            return true
        }
        // jekyll-redirect-from: a post or page with `redirect_to:` is
        // written as a page that sends the reader there.
        let redirects = site.config.plugins.contains("jekyll-redirect-from")
        func redirect(_ value: Value?, path: String, source: String) -> Job? {
            guard redirects, let target = pages.redirectTarget(value) else { return nil }
            return .redirect(SitePages.Redirect(path: path, target: target, source: source))
        }
        for (index, page) in site.pages.enumerated() where claim(page.outputPath, by: page.sourcePath) {
            jobs.append(redirect(page.metadata.extra["redirect_to"]?.liquidValue, path: page.outputPath, source: page.sourcePath)
                        ?? .page(index))
        }
        for (collection, entry) in site.collections.enumerated() where entry.output {
            for (index, document) in entry.documents.enumerated() where claim(document.outputPath, by: document.sourcePath) {
                jobs.append(redirect(document.metadata.extra["redirect_to"]?.liquidValue, path: document.outputPath,
                                     source: document.sourcePath) ?? .document(collection, index))
            }
        }
        let paginated = pages.paginatedTemplate
        for (index, page) in site.templatePages.enumerated() {
            if paginated?.index == index {
                for number in 1...paginated!.pages
                where claim(number == 1 ? page.outputPath : pages.paginatedOutputPath(number), by: page.sourcePath) {
                    jobs.append(.template(index, number))
                }
            } else if claim(page.outputPath, by: page.sourcePath) {
                jobs.append(redirect(page.data["redirect_to"], path: page.outputPath, source: page.sourcePath) ?? .template(index, 1))
            }
        }
        for (path, fromTheme) in site.sassFiles.map({ ($0, false) }) + site.themeSassFiles.map({ ($0, true) }) {
            let css = (path as NSString).deletingPathExtension + ".css"
            if claim(css, by: path), claim(css + ".map", by: path) { jobs.append(.sass(path, fromTheme: fromTheme)) }
        }
        if owners["index.html"] == nil {
            for number in 1...pages.indexPageCount
            where claim(pages.indexPath(number), by: "publish's home page", quietly: true) {
                jobs.append(.index(number))
            }
        }
        if claim("archive/index.html", by: "publish's archive", quietly: true) { jobs.append(.archive) }
        for term in pages.terms() where claim(term.path, by: "publish's page of \(term.heading)", quietly: true) {
            jobs.append(.term(term))
        }
        for (index, post) in site.posts.enumerated() where claim(post.outputPath, by: post.sourcePath) {
            jobs.append(redirect(post.metadata.extra["redirect_to"]?.liquidValue, path: post.outputPath, source: post.sourcePath)
                        ?? .post(index))
        }
        // jekyll-redirect-from: a page at each old address of a post or page.
        if redirects {
            for redirect in pages.redirects() where claim(redirect.path, by: redirect.source) {
                jobs.append(.redirect(redirect))
            }
        }
        // jekyll-sitemap's files, unless the site writes its own.
        if site.config.plugins.contains("jekyll-sitemap") {
            if owners["sitemap.xml"] == nil, !site.staticFiles.contains("sitemap.xml") { jobs.append(.sitemap) }
            if owners["robots.txt"] == nil, !site.staticFiles.contains("robots.txt") { jobs.append(.robots) }
        }
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
                guard var diagnostic = failure.diagnostic else { return .success([]) }
                if let page = failure.page { diagnostic.message += " (rendering \(page))" }
                return .success([diagnostic])
            } catch {
                return .failure(error)
            }
        }
        var outcomes = scheduled
        for (position, index) in order.enumerated() { outcomes[index] = scheduled[position] }
        var diagnostics = theme.diagnostics + clashes
        // A fault in a layout or an include is said once, with the first
        // page it stopped and how many others; a warning once, not per page.
        var said: [String: Int] = [:]
        var repeats: [(at: Int, count: Int)] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let found):
                for diagnostic in found {
                    var key = diagnostic
                    if let cut = key.message.range(of: " (rendering ", options: .backwards) {
                        key.message = String(key.message[..<cut.lowerBound])
                    }
                    if let seen = said[key.description] {
                        repeats[seen].count += 1
                    } else {
                        said[key.description] = repeats.count
                        repeats.append((diagnostics.count, 0))
                        diagnostics.append(diagnostic)
                    }
                }
            case .failure(let error): throw error
            }
        }
        for (at, count) in repeats where count > 0 && diagnostics[at].message.hasSuffix(")") {
            diagnostics[at].message.removeLast()
            diagnostics[at].message += " and \(count) other page\(count == 1 ? "" : "s"))"
        }
        if let theme = site.themeFolder {
            for file in site.themeStaticFiles where owners[file] == nil && !site.staticFiles.contains(file) {
                try output.copy(theme.appendingPathComponent(file), to: file, reusing: true)
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
        /// A page of the site's own Liquid, and its number when it is paginated.
        case template(Int, Int)
        /// A Sass file of the site, or of its theme gem's assets, and its source map.
        case sass(String, fromTheme: Bool)
        /// jekyll-sitemap's `sitemap.xml` and `robots.txt`.
        case sitemap, robots
        /// A document of a collection that has pages of its own.
        case document(Int, Int)
        /// A page that sends the reader on, at an old address.
        case redirect(SitePages.Redirect)

        /// A page of one post or page, or the stylesheet, rather than a list.
        var isSingle: Bool {
            switch self {
            case .stylesheet, .post, .page, .template, .sass, .robots, .redirect, .document: true
            case .sitemap: false
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
                let css = Array(Theme.stylesheet(for: site.config).utf8)
                try files.put("assets/publish/theme.css", key: ContentHash.hex(css)) { css }
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
            case .document(let collection, let index):
                let document = site.collections[collection].documents[index]
                try files.put(document.outputPath, key: pages.pageKey(document)) { made(try pages.page(document)) }
            case .redirect(let redirect):
                let bytes = pages.redirectPage(to: redirect.target)
                try files.put(redirect.path, key: ContentHash.hex(bytes)) { bytes }
            case .sitemap:
                let bytes = pages.sitemap()
                try files.put("sitemap.xml", key: ContentHash.hex(bytes)) { bytes }
            case .robots:
                let bytes = Array("Sitemap: \(pages.absolute("/sitemap.xml"))\n".utf8)
                try files.put("robots.txt", key: ContentHash.hex(bytes)) { bytes }
            case .sass(let path, let fromTheme):
                let output = try pages.sass(path, fromTheme: fromTheme)
                let css = (path as NSString).deletingPathExtension + ".css"
                // Compiled every build (a site has few), written only when the CSS is new.
                try files.put(css, key: ContentHash.hex(Array(output.css.utf8))) { Array(output.css.utf8) }
                if let map = output.map {
                    try files.put(css + ".map", key: ContentHash.hex(Array(map.utf8))) { Array(map.utf8) }
                }
            case .template(let index, let number):
                let path = number == 1 ? site.templatePages[index].outputPath : pages.paginatedOutputPath(number)
                try files.put(path, key: pages.templateKey(index, number: number)) {
                    made(try pages.templatePage(index, number: number))
                }
            }
            return warnings
        }
    }
}

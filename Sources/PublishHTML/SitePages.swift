import Foundation
import PublishAST
import PublishLiquid
import PublishPipeline
import PublishWriters

/// Renders each kind of page of one site through the theme's layouts;
/// pages are rendered on all cores at once, so it holds nothing mutable but
/// its locked summaries.
///
/// What a layout sees besides Jekyll's `site`: `page` (a post's or page's
/// front matter and Jekyll's keys when the site has layouts of its own,
/// with what the built-in layouts show:
/// `lang`, `meta_description`, `datetime`, `day`, `reading_time`,
/// `excerpt`, `category_pages`, `tag_pages`, `previous`, `next`; a list's
/// `heading` and `posts`; the archive's `years` and `taxonomies`),
/// `paginator` on the index pages, with jekyll-paginate's keys, and
/// `publish`: the site's settings as publish resolved them (`title`,
/// `description`, `url`, `baseurl`, `author`), its `navigation`, its
/// `feeds` and the theme's `labels` in the site's language.
struct SitePages: Sendable {
    let site: Site
    let theme: Theme
    let emitter: HTMLEmitter
    let labels: Labels
    /// `publish`, the same on every page.
    let publish: Value
    private let writer: HTMLWriter
    private let dayFormat: Date.ISO8601FormatStyle
    private let instantFormat: Date.ISO8601FormatStyle
    /// Each post as lists show it, its excerpt rendered once however many
    /// lists it is in, and only when a list that is rendered holds it.
    private let summaries: MadeOnce<Value>
    /// What each post's summary is made from, by post index; empty when
    /// the build keeps no cache.
    private let summaryKeys: [String]
    /// What every page is made from besides its own content: the theme,
    /// the options, the site's navigation and feeds.
    private let baseKey: String
    /// What every post, page and static file of the site is, for the pages
    /// whose Liquid can read them all.
    private let siteContentKey: String
    private let excerpts: Excerpts
    /// What post drops read from.
    private let shelf: SiteDrops.Shelf
    /// `site`: the configuration's keys, and the posts and pages as drops
    /// when the site has layouts or Liquid pages of its own to read them.
    private let siteValue: Value

    init(site: Site, theme: Theme, emitter: HTMLEmitter, cache: BuildCache?) {
        self.site = site
        self.theme = theme
        self.emitter = emitter
        let config = site.config
        labels = Labels.forLanguage(config.language).overridden(by: emitter.labels)
        let rawHTML = emitter.rawHTML ?? HTMLOptions.RawHTML(rawValue: config.rawHTML) ?? .keep
        writer = HTMLWriter(options: HTMLOptions(rawHTML: rawHTML, flavor: config.htmlFlavor, lazyImages: true))
        var excerptKey = CacheKey("excerpt html")
        excerptKey.add(rawHTML.rawValue)
        excerptKey.add(config.isKramdown ? "rouge" : "")
        let excerpts = Excerpts(writer: writer, cache: cache, baseKey: excerptKey.value)
        self.excerpts = excerpts
        shelf = SiteDrops.Shelf(site: site, writer: writer,
                                keepsContent: theme.readsSiteContent || !site.templatePages.isEmpty,
                                excerpt: { excerpts.html(of: $0) })
        siteValue = theme.followsFrontMatter || !site.templatePages.isEmpty
            ? SiteDrops(shelf: shelf, config: theme.site, now: theme.now).site
            : theme.site
        // Pages with a title, as Jekyll themes list them; not the home page or the 404 page.
        var navigation: [Value] = site.pages
            .filter { $0.metadata.title != nil && !["index.html", "404.html"].contains($0.outputPath) }
            .map { .hash(["title": .string($0.title), "url": .string($0.url)]) }
        navigation.append(.hash(["title": .string(labels.archive), "url": "/archive/"]))
        let feeds: [Value] = emitter.feeds.map {
            .hash(["type": .string($0.type), "title": .string($0.title), "url": .string("/" + $0.path)])
        }
        // The subscription feed, for readers whose browser shows no feed icon.
        if let feed = emitter.feeds.first { navigation.append(.hash(["title": .string(labels.feed), "url": .string("/" + feed.path)])) }
        publish = .hash([
            "title": .string(config.title), "description": .string(config.description), "url": .string(config.url),
            "baseurl": .string(config.baseurl), "author": config.author.map { .string($0.name) } ?? .nil,
            "navigation": .array(navigation), "feeds": .array(feeds),
            "labels": .hash(["archive": .string(labels.archive), "categories": .string(labels.categories),
                             "tags": .string(labels.tags), "newer": .string(labels.newer),
                             "older": .string(labels.older)]),
        ])
        let iso = Date.ISO8601FormatStyle(timeZone: config.timeZone)
        dayFormat = iso.year().month().day().dateSeparator(.dash)
        instantFormat = iso.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .colon)
        summaries = MadeOnce(count: site.posts.count)
        guard cache != nil else {
            summaryKeys = []
            baseKey = ""
            siteContentKey = ""
            return
        }
        var key = CacheKey("html page")
        key.add(theme.fingerprint)
        key.add(emitter.postsPerPage)
        key.add(emitter.rawHTML?.rawValue)
        key.add(config.rawHTML)
        key.add(config.language)
        key.add(emitter.labels.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: "\n"))
        key.add(config.timeZone.identifier)
        key.add(publish.inspect)
        var content = CacheKey("site content")
        for post in site.posts {
            content.add(post.contentKey)
            content.add(post.url)
            content.add(post.date)
        }
        for page in site.pages + site.collections.flatMap(\.documents) {
            content.add(page.url)
            content.add(ContentHash.hex(page.document.jsonBytes()))
        }
        content.add(site.staticFiles)
        siteContentKey = content.value
        // The site's layouts can read any post or page through `site`: then
        // a change to one makes every page again.
        if theme.readsSiteContent { key.add(siteContentKey) }
        baseKey = key.value
        summaryKeys = site.posts.map { post in
            var key = CacheKey("summary")
            key.add(post.title)
            key.add(post.metadata.language)
            key.add(post.url)
            key.add(post.date)
            key.add(post.readingMinutes)
            key.add(post.excerptKey)
            return key.value
        }
    }

    // MARK: Keys

    /// A key of what the page of post `index` is made from.
    func postKey(at index: Int) -> String {
        let post = site.posts[index]
        var key = CacheKey("post page")
        key.add(baseKey)
        key.add(summaryKeys[index])
        key.add(post.contentKey)
        key.add(post.metadata.description)
        key.add(post.metadata.categories)
        key.add(post.metadata.tags)
        for neighbour in [index - 1, index + 1] {
            let there = site.posts.indices.contains(neighbour) ? site.posts[neighbour] : nil
            key.add(there?.title)
            key.add(there?.url)
        }
        return key.value
    }

    func pageKey(_ page: Page) -> String {
        var key = CacheKey("page")
        key.add(baseKey)
        key.add(page.url)
        key.add(ContentHash.hex(page.document.jsonBytes()))
        return key.value
    }

    /// A key of a list of posts, newest first, under `heading` at `url`.
    private func listKey(_ kind: String, heading: String?, url: String, posts: [Int], extra: [String] = []) -> String {
        var key = CacheKey(kind)
        key.add(baseKey)
        key.add(heading)
        key.add(url)
        key.add(extra)
        key.add(posts.count)
        for index in posts { key.add(summaryKeys[index]) }
        return key.value
    }

    // MARK: Pages

    func post(at index: Int) throws(Theme.Failure) -> HTMLPage {
        let post = site.posts[index]
        let content = shelf.content(of: index)
        var page = frontMatter(post.metadata, path: post.sourcePath)
        guard case .hash(let summary) = summary(at: index) else { preconditionFailure("a summary is a hash") }
        // The front matter's own `date` keeps its offset, as Jekyll's does.
        for (key, value) in summary where key != "date" || page["date"] == nil { page[key] = value }
        page["content"] = .string(content)
        page["meta_description"] = description(of: post).map(Value.string) ?? .nil
        page["categories"] = .array(post.metadata.categories.map(Value.string))
        page["tags"] = .array(post.metadata.tags.map(Value.string))
        page["category_pages"] = .array(post.metadata.categories.map { termLink("categories", $0) })
        page["tag_pages"] = .array(post.metadata.tags.map { termLink("tags", $0) })
        page["previous"] = index > 0 ? link(to: site.posts[index - 1]) : .nil
        page["next"] = index + 1 < site.posts.count ? link(to: site.posts[index + 1]) : .nil
        var site = siteValue
        if case .hash(var values) = siteValue, values["posts"] != nil {
            // Jekyll's related posts without LSI: the ten newest others.
            let related = self.site.posts.indices.reversed().lazy.filter { $0 != index }.prefix(10)
            values["related_posts"] = .array(related.map { .drop(PostDrop(shelf: shelf, index: $0)) })
            site = .hash(values)
        }
        return try render(content, layout: theme.layout(for: post.metadata, kind: "post", path: post.sourcePath), page: page,
                          path: post.sourcePath, site: site)
    }

    func page(_ page: Page) throws(Theme.Failure) -> HTMLPage {
        let content = writer.render(page.document)
        var variables = frontMatter(page.metadata, path: page.sourcePath)
        // A site's own layouts see Jekyll's page.title (none when the front
        // matter has none); the built-in ones name the page after its file.
        variables["title"] = theme.followsFrontMatter ? page.metadata.title.map(Value.string) ?? .nil : .string(page.title)
        variables["url"] = .string(page.url)
        variables["lang"] = .string(language(of: page.metadata))
        variables["content"] = .string(content)
        variables["meta_description"] = page.metadata.description.map(Value.string) ?? .nil
        return try render(content, layout: theme.layout(for: page.metadata, kind: "page", path: page.sourcePath), page: variables,
                          path: page.sourcePath)
    }

    /// How many index pages there are: `index.html`, then `page/2/index.html` and on.
    var indexPageCount: Int {
        max(1, (site.posts.count + emitter.postsPerPage - 1) / emitter.postsPerPage)
    }

    private func indexURL(_ page: Int) -> String { page == 1 ? "/" : "/page/\(page)/" }

    /// The file of index page `page` (from 1).
    func indexPath(_ page: Int) -> String { String(indexURL(page).dropFirst()) + "index.html" }

    /// The posts on index page `page`, newest first, by index.
    private func indexPosts(_ page: Int) -> [Int] {
        Array(site.posts.indices.reversed().dropFirst((page - 1) * emitter.postsPerPage).prefix(emitter.postsPerPage))
    }

    func indexKey(_ page: Int) -> String {
        listKey("index page", heading: nil, url: indexURL(page), posts: indexPosts(page), extra: ["\(indexPageCount)"])
    }

    /// Index page `page`, newest posts first.
    func indexPage(_ page: Int) throws(Theme.Failure) -> HTMLPage {
        let count = indexPageCount
        let posts = Value.array(indexPosts(page).map(summary))
        let paginator: Hash = [
            "page": .int(page), "per_page": .int(emitter.postsPerPage), "posts": posts,
            "total_posts": .int(site.posts.count), "total_pages": .int(count),
            "previous_page": page > 1 ? .int(page - 1) : .nil,
            "previous_page_path": page > 1 ? .string(indexURL(page - 1)) : .nil,
            "next_page": page < count ? .int(page + 1) : .nil,
            "next_page_path": page < count ? .string(indexURL(page + 1)) : .nil,
        ]
        return try listPage(title: page == 1 ? nil : "\(page) / \(count)", heading: nil, posts: posts,
                            description: site.config.description, url: indexURL(page), paginator: paginator)
    }

    func archiveKey() -> String {
        var extra: [String] = []
        for (kind, terms) in [("categories", site.categories), ("tags", site.tags)] {
            extra.append(kind)
            for term in terms { extra += [term.name, "\(term.posts.count)"] }
        }
        return listKey("archive", heading: labels.archive, url: "/archive/", posts: site.posts.indices.reversed(),
                       extra: extra)
    }

    func archive() throws(Theme.Failure) -> HTMLPage {
        var years: [(year: String, posts: [Value])] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.config.timeZone
        for (index, post) in site.posts.enumerated().reversed() {
            let year = String(calendar.component(.year, from: post.date))
            if years.last?.year != year { years.append((year, [])) }
            years[years.count - 1].posts.append(summary(at: index))
        }
        let taxonomies = [("categories", labels.categories, site.categories), ("tags", labels.tags, site.tags)]
            .filter { !$0.2.isEmpty }
            .map { kind, title, terms -> Value in
                .hash(["title": .string(title), "terms": .array(terms.map { term -> Value in
                    let url = termPath(kind, term.name)
                    return .hash(["name": .string(term.name), "url": .string(url), "href": .string(href(url)),
                                  "count": .int(term.posts.count)])
                })])
            }
        let page: Hash = [
            "title": .string(labels.archive), "url": "/archive/", "lang": .string(site.config.language),
            "years": .array(years.map { .hash(["year": .string($0.year), "posts": .array($0.posts)]) }),
            "taxonomies": .array(taxonomies),
        ]
        return try render("", layout: "archive", page: page, path: "archive/index.html")
    }

    /// A page of the posts under one category or tag: the first at the
    /// term's own address, the others at `page/N/` under it, as many posts
    /// to a page as the index has.
    struct Term: Sendable {
        var path: String
        var url: String
        var heading: String
        /// Newest first, by index: this page's.
        var posts: [Int]
        var page = 1
        var pageCount = 1
        /// The address of each page of the term, by number from 1.
        var firstURL: String

        func url(ofPage number: Int) -> String { number == 1 ? firstURL : firstURL + "page/\(number)/" }
    }

    /// The pages of every category and tag; terms whose names give one
    /// slug get the first one's pages.
    func terms() -> [Term] {
        var result: [Term] = []
        let perPage = emitter.postsPerPage
        for (kind, terms, heading) in [("categories", site.categories, labels.categoryHeading),
                                       ("tags", site.tags, labels.tagHeading)] {
            var taken: Set<String> = []
            for term in terms {
                let first = termPath(kind, term.name)
                guard taken.insert(first).inserted else { continue }
                let posts = Array(term.posts.reversed())
                let count = max(1, (posts.count + perPage - 1) / perPage)
                for page in 1...count {
                    var entry = Term(path: "", url: "", heading: heading(term.name),
                                     posts: Array(posts.dropFirst((page - 1) * perPage).prefix(perPage)),
                                     page: page, pageCount: count, firstURL: first)
                    entry.url = entry.url(ofPage: page)
                    entry.path = String(entry.url.dropFirst()).removingPercentEncoding! + "index.html"
                    result.append(entry)
                }
            }
        }
        return result
    }

    func termKey(_ term: Term) -> String {
        listKey("term page", heading: term.heading, url: term.url, posts: term.posts,
                extra: ["\(term.page)", "\(term.pageCount)"])
    }

    /// One page of a category or tag, newest posts first, with a paginator
    /// as the index has.
    func termPage(_ term: Term) throws(Theme.Failure) -> HTMLPage {
        let posts = Value.array(term.posts.map(summary))
        let page = term.page, count = term.pageCount
        let paginator: Hash = [
            "page": .int(page), "per_page": .int(emitter.postsPerPage), "posts": posts,
            "total_pages": .int(count),
            "previous_page": page > 1 ? .int(page - 1) : .nil,
            "previous_page_path": page > 1 ? .string(term.url(ofPage: page - 1)) : .nil,
            "next_page": page < count ? .int(page + 1) : .nil,
            "next_page_path": page < count ? .string(term.url(ofPage: page + 1)) : .nil,
        ]
        return try listPage(title: page == 1 ? term.heading : "\(term.heading) · \(page) / \(count)",
                            heading: term.heading, posts: posts, description: nil, url: term.url,
                            paginator: count > 1 ? paginator : nil)
    }

    // MARK: Pages of the site's own Liquid

    /// The pages jekyll-paginate makes of the site's `index.html` when
    /// `paginate` is set: nil when it does not apply.
    var paginatedTemplate: (index: Int, perPage: Int, pages: Int)? {
        guard case .int(let perPage)? = site.config.values["paginate"].map(\.liquidValue), perPage > 0,
              let index = site.templatePages.firstIndex(where: { $0.outputPath == "index.html" }) else { return nil }
        return (index, perPage, max(1, (site.posts.count + perPage - 1) / perPage))
    }

    /// jekyll-paginate's path of page `number` (from 1): the index's own URL
    /// for the first, then `paginate_path` (`/page:num/`) with the number.
    func paginatePath(_ number: Int) -> String {
        guard number > 1 else { return "/" }
        var format = site.config.values["paginate_path"]?.scalarText ?? "/page:num"
        format = format.replacingOccurrences(of: ":num", with: String(number))
        return format.hasPrefix("/") ? format : "/" + format
    }

    /// The file page `number` of the paginated index is written to.
    func paginatedOutputPath(_ number: Int) -> String {
        let url = paginatePath(number)
        let trimmed = url.split(separator: "/").joined(separator: "/")
        return url.hasSuffix(".html") ? trimmed : (trimmed.isEmpty ? "" : trimmed + "/") + "index.html"
    }

    func templateKey(_ index: Int, number: Int) -> String {
        let page = site.templatePages[index]
        var key = CacheKey("template page")
        key.add(baseKey)
        key.add(page.sourcePath)
        key.add(page.text)
        key.add(page.data.map { $0.key + "=" + $0.value.inspect })
        key.add(number)
        // Its Liquid can read every post, page and static file.
        key.add(siteContentKey)
        return key.value
    }

    /// A page of the site's own Liquid: its text rendered, then laid out
    /// when it names a layout. Page `number` of a paginated index gets
    /// jekyll-paginate's `paginator`.
    func templatePage(_ index: Int, number: Int) throws(Theme.Failure) -> HTMLPage {
        let template = site.templatePages[index]
        var page = site.liquid.map { $0.defaults.values(for: template.sourcePath, type: "pages") } ?? Hash()
        for (key, value) in template.data { page[key] = value }
        page["url"] = .string(number > 1 ? paginatePath(number) : template.url)
        page["path"] = .string(template.sourcePath)
        page["name"] = .string((template.sourcePath as NSString).lastPathComponent)
        page["dir"] = .string("/" + ((template.sourcePath as NSString).deletingLastPathComponent))
        page["content"] = .string(template.text)
        var variables: [String: Value] = ["publish": publish, "site": siteValue]
        if let paginated = paginatedTemplate, paginated.index == index {
            let posts = Array(site.posts.indices.reversed().dropFirst((number - 1) * paginated.perPage)
                .prefix(paginated.perPage))
            variables["paginator"] = .hash([
                "page": .int(number), "per_page": .int(paginated.perPage),
                "posts": .array(posts.map { .drop(PostDrop(shelf: shelf, index: $0)) }),
                "total_posts": .int(site.posts.count), "total_pages": .int(paginated.pages),
                "previous_page": number > 1 ? .int(number - 1) : .nil,
                "previous_page_path": number > 1 ? .string(paginatePath(number - 1)) : .nil,
                "next_page": number < paginated.pages ? .int(number + 1) : .nil,
                "next_page_path": number < paginated.pages ? .string(paginatePath(number + 1)) : .nil,
            ])
        }
        variables["page"] = .hash(page)
        let expanded = try theme.expand(template.text, firstLine: template.firstLine, path: template.sourcePath,
                                        variables: variables)
        guard let layout = LayoutFile.layoutName(page["layout"]) else {
            return HTMLPage(bytes: Array(expanded.text.utf8), warnings: expanded.warnings)
        }
        page["content"] = .string(expanded.text)
        variables["page"] = .hash(page)
        let laid = try theme.render(expanded.text, layout: layout, variables: variables, path: template.sourcePath)
        return HTMLPage(bytes: Array(laid.text.utf8), warnings: expanded.warnings + laid.warnings)
    }

    /// A site path as jekyll-sitemap writes it: under the site's `url` and
    /// baseurl, or under the baseurl alone when the site has no `url`.
    func absolute(_ path: String) -> String {
        var base = ""
        if case .string(let url)? = site.config.values["url"]?.liquidValue { base = url }
        if base.hasSuffix("/") { base.removeLast() }
        return base + site.config.baseurl + path
    }

    /// An old address of a post or page, from its `redirect_from:`.
    struct Redirect: Sendable {
        /// The file written, from the output folder.
        var path: String
        /// The address it sends the reader to, absolute.
        var target: String
        /// The file that asked for it.
        var source: String
    }

    /// Every `redirect_from:` of the posts and pages.
    func redirects() -> [Redirect] {
        var found: [Redirect] = []
        func add(_ value: Value?, url: String, source: String) {
            let paths: [String]
            switch value {
            case .string(let path)?: paths = [path]
            case .array(let items)?: paths = items.compactMap { if case .string(let path) = $0 { path } else { nil } }
            default: return
            }
            for path in paths where !path.isEmpty {
                let escaped = Permalink.escapePath(path.hasPrefix("/") ? path : "/" + path)
                guard let file = Permalink.outputPath(for: escaped) else { continue }
                found.append(Redirect(path: file, target: absolute(url), source: source))
            }
        }
        for post in site.posts { add(post.metadata.extra["redirect_from"]?.liquidValue, url: post.url, source: post.sourcePath) }
        for page in site.pages { add(page.metadata.extra["redirect_from"]?.liquidValue, url: page.url, source: page.sourcePath) }
        for page in site.templatePages { add(page.data["redirect_from"], url: page.url, source: page.sourcePath) }
        return found
    }

    /// Where a post or page with `redirect_to:` sends the reader instead of
    /// being written (the first address of a list), as jekyll-redirect-from
    /// does: an http(s) address as it is, anything else under the site's url.
    func redirectTarget(_ value: Value?) -> String? {
        let target: String
        switch value {
        case .string(let text)?: target = text
        case .array(let items)?:
            guard case .string(let first)? = items.first else { return nil }
            target = first
        default: return nil
        }
        guard !target.isEmpty else { return nil }
        if target.range(of: "^https?://", options: .regularExpression) != nil { return target }
        return absolute(target.hasPrefix("/") ? target : "/" + target)
    }

    /// The page jekyll-redirect-from writes at an old address.
    func redirectPage(to target: String) -> [UInt8] {
        var escaped: [UInt8] = []
        HTMLEscaping.appendEscaped(target, to: &escaped, apostrophe: true)
        let url = String(decoding: escaped, as: UTF8.self)
        // In a script, `</` would end it: JSON's quoting, with that slash escaped.
        let script = JSON.quoted(target).replacingOccurrences(of: "</", with: "<\\/")
        return Array("""
            <!DOCTYPE html>
            <html lang="en-US">
              <meta charset="utf-8">
              <title>Redirecting&hellip;</title>
              <link rel="canonical" href="\(url)">
              <script>location=\(script)</script>
              <meta http-equiv="refresh" content="0; url=\(url)">
              <meta name="robots" content="noindex">
              <h1>Redirecting&hellip;</h1>
              <a href="\(url)">Click here if you are not redirected.</a>
            </html>

            """.utf8)
    }

    /// jekyll-sitemap's `sitemap.xml`: every post, then every HTML page but
    /// those whose front matter says `sitemap: false`, and the PDFs, with
    /// the posts' dates as `lastmod`.
    func sitemap() -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        func add(_ path: String, lastmod: String?) {
            var loc: [UInt8] = []
            HTMLEscaping.appendEscaped(absolute(path), to: &loc)
            out += "<url>\n<loc>" + String(decoding: loc, as: UTF8.self) + "</loc>\n"
            if let lastmod { out += "<lastmod>" + lastmod + "</lastmod>\n" }
            out += "</url>\n"
        }
        for post in site.posts where post.metadata.extra["sitemap"] != .bool(false) {
            add(post.url, lastmod: SiteLiquid.time(post.date, in: site.config.timeZone).format("%Y-%m-%dT%H:%M:%S%:z"))
        }
        for page in site.pages where page.metadata.extra["sitemap"] != .bool(false) && page.outputPath.hasSuffix(".html")
            && page.outputPath != "404.html" {
            add(page.url, lastmod: nil)
        }
        for page in site.templatePages where page.data["sitemap"].map({ $0.isTruthy }) ?? true
            && page.outputPath.hasSuffix(".html") && page.outputPath != "404.html" {
            add(page.url, lastmod: nil)
        }
        for file in site.staticFiles where file.lowercased().hasSuffix(".pdf") {
            add("/" + Permalink.escapePath(file), lastmod: nil)
        }
        return Array((out + "</urlset>\n").utf8)
    }

    /// A Sass file of the site, compiled.
    /// With `fromTheme`, `path` is a file of the theme gem's folder.
    func sass(_ path: String, fromTheme: Bool = false) throws(Theme.Failure) -> Sass.Output {
        guard let source = site.source else { throw Theme.Failure(diagnostic: nil) }
        var settings: [String: String] = [:]
        if case .mapping(let sass)? = site.config.values["sass"] {
            for entry in sass { if let text = entry.value.scalarText { settings[entry.key] = text } }
        }
        let compiler = Sass(source: source, theme: site.themeFolder, root: fromTheme ? site.themeFolder : nil,
                            config: settings)
        guard let file = SiteBoundary.resolve(URL(fileURLWithPath: compiler.root + "/" + path), inside: compiler.root),
              let data = FileManager.default.contents(atPath: file) else {
            throw Theme.Failure(diagnostic: .warning("the file is a link to a file outside the site, so it is not read",
                                                     at: SourceLocation(path: path, position: .unknown)))
        }
        do {
            let split = try LayoutFile(name: path, path: path, contents: String(decoding: data, as: UTF8.self))
            // Jekyll renders a Sass file's Liquid first (`@import "{{ site.theme }}"`).
            var page = split.data
            page["path"] = .string(path)
            let text = SiteLiquid.appears(in: split.text.utf8)
                ? try theme.expand(split.text, firstLine: split.firstLine, path: path,
                                   variables: ["page": .hash(page), "site": siteValue]).text
                : split.text
            return try compiler.compile(text, path: path, firstLine: split.firstLine)
        } catch let diagnostic as Diagnostic {
            throw Theme.Failure(diagnostic: diagnostic)
        } catch {
            throw Theme.Failure(diagnostic: .error("\(error)", at: SourceLocation(path: path, position: .unknown)))
        }
    }

    // MARK: Pieces

    /// A page's bytes, and what its layouts' Liquid warned of.
    struct HTMLPage {
        var bytes: [UInt8]
        var warnings: [Diagnostic]
    }

    /// An index page or the page of a term: the `home` layout.
    private func listPage(title: String?, heading: String?, posts: Value, description: String?, url: String,
                          paginator: Hash?) throws(Theme.Failure) -> HTMLPage {
        let page: Hash = [
            "title": title.map(Value.string) ?? .nil, "heading": heading.map(Value.string) ?? .nil,
            "url": .string(url), "lang": .string(site.config.language), "posts": posts,
            "meta_description": description.map(Value.string) ?? .nil,
        ]
        return try render("", layout: "home", page: page, path: String(url.dropFirst()) + "index.html",
                          paginator: paginator)
    }

    /// `content` through `layout` and the layouts around it.
    private func render(_ content: String, layout: String?, page: Hash, path: String,
                        paginator: Hash? = nil, site: Value? = nil) throws(Theme.Failure) -> HTMLPage {
        var variables: [String: Value] = ["page": .hash(page), "publish": publish, "site": site ?? siteValue]
        variables["paginator"] = paginator.map(Value.hash) ?? .nil
        let rendered = try theme.render(content, layout: layout, variables: variables, path: path)
        return HTMLPage(bytes: Array(rendered.text.utf8), warnings: rendered.warnings)
    }

    /// `page.X` from front matter, as posts' Liquid saw it (Jekyll's keys
    /// and every other key as written).
    /// Only a site's own layouts can read it: the built-in ones are not given it.
    private func frontMatter(_ metadata: Metadata, path: String) -> Hash {
        guard theme.followsFrontMatter, let liquid = site.liquid,
              case .hash(let hash) = liquid.pageVariables(metadata, path: path) else {
            return Hash()
        }
        return hash
    }

    /// Post `index` as lists show it, made the first time a page asks.
    private func summary(at index: Int) -> Value {
        summaries.value(at: index) { summary(of: site.posts[index]) }
    }

    private func summary(of post: Post) -> Value {
        let lang = language(of: post.metadata)
        return .hash([
            "title": .string(post.title), "url": .string(post.url), "href": .string(href(post.url)), "lang": .string(lang),
            "date": .time(SiteLiquid.time(post.date, in: site.config.timeZone)),
            "datetime": .string(rfc3339(post.date)), "day": .string(day(post.date)),
            "reading_minutes": .int(post.readingMinutes),
            "reading_time": .string(minutesLabel(lang)(post.readingMinutes)),
            "excerpt": .string(excerpts.html(of: post)),
        ])
    }

    private func link(to post: Post) -> Value {
        .hash(["title": .string(post.title), "url": .string(post.url), "href": .string(href(post.url))])
    }

    /// A category's or tag's name and the URL of its page.
    private func termLink(_ kind: String, _ name: String) -> Value {
        let url = termPath(kind, name)
        return .hash(["name": .string(name), "url": .string(url), "href": .string(href(url))])
    }

    /// A site path as pages link to it: under the baseurl.
    private func href(_ url: String) -> String {
        site.config.relativeURL(url)
    }

    private func description(of post: Post) -> String? {
        if let description = post.metadata.description { return description }
        // Trimmed in Swift: Foundation's trimmingCharacters goes through
        // NSString on Linux, which cost more than writing the excerpt.
        let text = TextWriter(options: TextOptions(columns: 0)).render(post.excerpt)
        let start = text.unicodeScalars.firstIndex { !SitePages.isSpace($0) } ?? text.unicodeScalars.endIndex
        let end = text.unicodeScalars.lastIndex { !SitePages.isSpace($0) }.map { text.unicodeScalars.index(after: $0) }
            ?? start
        var scalars = text.unicodeScalars[start..<max(start, end)]
        // The control characters HTML forbids, which the page's own HTML drops too.
        if scalars.contains(where: HTMLEscaping.isForbidden) {
            scalars = Substring.UnicodeScalarView(scalars.filter { !HTMLEscaping.isForbidden($0) })[...]
        }
        return String(scalars)
    }

    /// `CharacterSet.whitespacesAndNewlines`: Unicode's separators (Z*),
    /// tab, line feed to carriage return, and next line.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// `/categories/some-name/`, percent-encoded.
    func termPath(_ kind: String, _ name: String) -> String {
        let slug = Slug.make(name)
        return "/\(kind)/" + Permalink.escapePath(slug.isEmpty ? "-" : slug) + "/"
    }

    /// "13 min read" in `language`: the site's labels, with what
    /// `publish.yml` says, in the site's language; the language's own
    /// otherwise.
    private func minutesLabel(_ language: String) -> @Sendable (Int) -> String {
        language == site.config.language ? labels.minutes : Labels.forLanguage(language).minutes
    }

    /// The post's own language when it is a tag, else the site's.
    private func language(of metadata: Metadata) -> String {
        metadata.language.flatMap(LanguageTag.normalized) ?? site.config.language
    }

    private func day(_ date: Date) -> String { date.formatted(dayFormat) }

    private func rfc3339(_ date: Date) -> String { date.formatted(instantFormat) }
}

/// Each post's excerpt as HTML: from the build cache when the last build
/// made it from the same excerpt with the same options, so a rebuild lists
/// the posts it did not read again without decoding their trees.
struct Excerpts: Sendable {
    let writer: HTMLWriter
    let cache: BuildCache?
    /// What an excerpt's HTML is made from besides the excerpt: the writer's options.
    let baseKey: String

    func html(of post: Post) -> String {
        guard let cache, !post.excerptKey.isEmpty else { return writer.render(post.excerpt) }
        var key = CacheKey(baseKey)
        key.add(post.excerptKey)
        if let bytes = cache.fragment(key.value) { return String(decoding: bytes, as: UTF8.self) }
        let bytes = writer.renderBytes(post.excerpt)
        cache.rememberFragment(key.value, bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

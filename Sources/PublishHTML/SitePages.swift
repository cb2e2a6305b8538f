import Foundation
import PublishAST
import PublishPipeline
import PublishWriters

/// Renders each kind of page of one site through the theme; pages are
/// rendered on all cores at once, so it holds nothing mutable but its
/// locked summaries.
struct SitePages: Sendable {
    let site: Site
    let theme: Theme
    let emitter: HTMLEmitter
    let labels: Labels
    let siteView: SiteView
    private let writer: HTMLWriter
    private let dayFormat: Date.ISO8601FormatStyle
    private let instantFormat: Date.ISO8601FormatStyle
    /// Each post as lists show it, its excerpt rendered once however many
    /// lists it is in, and only when a list that is rendered holds it.
    private let summaries: Summaries
    /// What each post's summary is made from, by post index; empty when
    /// the build keeps no cache.
    private let summaryKeys: [String]
    /// What every page is made from besides its own content: the theme,
    /// the options, the site's navigation and feeds.
    private let baseKey: String
    /// The build cache, which keeps each post's excerpt as HTML: a rebuild
    /// lists the posts it did not read again without decoding their trees.
    private let cache: BuildCache?
    /// What an excerpt's HTML is made from besides the excerpt: the writer's options.
    private let excerptBaseKey: String

    init(site: Site, theme: Theme, emitter: HTMLEmitter, cache: BuildCache?) {
        self.site = site
        self.theme = theme
        self.emitter = emitter
        self.cache = cache
        let config = site.config
        labels = Labels.forLanguage(config.language)
        let rawHTML = emitter.rawHTML ?? HTMLOptions.RawHTML(rawValue: config.rawHTML) ?? .keep
        writer = HTMLWriter(options: HTMLOptions(rawHTML: rawHTML))
        var excerptKey = CacheKey("excerpt html")
        excerptKey.add(rawHTML.rawValue)
        excerptBaseKey = excerptKey.value
        var navigation = site.pages.map { LinkView(title: $0.title, href: config.relativeURL($0.url)) }
        navigation.append(LinkView(title: labels.archive, href: config.relativeURL("/archive/")))
        siteView = SiteView(
            title: config.title, description: config.description, baseurl: config.baseurl,
            author: config.author?.name, navigation: navigation,
            feeds: emitter.feeds.map { FeedLink(type: $0.type, title: $0.title, href: config.relativeURL("/" + $0.path)) })
        let iso = Date.ISO8601FormatStyle(timeZone: config.timeZone)
        dayFormat = iso.year().month().day().dateSeparator(.dash)
        instantFormat = iso.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .colon)
        summaries = Summaries(count: site.posts.count)
        guard cache != nil else {
            summaryKeys = []
            baseKey = ""
            return
        }
        var key = CacheKey("html page")
        key.add(theme.fingerprint)
        key.add(emitter.postsPerPage)
        key.add(emitter.rawHTML?.rawValue)
        key.add(config.rawHTML)
        key.add(config.language)
        key.add(config.timeZone.identifier)
        key.add(config.url)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        key.add(String(decoding: (try? encoder.encode(siteView)) ?? Data(), as: UTF8.self))
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

    func post(at index: Int) -> [UInt8] {
        let post = site.posts[index]
        let view = PostView(
            post: summary(at: index), content: writer.render(post.document),
            categories: post.metadata.categories.map { TermView(name: $0, href: href(termPath("categories", $0))) },
            tags: post.metadata.tags.map { TermView(name: $0, href: href(termPath("tags", $0))) },
            hasCategories: !post.metadata.categories.isEmpty, hasTags: !post.metadata.tags.isEmpty,
            previous: index > 0 ? link(to: site.posts[index - 1]) : nil,
            next: index + 1 < site.posts.count ? link(to: site.posts[index + 1]) : nil)
        return layout(title: post.title, lang: view.post.lang, description: description(of: post), url: post.url,
                      body: theme.post(view))
    }

    func page(_ page: Page) -> [UInt8] {
        let lang = language(of: page.metadata)
        let body = theme.page(PageView(lang: lang, content: writer.render(page.document)))
        return layout(title: page.title, lang: lang, description: page.metadata.description, url: page.url, body: body)
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
    func indexPage(_ page: Int) -> [UInt8] {
        let count = indexPageCount
        let pagination = count == 1 ? nil : PaginationView(
            page: page, pages: count, previous: page > 1 ? href(indexURL(page - 1)) : nil,
            next: page < count ? href(indexURL(page + 1)) : nil, newerLabel: labels.newer, olderLabel: labels.older)
        let view = ListView(heading: nil, posts: indexPosts(page).map(summary), pagination: pagination)
        return layout(title: page == 1 ? nil : "\(page) / \(count)", lang: site.config.language,
                      description: site.config.description, url: indexURL(page), body: theme.list(view))
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

    func archive() -> [UInt8] {
        var years: [ArchiveView.Year] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.config.timeZone
        for (index, post) in site.posts.enumerated().reversed() {
            let year = String(calendar.component(.year, from: post.date))
            if years.last?.year != year { years.append(ArchiveView.Year(year: year, posts: [])) }
            years[years.count - 1].posts.append(summary(at: index))
        }
        let taxonomies = [("categories", labels.categories, site.categories), ("tags", labels.tags, site.tags)]
            .filter { !$0.2.isEmpty }
            .map { kind, title, terms in
                ArchiveView.Taxonomy(title: title, entries: terms.map {
                    .init(name: $0.name, href: href(termPath(kind, $0.name)), count: $0.posts.count)
                })
            }
        let view = ArchiveView(heading: labels.archive, years: years, taxonomies: taxonomies)
        return layout(title: labels.archive, lang: site.config.language, description: nil, url: "/archive/",
                      body: theme.archive(view))
    }

    /// A page of the posts under one category or tag.
    struct Term: Sendable {
        var path: String
        var url: String
        var heading: String
        /// Newest first, by index.
        var posts: [Int]
    }

    /// A page per category and per tag; terms whose names give one slug
    /// get the first one's page.
    func terms() -> [Term] {
        var result: [Term] = []
        for (kind, terms, heading) in [("categories", site.categories, labels.categoryHeading),
                                       ("tags", site.tags, labels.tagHeading)] {
            var taken: Set<String> = []
            for term in terms {
                let path = termPath(kind, term.name)
                guard taken.insert(path).inserted else { continue }
                result.append(Term(path: String(path.dropFirst()).removingPercentEncoding! + "index.html", url: path,
                                   heading: heading(term.name), posts: term.posts.reversed()))
            }
        }
        return result
    }

    func termKey(_ term: Term) -> String {
        listKey("term page", heading: term.heading, url: term.url, posts: term.posts)
    }

    /// The page of one category or tag, newest posts first.
    func termPage(_ term: Term) -> [UInt8] {
        let view = ListView(heading: term.heading, posts: term.posts.map(summary), pagination: nil)
        return layout(title: term.heading, lang: site.config.language, description: nil, url: term.url,
                      body: theme.list(view))
    }

    // MARK: Pieces

    private func layout(title: String?, lang: String, description: String?, url: String, body: [UInt8]) -> [UInt8] {
        let view = LayoutView(site: siteView, lang: lang, pageTitle: title, description: description,
                              canonical: site.config.absoluteURL(url), body: "")
        return theme.layout(view, body: body)
    }

    /// Post `index` as lists show it, made the first time a page asks.
    private func summary(at index: Int) -> PostSummaryView {
        summaries.value(at: index) { summary(of: site.posts[index]) }
    }

    private func summary(of post: Post) -> PostSummaryView {
        PostSummaryView(title: post.title, lang: language(of: post.metadata), href: href(post.url),
                        datetime: rfc3339(post.date), displayDate: day(post.date),
                        readingTime: Labels.forLanguage(language(of: post.metadata)).minutes(post.readingMinutes),
                        excerpt: excerptHTML(of: post))
    }

    /// The post's excerpt as HTML: from the build cache when the last build
    /// made it from the same excerpt with the same options.
    private func excerptHTML(of post: Post) -> String {
        guard let cache, !post.excerptKey.isEmpty else { return writer.render(post.excerpt) }
        var key = CacheKey(excerptBaseKey)
        key.add(post.excerptKey)
        if let bytes = cache.fragment(key.value) { return String(decoding: bytes, as: UTF8.self) }
        let bytes = writer.renderBytes(post.excerpt)
        cache.rememberFragment(key.value, bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func link(to post: Post) -> LinkView {
        LinkView(title: post.title, href: href(post.url))
    }

    private func description(of post: Post) -> String? {
        post.metadata.description ?? TextWriter(options: TextOptions(columns: 0)).render(post.excerpt)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `/categories/some-name/`, percent-encoded.
    func termPath(_ kind: String, _ name: String) -> String {
        let slug = Slug.make(name)
        return "/\(kind)/" + Permalink.escapePath(slug.isEmpty ? "-" : slug) + "/"
    }

    /// The post's own language when it is a tag, else the site's.
    private func language(of metadata: Metadata) -> String {
        metadata.language.flatMap(LanguageTag.normalized) ?? site.config.language
    }

    private func href(_ url: String) -> String { site.config.relativeURL(url) }

    private func day(_ date: Date) -> String { date.formatted(dayFormat) }

    private func rfc3339(_ date: Date) -> String { date.formatted(instantFormat) }
}

/// The summaries of a site's posts, each made once, when first asked for.
final class Summaries: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [PostSummaryView?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func value(at index: Int, _ make: () -> PostSummaryView) -> PostSummaryView {
        lock.lock()
        if let made = slots[index] {
            lock.unlock()
            return made
        }
        lock.unlock()
        let made = make()
        lock.lock()
        slots[index] = made
        lock.unlock()
        return made
    }
}

import Foundation
import PublishAST
import PublishPipeline
import PublishWriters

/// Renders each kind of page of one site through the theme.
struct SitePages {
    let site: Site
    let theme: Theme
    let emitter: HTMLEmitter
    let labels: Labels
    let siteView: SiteView
    private let writer: HTMLWriter
    private let dayFormat: Date.ISO8601FormatStyle
    private let instantFormat: Date.ISO8601FormatStyle
    /// Each post as lists show it, its excerpt rendered once however many
    /// lists it is in; by post index.
    private var summaries: [PostSummaryView] = []

    init(site: Site, theme: Theme, emitter: HTMLEmitter) {
        self.site = site
        self.theme = theme
        self.emitter = emitter
        let config = site.config
        labels = Labels.forLanguage(config.language)
        writer = HTMLWriter(options: HTMLOptions(rawHTML: emitter.rawHTML
            ?? HTMLOptions.RawHTML(rawValue: config.rawHTML) ?? .keep))
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
        summaries = site.posts.map(summary)
    }

    // MARK: Pages

    func post(at index: Int) -> [UInt8] {
        let post = site.posts[index]
        let view = PostView(
            post: summaries[index], content: writer.render(post.document),
            categories: post.metadata.categories.map { TermView(name: $0, href: href(termPath("categories", $0))) },
            tags: post.metadata.tags.map { TermView(name: $0, href: href(termPath("tags", $0))) },
            hasCategories: !post.metadata.categories.isEmpty, hasTags: !post.metadata.tags.isEmpty,
            previous: index > 0 ? link(to: site.posts[index - 1]) : nil,
            next: index + 1 < site.posts.count ? link(to: site.posts[index + 1]) : nil)
        return layout(title: post.title, lang: view.post.lang, description: description(of: post), url: post.url,
                      body: theme.render(view, with: "post"))
    }

    func page(_ page: Page) -> [UInt8] {
        let lang = language(of: page.metadata)
        let body = theme.render(PageView(lang: lang, content: writer.render(page.document)), with: "page")
        return layout(title: page.title, lang: lang, description: page.metadata.description, url: page.url, body: body)
    }

    /// `index.html`, then `page/2/index.html` and on, newest posts first.
    func indexPages() -> [(String, [UInt8])] {
        let newest = Array(summaries.reversed())
        let size = emitter.postsPerPage
        let count = max(1, (newest.count + size - 1) / size)
        let url = { (page: Int) in page == 1 ? "/" : "/page/\(page)/" }
        return (1...count).map { page in
            let slice = newest.dropFirst((page - 1) * size).prefix(size)
            let pagination = count == 1 ? nil : PaginationView(
                page: page, pages: count, previous: page > 1 ? href(url(page - 1)) : nil,
                next: page < count ? href(url(page + 1)) : nil, newerLabel: labels.newer, olderLabel: labels.older)
            let view = ListView(heading: nil, posts: Array(slice), pagination: pagination)
            let bytes = layout(title: page == 1 ? nil : "\(page) / \(count)", lang: site.config.language,
                               description: site.config.description, url: url(page), body: theme.render(view, with: "list"))
            return (String(url(page).dropFirst()) + "index.html", bytes)
        }
    }

    func archive() -> [UInt8] {
        var years: [ArchiveView.Year] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.config.timeZone
        for (post, summary) in zip(site.posts, summaries).reversed() {
            let year = String(calendar.component(.year, from: post.date))
            if years.last?.year != year { years.append(ArchiveView.Year(year: year, posts: [])) }
            years[years.count - 1].posts.append(summary)
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
                      body: theme.render(view, with: "archive"))
    }

    /// A page per category and per tag, newest posts first.
    func taxonomyPages() -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        for (kind, terms, heading) in [("categories", site.categories, labels.categoryHeading),
                                       ("tags", site.tags, labels.tagHeading)] {
            var taken: Set<String> = []
            for term in terms {
                let path = termPath(kind, term.name)
                guard taken.insert(path).inserted else { continue }
                let view = ListView(heading: heading(term.name),
                                    posts: term.posts.reversed().map { summaries[$0] }, pagination: nil)
                result.append((String(path.dropFirst()).removingPercentEncoding! + "index.html",
                               layout(title: heading(term.name), lang: site.config.language, description: nil,
                                      url: path, body: theme.render(view, with: "list"))))
            }
        }
        return result
    }

    // MARK: Pieces

    private func layout(title: String?, lang: String, description: String?, url: String, body: String) -> [UInt8] {
        let view = LayoutView(site: siteView, lang: lang, pageTitle: title, description: description,
                              canonical: site.config.absoluteURL(url), body: body)
        return Array(theme.render(view, with: "layout").utf8)
    }

    private func summary(_ post: Post) -> PostSummaryView {
        PostSummaryView(title: post.title, lang: language(of: post.metadata), href: href(post.url),
                        datetime: rfc3339(post.date), displayDate: day(post.date),
                        readingTime: Labels.forLanguage(language(of: post.metadata)).minutes(post.readingMinutes),
                        excerpt: writer.render(post.excerpt))
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

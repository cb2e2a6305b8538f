import Foundation
import Testing
@testable import PublishHTML

/// The built-in theme written in Swift against its own Mustache templates:
/// for views with every optional set and unset, empty and full lists, and
/// text that needs escaping, both renderings must be the same bytes.
@Suite("The built-in theme")
struct BuiltInThemeTests {
    private let theme = try! Theme(overrides: nil)

    /// Texts that exercise each escaped character, non-ASCII and emptiness.
    private let texts = ["", "Plain", "Tom & Jerry's <b>\"best\"</b>", "中文标题：测试", "emoji 🎉 ok", "a'b&c<d>e\"f"]

    private func text(_ n: Int) -> String { texts[n % texts.count] }

    private func summary(_ n: Int) -> PostSummaryView {
        PostSummaryView(title: text(n), lang: n % 2 == 0 ? "en" : "zh-Hans", href: "/\(n)/p'\(n).html",
                        datetime: "2014-06-16T10:00:00+08:00", displayDate: "2014-06-\(10 + n % 20)",
                        readingTime: "\(n) min", excerpt: "<p>Excerpt \(n) & <em>raw</em></p>")
    }

    private func links(_ count: Int, from n: Int) -> [LinkView] {
        (0..<count).map { LinkView(title: text(n + $0), href: "/nav/\($0)?a=1&b=2") }
    }

    private func assertSame(_ native: [UInt8], _ mustache: [UInt8], _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!native.isEmpty, "\(what)", sourceLocation: sourceLocation)
        #expect(String(decoding: native, as: UTF8.self) == String(decoding: mustache, as: UTF8.self), "\(what)",
                sourceLocation: sourceLocation)
    }

    @Test("The layout in Swift gives the bytes of layout.mustache")
    func testLayoutMatchesItsTemplate() {
        for n in 0..<texts.count {
            for feeds in [0, 1, 2] {
                for optionals in [false, true] {
                    let site = SiteView(
                        title: text(n), description: text(n + 1), baseurl: n % 2 == 0 ? "" : "/blog",
                        author: optionals ? text(n + 2) : nil, navigation: links(n % 3, from: n),
                        feeds: (0..<feeds).map { FeedLink(type: "application/atom+xml", title: text(n + $0), href: "/f\($0).xml") })
                    let body = Array("<article>\(text(n + 3))</article>".utf8)
                    var view = LayoutView(site: site, lang: "en", pageTitle: optionals ? text(n + 4) : nil,
                                          description: optionals ? text(n + 5) : nil,
                                          canonical: "https://example.org/x?a=1&b='2'", body: "")
                    let native = theme.layout(view, body: body)
                    view.body = String(decoding: body, as: UTF8.self)
                    assertSame(native, theme.mustache(view, "layout"), "layout \(n) \(feeds) \(optionals)")
                }
            }
        }
    }

    @Test("The post in Swift gives the bytes of post.mustache")
    func testPostMatchesItsTemplate() {
        for n in 0..<texts.count {
            for neighbours in 0..<4 {
                for terms in [0, 1, 3] {
                    let categories = (0..<terms).map { TermView(name: text(n + $0), href: "/categories/\($0)/") }
                    let tags = (0..<(3 - terms)).map { TermView(name: text(n + $0 + 1), href: "/tags/\($0)/") }
                    let view = PostView(
                        post: summary(n), content: "<p>Body of \(n) &amp; more</p>\n<pre><code>x</code></pre>",
                        categories: categories, tags: tags, hasCategories: !categories.isEmpty, hasTags: !tags.isEmpty,
                        previous: neighbours & 1 == 0 ? nil : LinkView(title: text(n + 1), href: "/prev'.html"),
                        next: neighbours & 2 == 0 ? nil : LinkView(title: text(n + 2), href: "/next&.html"))
                    assertSame(theme.post(view), theme.mustache(view, "post"), "post \(n) \(neighbours) \(terms)")
                }
            }
        }
    }

    @Test("The page in Swift gives the bytes of page.mustache")
    func testPageMatchesItsTemplate() {
        for n in 0..<texts.count {
            let view = PageView(lang: text(n), content: "<h1>\(n)</h1>")
            assertSame(theme.page(view), theme.mustache(view, "page"), "page \(n)")
        }
    }

    @Test("The list in Swift gives the bytes of list.mustache")
    func testListMatchesItsTemplate() {
        for n in 0..<texts.count {
            for count in [0, 1, 10] {
                for paged in 0..<4 {
                    let pagination = paged == 0 ? nil : PaginationView(
                        page: paged, pages: 3, previous: paged > 1 ? "/page/\(paged - 1)/" : nil,
                        next: paged < 3 ? "/page/\(paged + 1)/" : nil, newerLabel: text(n), olderLabel: text(n + 1))
                    let view = ListView(heading: n % 2 == 0 ? nil : text(n), posts: (0..<count).map { summary(n + $0) },
                                        pagination: pagination)
                    assertSame(theme.list(view), theme.mustache(view, "list"), "list \(n) \(count) \(paged)")
                }
            }
        }
    }

    @Test("The archive in Swift gives the bytes of archive.mustache")
    func testArchiveMatchesItsTemplate() {
        for n in 0..<texts.count {
            for years in [0, 1, 3] {
                let view = ArchiveView(
                    heading: text(n),
                    years: (0..<years).map { year in
                        ArchiveView.Year(year: "\(2014 - year)", posts: (0..<(year + 1)).map { summary(n + $0) })
                    },
                    taxonomies: (0..<(years % 3)).map { kind in
                        ArchiveView.Taxonomy(title: text(n + kind), entries: (0..<(kind + 1)).map {
                            .init(name: text(n + $0), href: "/t/\($0)/", count: $0 * 7)
                        })
                    })
                assertSame(theme.archive(view), theme.mustache(view, "archive"), "archive \(n) \(years)")
            }
        }
    }

    /// A site's own template replaces the built-in one: it, not the Swift
    /// rendering, makes the page.
    @Test("A site's own template, not the Swift one, makes its pages")
    func testASiteTemplateReplacesTheBuiltInOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<ol>{{#posts}}<li>{{title}}</li>{{/posts}}</ol>".utf8)
            .write(to: folder.appendingPathComponent("list.mustache"))
        let own = try Theme(overrides: folder)
        let view = ListView(heading: nil, posts: [summary(1), summary(2)], pagination: nil)
        #expect(String(decoding: own.list(view), as: UTF8.self)
                == "<ol><li>Plain</li><li>Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;</li></ol>")
        // The templates it does not replace stay the built-in ones.
        #expect(own.replaced == ["list"])
    }
}

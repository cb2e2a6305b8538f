import Foundation
import TestSupport
import Testing

/// A site's own `_layouts`, as Jekyll renders them: front matter's
/// `layout:`, nested layouts, `content`, `page`, `site`, `layout` and
/// includes; located errors for what does not parse or does not exist.
@Suite("Layouts of a site's own")
struct LayoutsTests {
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build(_ arguments: [String] = []) throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path, "--format", "html"] + arguments)
        }
    }

    static let layouts = [
        "_config.yml": "title: Notes & Days\nauthor: Lin\n",
        "_layouts/default.html": "<html><head>{% include head.html %}</head><body class=\"{{ layout.body_class }}\">{{ content }}</body></html>\n",
        "_layouts/post.html": "---\nlayout: default\nbody_class: post\n---\n<h1>{{ page.title }}</h1><time>{{ page.date | date: \"%Y-%m-%d\" }}</time>{{ content }}",
        "_includes/head.html": "<title>{{ page.title | default: site.title }} · {{ site.title }}</title>",
    ]

    @Test("A post's layout: its layout, then the layout that one names, with page, site, layout and includes")
    func nestedLayouts() throws {
        var files = LayoutsTests.layouts
        files["_posts/2014-06-16-hello.md"] = "---\ntitle: Hello\nlayout: post\n---\nHi *there*.\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/hello.html") == """
            <html><head><title>Hello · Notes & Days</title></head><body class="post"><h1>Hello</h1><time>2014-06-16</time><p>Hi <em>there</em>.</p>
            </body></html>

            """)
    }

    @Test("layout: null writes the content alone; a page's layout is followed too")
    func noLayoutAndPages() throws {
        var files = LayoutsTests.layouts
        files["_posts/2014-06-16-bare.md"] = "---\ntitle: Bare\nlayout: null\n---\nJust this.\n"
        files["about.md"] = "---\ntitle: About\nlayout: default\n---\nAbout me.\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/bare.html") == "<p>Just this.</p>\n")
        #expect(site.read("_site/about.html")?.hasPrefix("<html><head><title>About · Notes & Days</title>") == true)
    }

    @Test("A post with no layout gets the post layout: the built-in one, inside the site's default, when the site has none")
    func kindDefaultInsideSiteDefault() throws {
        var files = LayoutsTests.layouts
        files["_layouts/post.html"] = nil
        files["_posts/2014-06-16-plain.md"] = "---\ntitle: Plain\n---\nText.\n"
        let site = try Site(files)
        #expect(try site.build().status == 0)
        let html = try #require(site.read("_site/2014/06/16/plain.html"))
        #expect(html.hasPrefix("<html><head><title>Plain · Notes & Days</title></head><body class=\"\">"))
        #expect(html.contains("<article class=\"post\" lang=\"en\">"))
    }

    @Test("Without a _layouts folder, front matter's layout is ignored and the built-in theme is used")
    func noLayoutsFolder() throws {
        let site = try Site(["_posts/2014-06-16-news.md": "---\ntitle: News\nlayout: news_item\n---\nText.\n"])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/news.html")?.contains("<article class=\"post\" lang=\"en\">") == true)
    }

    @Test("A layout that does not parse is an error at its line and column; its pages are left out, the others built")
    func brokenLayout() throws {
        var files = LayoutsTests.layouts
        files["_layouts/broken.html"] = "---\nlayout: default\n---\nline one\n{% if page.title %}never closed\n"
        files["_posts/2014-06-16-a.md"] = "---\ntitle: A\nlayout: broken\n---\nA.\n"
        files["_posts/2014-06-17-b.md"] = "---\ntitle: B\nlayout: post\n---\nB.\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("_layouts/broken.html:5:1: error: Liquid syntax error: 'if' tag was never closed"),
                "\(run.stderr)")
        #expect(!site.exists("_site/2014/06/16/a.html"))
        #expect(site.exists("_site/2014/06/17/b.html"))
    }

    @Test("A missing layout and an error while rendering are errors naming the file; the rest is built")
    func missingLayoutAndRenderError() throws {
        var files = LayoutsTests.layouts
        files["_layouts/divides.html"] = "---\nlayout: default\n---\n{{ 1 | divided_by: 0 }}"
        files["_posts/2014-06-16-a.md"] = "---\ntitle: A\nlayout: nowhere\n---\nA.\n"
        files["_posts/2014-06-17-b.md"] = "---\ntitle: B\nlayout: divides\n---\nB.\n"
        files["_posts/2014-06-18-c.md"] = "---\ntitle: C\nlayout: post\n---\nC.\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("_posts/2014-06-16-a.md: error: the layout 'nowhere' does not exist (looked for _layouts/nowhere.html)"),
                "\(run.stderr)")
        #expect(run.stderr.contains("_layouts/divides.html:4:1: error: Liquid error: divided by 0 (rendering _posts/2014-06-17-b.md)"),
                "\(run.stderr)")
        #expect(!site.exists("_site/2014/06/16/a.html"))
        #expect(!site.exists("_site/2014/06/17/b.html"))
        #expect(site.exists("_site/2014/06/18/c.html"))
    }

    @Test("Layouts that name each other stop at the first one seen again")
    func layoutLoop() throws {
        let site = try Site([
            "_layouts/a.html": "---\nlayout: b\n---\n[a {{ content }}]",
            "_layouts/b.html": "---\nlayout: a\n---\n(b {{ content }})",
            "_posts/2014-06-16-x.md": "---\nlayout: a\n---\nX\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/x.html") == "(b [a <p>X</p>\n])")
    }

    @Test("A layout that links to a file outside the site is not read, with a warning")
    func layoutLinkOutside() throws {
        let outside = try TemporaryFolder(["secret.html": "SECRET {{ content }}"])
        let site = try Site(["_posts/2014-06-16-x.md": "---\nlayout: leak\n---\nX\n", "_layouts/.keep": ""])
        try FileManager.default.createSymbolicLink(at: site.url.appendingPathComponent("_layouts/leak.html"),
                                                   withDestinationURL: outside.url.appendingPathComponent("secret.html"))
        let run = try site.build()
        #expect(run.stderr.contains("_layouts/leak.html: warning: the layout is a link to a file outside the site, so it is not read"),
                "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/x.html")?.contains("SECRET") != true)
    }

    @Test("A Mustache template left from before the theme was Liquid is named in a warning, with the layout to write")
    func oldMustacheTemplate() throws {
        let site = try Site(["templates/list.mustache": "{{#posts}}{{title}}{{/posts}}", "_posts/2014-06-16-x.md": "X\n"])
        let run = try site.build()
        #expect(run.status == 0)
        #expect(run.stderr.contains("templates/list.mustache: warning: Mustache templates are no longer read: the theme's layouts are Liquid, and a site replaces one with _layouts/home.html"),
                "\(run.stderr)")
    }

    @Test("defaults: in _config.yml give a layout and values by path and type; front matter and narrower scopes win")
    func frontMatterDefaults() throws {
        let site = try Site([
            "_config.yml": """
                defaults:
                  - scope: {path: ""}
                    values: {layout: wrap, note: everywhere}
                  - scope: {path: "", type: posts}
                    values: {layout: article}
                  - scope: {path: "_posts/travel"}
                    values: {note: travel}

                """,
            "_layouts/wrap.html": "[wrap {{ page.note }}]{{ content }}",
            "_layouts/article.html": "[article {{ page.note }}]{{ content }}",
            "_posts/2020-01-01-a.md": "A\n",
            "_posts/travel/2020-01-02-b.md": "B\n",
            "_posts/2020-01-03-c.md": "---\nlayout: wrap\nnote: mine\n---\nC\n",
            "about.md": "---\ntitle: About\n---\nMe\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2020/01/01/a.html") == "[article everywhere]<p>A</p>\n")
        #expect(site.read("_site/2020/01/02/b.html") == "[article travel]<p>B</p>\n")
        #expect(site.read("_site/2020/01/03/c.html") == "[wrap mine]<p>C</p>\n")
        #expect(site.read("_site/about.html") == "[wrap everywhere]<p>Me</p>\n")
    }
}

import Foundation
import TestSupport
import Testing

/// Files with front matter that are not Markdown (`index.html`,
/// `atom.xml`), rendered with Liquid as Jekyll renders them, with `site`
/// holding the posts and pages, and jekyll-paginate's `paginator`.
@Suite("Pages of a Jekyll site's own")
struct JekyllPagesTests {
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build(_ arguments: [String] = []) throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path, "--format", "html"] + arguments)
        }
    }

    static func posts(_ count: Int, categories: Bool = false) -> [String: String] {
        var files: [String: String] = [:]
        for day in 1...count {
            files[String(format: "_posts/2020-01-%02d-post-%d.md", day, day)] =
                "---\ntitle: Post \(day)\n" + (categories ? "category: c\(day % 2)\n" : "") + "---\nBody \(day).\n"
        }
        return files
    }

    @Test("A feed written in Liquid lists site.posts, newest first, with their content, at its own path")
    func liquidFeed() throws {
        var files = JekyllPagesTests.posts(3)
        files["_config.yml"] = "title: T\nurl: https://example.org\n"
        files["atom.xml"] = """
            ---
            layout: null
            ---

            <feed>{% for post in site.posts %}<entry><id>{{ site.url }}{{ post.id }}</id><title>{{ post.title }}</title>\
            <content>{{ post.content | xml_escape }}</content></entry>{% endfor %}</feed>

            """
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/atom.xml") == """
            <feed><entry><id>https://example.org/2020/01/03/post-3</id><title>Post 3</title><content>&lt;p&gt;Body 3.&lt;/p&gt;
            </content></entry><entry><id>https://example.org/2020/01/02/post-2</id><title>Post 2</title><content>&lt;p&gt;Body 2.&lt;/p&gt;
            </content></entry><entry><id>https://example.org/2020/01/01/post-1</id><title>Post 1</title><content>&lt;p&gt;Body 1.&lt;/p&gt;
            </content></entry></feed>

            """)
    }

    @Test("index.html with paginate: jekyll-paginate's pages at paginate_path, and no built-in index")
    func pagination() throws {
        var files = JekyllPagesTests.posts(5)
        files["_config.yml"] = "paginate: 2\npaginate_path: /blog/page:num/\n"
        files["index.html"] = """
            ---
            ---
            {{ paginator.page }}/{{ paginator.total_pages }}:{% for post in paginator.posts %} {{ post.title }}{% endfor %}\
            |{{ paginator.previous_page_path }}|{{ paginator.next_page_path }}
            """
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/index.html") == "1/3: Post 5 Post 4||/blog/page2/")
        #expect(site.read("_site/blog/page2/index.html") == "2/3: Post 3 Post 2|/|/blog/page3/")
        #expect(site.read("_site/blog/page3/index.html") == "3/3: Post 1|/blog/page2/|")
        #expect(!site.exists("_site/page/2/index.html"))
    }

    @Test("A page laid out, site.pages and site.categories, and a Markdown index.md taking index.html")
    func layoutsAndCollections() throws {
        var files = JekyllPagesTests.posts(3, categories: true)
        files["_layouts/default.html"] = "<main>{{ content }}</main>"
        files["index.md"] = "---\nlayout: default\n---\n# Home\n"
        files["404.html"] = "---\nlayout: default\npermalink: /404.html\n---\n{% for page in site.pages %}[{{ page.url }}]{% endfor %}\n"
        files["cats.txt"] = "---\n---\n{% for c in site.categories %}{{ c[0] }}={{ c[1] | size }};{% endfor %}"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/index.html") == "<main><h1 id=\"home\">Home</h1>\n</main>")
        #expect(site.read("_site/404.html") == "<main>[/404.html][/cats.txt][/]\n</main>")
        #expect(site.read("_site/cats.txt") == "c1=2;c0=1;")
    }

    @Test("Liquid errors in a page are located at its line; two pages writing one file is an error naming both")
    func errors() throws {
        var files = JekyllPagesTests.posts(1)
        files["feed.xml"] = "---\n---\n\nline\n{{ 1 | divided_by: 0 }}\n"
        files["a.html"] = "---\npermalink: /same.html\n---\nA"
        files["b.html"] = "---\npermalink: /same.html\n---\nB"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("feed.xml:5:1: error: Liquid error: divided by 0"), "\(run.stderr)")
        #expect(run.stderr.contains("b.html:2:12: error: b.html and a.html both write same.html; this one is left out"),
                "\(run.stderr)")
        #expect(site.read("_site/same.html") == "A")
        #expect(site.exists("_site/2020/01/01/post-1.html"))
    }

    @Test("Markdown pages follow the site's permalink style: pretty makes /about/")
    func prettyPages() throws {
        let site = try Site(["_config.yml": "permalink: pretty\n", "about.md": "---\ntitle: About\n---\nMe.\n",
                             "_posts/2020-01-01-x.md": "X\n"])
        #expect(try site.build().status == 0)
        #expect(site.exists("_site/about/index.html"))
    }

    @Test("site.data holds _data's YAML, JSON and CSV files, folders as hashes, in layouts, pages and posts")
    func data() throws {
        var files = JekyllPagesTests.posts(1)
        files["_data/nav.yml"] = "- title: Home\n  url: /\n- title: About\n  url: /about/\n"
        files["_data/people/lin.json"] = "{\"name\": \"Lin\", \"langs\": [\"zh\", \"en\"]}"
        files["_data/sizes.csv"] = "name,size\nsmall,1\n\"big, really\",\"2\"\"\"\n"
        files["nav.html"] = """
            ---
            ---
            {% for item in site.data.nav %}{{ item.title }}={{ item.url }};{% endfor %}\
            {{ site.data.people.lin.name }}:{{ site.data.people.lin.langs | join: "+" }};\
            {% for row in site.data.sizes %}{{ row.name }}/{{ row.size }};{% endfor %}
            """
        files["_posts/2020-01-02-uses-data.md"] = "{{ site.data.nav.size }} links\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/nav.html") == "Home=/;About=/about/;Lin:zh+en;small/1;big, really/2\";")
        #expect(site.read("_site/2020/01/02/uses-data.html")?.contains("<p>2 links</p>") == true)
    }

    @Test("A data file that does not read is an error at its line; the site is still built")
    func badData() throws {
        var files = JekyllPagesTests.posts(1)
        files["_data/broken.yml"] = "a: [unclosed\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.stderr.contains("_data/broken.yml:"), "\(run.stderr)")
        #expect(site.exists("_site/2020/01/01/post-1.html"))
    }

    @Test("jekyll-sitemap: sitemap.xml of posts, HTML pages and PDFs, and robots.txt, unless the site has its own")
    func sitemap() throws {
        var files = JekyllPagesTests.posts(2)
        files["_config.yml"] = "url: https://example.org\nbaseurl: /blog\nplugins: [jekyll-sitemap, jekyll-unknown]\n"
        files["about.md"] = "---\ntitle: About\n---\nMe\n"
        files["secret.md"] = "---\nsitemap: false\n---\nHidden\n"
        files["papers/a b.pdf"] = "%PDF"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.stderr.contains("_config.yml: warning: publish has no plugin jekyll-unknown, so the site is built without it"),
                "\(run.stderr)")
        let xml = try #require(site.read("_site/sitemap.xml"))
        let locs = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(locs == ["https://example.org/blog/2020/01/01/post-1.html", "https://example.org/blog/2020/01/02/post-2.html",
                         "https://example.org/blog/about.html", "https://example.org/blog/papers/a%20b.pdf"])
        #expect(xml.contains("<lastmod>2020-01-01T00:00:00+00:00</lastmod>"))
        #expect(site.read("_site/robots.txt") == "Sitemap: https://example.org/blog/sitemap.xml\n")

        try site.write("User-agent: *\n", to: "robots.txt")
        #expect(try site.build().status == 0)
        #expect(site.read("_site/robots.txt") == "User-agent: *\n")
    }

    @Test("A Markdown page's own Liquid lists site.posts, newest first, and site.tags")
    func markdownPageListsPosts() throws {
        var files = JekyllPagesTests.posts(3)
        files["_posts/2020-01-02-post-2.md"] = "---\ntitle: Post 2\ntags: [x]\n---\nBody 2.\n"
        files["archive.md"] = "---\ntitle: Archive\n---\n{% for post in site.posts %}- [{{ post.title }}]({{ post.url }})\n{% endfor %}\n"
            + "Tagged x: {{ site.tags.x.size }}\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        let html = try #require(site.read("_site/archive.html"))
        #expect(html.contains("""
            <ul>
            <li><a href="/2020/01/03/post-3.html">Post 3</a></li>
            <li><a href="/2020/01/02/post-2.html">Post 2</a></li>
            <li><a href="/2020/01/01/post-1.html">Post 1</a></li>
            </ul>
            <p>Tagged x: 1</p>
            """), "\(html)")
    }

    @Test("jekyll-redirect-from: a page at each old address sends the reader to the post's or page's URL")
    func redirects() throws {
        var files = JekyllPagesTests.posts(1)
        files["_config.yml"] = "url: https://example.org\nplugins: [jekyll-redirect-from]\n"
        files["_posts/2020-01-01-post-1.md"] = "---\ntitle: One\nredirect_from:\n  - /old/one/\n  - /older.html\n---\nBody\n"
        files["about.md"] = "---\ntitle: About\nredirect_from: /me\n---\nMe\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        for (path, target) in [("_site/old/one/index.html", "https://example.org/2020/01/01/post-1.html"),
                               ("_site/older.html", "https://example.org/2020/01/01/post-1.html"),
                               ("_site/me.html", "https://example.org/about.html")] {
            let html = try #require(site.read(path), "\(path)")
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(target)\">"), "\(html)")
            #expect(html.contains("<link rel=\"canonical\" href=\"\(target)\">"))
        }
    }

    @Test("redirect_to: a post or page is written as a page sending the reader to the address it names")
    func redirectTo() throws {
        var files = JekyllPagesTests.posts(1)
        files["_config.yml"] = "url: https://example.org\nplugins: [jekyll-redirect-from]\n"
        files["_posts/2020-01-01-post-1.md"] = "---\ntitle: One\nredirect_to: https://elsewhere.example/one\n---\nBody\n"
        files["moved.md"] = "---\ntitle: Moved\nredirect_to:\n  - /new/\n---\nOld text\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        for (path, target) in [("_site/2020/01/01/post-1.html", "https://elsewhere.example/one"),
                               ("_site/moved.html", "https://example.org/new/")] {
            let html = try #require(site.read(path), "\(path)")
            #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(target)\">"), "\(html)")
            #expect(!html.contains("Body") && !html.contains("Old text"), "\(html)")
        }
    }

    @Test("Collections: site.LABEL lists the documents, in layouts and in a Markdown page's own Liquid; output: true gives each a page at the collection's permalink")
    func collections() throws {
        var files = JekyllPagesTests.posts(1)
        files["_config.yml"] = """
            collections:
              recipes:
                output: true
                permalink: /cook/:path/
              notes:
                output: false
            defaults:
              - scope: {type: recipes}
                values: {layout: recipe}

            """
        files["_layouts/recipe.html"] = "<recipe>{{ page.title }}: {{ content }}</recipe>"
        files["_recipes/bread.md"] = "---\ntitle: Bread\n---\nFlour and *water*.\n"
        files["_recipes/soups/miso.md"] = "---\ntitle: Miso\n---\nMiso.\n"
        files["_notes/n1.md"] = "---\ntitle: Note\n---\nPrivate.\n"
        files["list.html"] = "---\n---\n{% for r in site.recipes %}{{ r.title }}={{ r.url }};{% endfor %}{{ site.notes.size }}"
        files["menu.md"] = "---\n---\n{% for r in site.recipes %}- {{ r.title }}\n{% endfor %}\n{{ site.collections.size }}\n"
        let site = try Site(files)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/cook/bread/index.html") == "<recipe>Bread: <p>Flour and <em>water</em>.</p>\n</recipe>")
        #expect(site.exists("_site/cook/soups/miso/index.html"))
        #expect(!site.exists("_site/_notes/n1.html") && !site.exists("_site/notes/n1.html"))
        #expect(site.read("_site/list.html") == "Bread=/cook/bread/;Miso=/cook/soups/miso/;1")
        #expect(site.read("_site/menu.html")?.contains("<ul>\n<li>Bread</li>\n<li>Miso</li>\n</ul>\n<p>3</p>") == true,
                "\(site.read("_site/menu.html") ?? "")")
    }
}

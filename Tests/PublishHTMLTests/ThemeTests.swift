import Foundation
import PublishLiquid
import PublishPipeline
import Testing
@testable import PublishHTML

@Suite("The built-in theme's layouts")
struct ThemeTests {
    private var theme: Theme { Theme(site: Site(config: SiteConfig(), posts: [])) }

    @Test("Every built-in layout parses, and each but default sits in default")
    func builtInLayoutsParse() throws {
        #expect(theme.diagnostics.isEmpty)
        for name in Theme.builtIn.keys where name != "default" {
            let file = try LayoutFile(name: name, path: name, contents: Theme.builtIn[name]!)
            #expect(file.parent == "default", "\(name)")
        }
    }

    @Test("A page's content goes through page, then default")
    func pageThroughLayouts() throws {
        let html = try theme.render("<p>Hi</p>", layout: "page", variables: [
            "page": .hash(["title": "About", "lang": "en", "url": "/about/"]),
            "publish": .hash(["title": "Site", "baseurl": "/blog", "url": "https://example.org"]),
        ], path: "about.md").text
        #expect(html.contains("<title>About · Site</title>"))
        #expect(html.contains("<main>\n<article class=\"page\" lang=\"en\">\n<p>Hi</p>\n</article>\n\n</main>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/blog/about/\">"))
    }

    @Test("The footer has no separator left dangling when there is an author but no description")
    func footer() throws {
        func footer(_ publish: Hash) throws -> String? {
            let html = try theme.render("", layout: "default", variables: ["page": .hash([:]), "publish": .hash(publish)],
                                        path: "x").text
            return html.firstRange(of: #/<footer class="site-footer">\n<p>(.*)</p>/#).map { String(html[$0]) }
        }
        #expect(try footer(["title": "S", "author": "Lin"]) == "<footer class=\"site-footer\">\n<p>© Lin</p>")
        #expect(try footer(["title": "S", "author": "Lin", "description": "Notes"])
                == "<footer class=\"site-footer\">\n<p>© Lin · Notes</p>")
    }

    @Test("Text is escaped as the theme always escaped it, apostrophes too")
    func escaping() throws {
        let html = try theme.render("", layout: "default", variables: [
            "page": .hash(["title": "Tom & Jerry's <b>\"best\"</b>"]), "publish": .hash(["title": "S"]),
        ], path: "x").text
        #expect(html.contains("<title>Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; · S</title>"))
    }
}

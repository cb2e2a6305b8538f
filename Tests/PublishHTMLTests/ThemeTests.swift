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

    @Test("Text is escaped as the theme always escaped it, apostrophes too")
    func escaping() throws {
        let html = try theme.render("", layout: "default", variables: [
            "page": .hash(["title": "Tom & Jerry's <b>\"best\"</b>"]), "publish": .hash(["title": "S"]),
        ], path: "x").text
        #expect(html.contains("<title>Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; · S</title>"))
    }
}

import PublishAST
import Testing

@Suite("Entry content")
struct ContentTests {
    /// The content of the one entry of a post at /2014/06/16/a.html.
    func content(_ markdown: String, url: String = "https://example.org/blog") throws -> String {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": markdown], url: url)
        let feed = try #require(build.read("feed.xml"))
        let start = try #require(feed.range(of: "<content type=\"html\""))
        return String(feed[start.lowerBound...].prefix { $0 != "\n" })
    }

    @Test("A relative image source is made absolute against the post's URL")
    func relativeImage() throws {
        #expect(try content("![x](foo.png)\n").contains("src=\"https://example.org/blog/2014/06/16/foo.png\""))
    }

    @Test("A root-relative link keeps to the site's origin")
    func rootRelativeLink() throws {
        #expect(try content("[x](/about/)\n").contains("href=\"https://example.org/about/\""))
    }

    @Test("A ../ link climbs from the post's folder")
    func parentLink() throws {
        #expect(try content("[x](../../x.html)\n").contains("href=\"https://example.org/blog/2014/x.html\""))
    }

    @Test("A fragment link points into the post itself")
    func fragmentLink() throws {
        #expect(try content("[x](#notes)\n").contains("href=\"https://example.org/blog/2014/06/16/a.html#notes\""))
    }

    @Test("A scheme-relative image takes the site's scheme, and a query stays on the post")
    func schemeRelativeAndQuery() throws {
        let html = try content("![x](//cdn.example.net/x.png) [y](?page=2)\n")
        #expect(html.contains("src=\"https://cdn.example.net/x.png\"")
                && html.contains("href=\"https://example.org/blog/2014/06/16/a.html?page=2\""))
    }

    @Test("Absolute and mailto links are left alone")
    func absoluteLinks() throws {
        let html = try content("[a](https://other.net/x) [b](mailto:me@example.org)\n")
        #expect(html.contains("href=\"https://other.net/x\"") && html.contains("href=\"mailto:me@example.org\""))
    }

    @Test("Content carries the post's URL as xml:base, for raw HTML and footnote anchors")
    func xmlBase() throws {
        #expect(try content("Hi\n").hasPrefix("<content type=\"html\" xml:base=\"https://example.org/blog/2014/06/16/a.html\">"))
    }

    @Test("Control characters XML 1.0 forbids are dropped from titles and content")
    func controlCharacters() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "---\ntitle: \"bell\\a here\"\n---\nvertical\u{0B}tab\n"])
        let feed = try #require(build.read("feed.xml"))
        #expect(feed.contains("<title type=\"text\">bell here</title>") && feed.contains("verticaltab"))
    }
}

import Foundation
import Testing

@Suite("URLs in the plain-text part")
struct IRITests {
    @Test("A Chinese post's link is written with its characters, not a hundred characters of percent-encoding")
    func chinesePostLink() throws {
        let build = try NewsletterBuild(["_posts/2015-03-08-中文排版的几个小习惯.md": "---\ntitle: 排版\n---\n见[上一篇](/2014/06/16/读书笔记.html)。\n"])
        #expect(try build.issue().postURL.contains("%E4%B8%AD"))
        let text = try build.text()
        // A site titled in Chinese is a Chinese site: the label is in Chinese.
        #expect(text.contains("在浏览器中查看：https://example.org/2015/03/08/中文排版的几个小习惯.html\r\n"))
        #expect(text.contains("(https://example.org/2014/06/16/读书笔记.html)"))
        #expect(!text.contains("%E"))
        // The HTML part keeps the encoded URL, which every client follows.
        #expect(try build.html().contains("href=\"https://example.org/2015/03/08/%E4%B8%AD"))
    }

    @Test("Encoded ASCII, spaces, bidi marks and bytes that are not UTF-8 stay encoded")
    func keepsWhatMustStayEncoded() throws {
        let build = try NewsletterBuild(["_posts/2014-06-16-a.md": """
            [a](https://example.org/a%20b%2Fc%3F%E6%96%87) [b](https://example.org/%E2%80%8F%FF%C3%A9)

            """])
        let text = try build.text()
        #expect(text.contains("https://example.org/a%20b%2Fc%3F文"))
        #expect(text.contains("https://example.org/%E2%80%8F%FF%C3%A9"))
    }

    @Test("A long link goes on a line of its own, so no line passes 78 columns for its sake")
    func longLinkLine() throws {
        let build = try NewsletterBuild(["_posts/2014-06-16-a-rather-long-slug-for-a-post-about-nothing-much.md": "Hi\n"])
        #expect(try build.text().contains(
            "\r\nView in browser:\r\nhttps://example.org/2014/06/16/a-rather-long-slug-for-a-post-about-nothing-much.html\r\n"))
    }
}

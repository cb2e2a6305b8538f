import Foundation
import Testing
@testable import PublishEPUB

@Suite("Books epubcheck passes")
struct EPUBCheckTests {
    @Test("A book of posts with images, tables, code, footnotes and Chinese text has no epubcheck message")
    func bookOfPosts() throws {
        let (book, _) = try Fixtures.book([
            "_posts/2014-06-16-hello.md": "---\ntitle: Hello\n---\n# Hi\n\n![dot](/images/dot.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```swift\nlet x = 1\n```\n\nA note[^1].\n\n[^1]: The note.\n",
            "_posts/2015-01-01-zhong.md": "---\ntitle: 中文\nlang: zh-CN\n---\n## 排版\n\n见[第一篇](/2014/06/16/hello.html#hi)。\n",
        ], binary: ["images/dot.png": Fixtures.png])
        #expect(try book.epubcheck().summary == Fixtures.clean)
    }

    @Test("A long book's contents list its chapters under their years, with their days, in nav and NCX alike")
    func groupedContents() throws {
        var files: [String: String] = [:]
        for index in 0..<40 {
            let year = index < 25 ? 2014 : 2015
            files[String(format: "_posts/%d-%02d-%02d-p%d.md", year, index % 12 + 1, index % 28 + 1, index)] = "Post \(index)\n"
        }
        let (book, _) = try Fixtures.book(files)
        #expect(try book.epubcheck().summary == Fixtures.clean)
        let nav = try book.text("EPUB/nav.xhtml")
        #expect(nav.contains("<li><span>2014</span>\n<ol>\n<li><a href=\"") && nav.contains("<li><span>2015</span>"))
        #expect(nav.contains(">01-01 · P0</a></li>"), "\(nav)")
        let ncx = try book.text("EPUB/toc.ncx")
        #expect(ncx.contains("<meta name=\"dtb:depth\" content=\"2\"/>"))
        #expect(ncx.contains("<navLabel><text>2015</text></navLabel>"))
        let short = try Fixtures.book(["_posts/2014-06-16-a.md": "A\n", "_posts/2015-06-16-b.md": "B\n"]).book
        #expect(!(try short.text("EPUB/nav.xhtml").contains("<span>2014</span>")))
    }

    @Test("A one-post book has no epubcheck message")
    func onePostBook() throws {
        let (book, _) = try Fixtures.single("---\ntitle: Alone\ndate: 2020-01-02\n---\nText with <b onclick=\"x()\">raw</b> HTML.\n\n<script>alert(1)</script>\n")
        #expect(try book.epubcheck().summary == Fixtures.clean)
    }

    @Test("Raw HTML a browser forgives (obsolete tags, bad ids, forbidden characters) passes epubcheck")
    func messyHTML() throws {
        let (book, _) = try Fixtures.single("<center><font color=red>old</font></center>\n\n<p id=\"2019 review\" align=center>bad\u{0B}id</p>\n\n<table border=1><tr><td width=\"50%\">cell</td></tr></table>\n\n[back](#2019%20review)\n")
        #expect(try book.epubcheck().summary == Fixtures.clean)
    }

    @Test("A book with no posts still passes epubcheck")
    func emptyBook() throws {
        let (book, diagnostics) = try Fixtures.book(["about.md": "---\ntitle: About\n---\nHi\n"])
        #expect(try book.epubcheck().summary == Fixtures.clean)
        #expect(diagnostics == ["warning: the book book.epub has no posts in it"])
    }

    @Test("A cover image gives a cover page that passes epubcheck")
    func cover() throws {
        var options = BookOptions()
        options.cover = "images/cover.png"
        let (book, _) = try Fixtures.book(["_posts/2014-06-16-hello.md": "Hi\n"],
                                          binary: ["images/cover.png": Fixtures.png], options: options)
        #expect(try book.epubcheck().summary == Fixtures.clean)
        #expect(try book.text("EPUB/package.opf").contains("properties=\"cover-image\""))
    }
}

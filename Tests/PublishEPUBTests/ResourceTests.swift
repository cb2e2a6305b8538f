import Foundation
import Testing
@testable import PublishEPUB

@Suite("Images and links")
struct ResourceTests {
    @Test("A local image is embedded with the type its bytes say, not its name")
    func typeFromBytes() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 16)
        let (book, _) = try Fixtures.book(["_posts/2014-06-16-a.md": "![photo](/images/photo.png)\n"],
                                          binary: ["images/photo.png": jpeg])
        #expect(try book.text("EPUB/package.opf").contains("href=\"media/images-photo.jpg\" media-type=\"image/jpeg\""))
    }

    @Test("A relative image is found against the post's URL, then the site's root")
    func relativeImage() throws {
        let (book, _) = try Fixtures.book(["_posts/2014-06-16-a.md": "![dot](images/dot.png)\n"],
                                          binary: ["images/dot.png": Fixtures.png])
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<img src=\"media/images-dot.png\" alt=\"dot\"/>"))
    }

    @Test("An SVG image is recognised from its first element")
    func svg() {
        #expect(MediaType(sniffing: Array("<?xml version=\"1.0\"?>\n<!-- x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == .svg)
        #expect(MediaType(sniffing: Array("<html><svg/></html>".utf8)) == nil)
    }

    @Test("A missing image: its description stays; the book warns at the post's line unless the build already has")
    func missingImage() throws {
        // A site's build warned of a relative image it did not find (PostLinks); the book does not say it again.
        let (book, diagnostics) = try Fixtures.book(["_posts/2014-06-16-a.md": "Text\n\n![a lost cat](gone.png)\n"])
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<p>a lost cat</p>"))
        #expect(!diagnostics.contains { $0.contains("gone.png") }, "\(diagnostics)")
        // A site path the build does not check, and a one-post book, which no build read: the book warns.
        let (_, sitePath) = try Fixtures.book(["_posts/2014-06-16-a.md": "Text\n\n![a lost cat](/gone.png)\n"])
        #expect(sitePath.first?.hasPrefix("_posts/2014-06-16-a.md:3:1: warning: the image '/gone.png' is not in the site") == true)
        let (single, alone) = try Fixtures.single("Text\n\n![a lost cat](gone.png)\n", path: "cat.md")
        #expect(try single.text("EPUB/chapter-0001.xhtml").contains("<p>a lost cat</p>"))
        #expect(alone.first?.hasPrefix("cat.md:3:1: warning: the image 'gone.png' is not in the site") == true)
    }

    @Test("A remote image is not fetched: it becomes a link with its description, and a warning")
    func remoteImage() throws {
        let (book, diagnostics) = try Fixtures.single("![a cat](https://cats.example/cat.jpg)\n", path: "cat.md")
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<a href=\"https://cats.example/cat.jpg\">a cat</a>"))
        #expect(diagnostics == ["cat.md:1:1: warning: the remote image 'https://cats.example/cat.jpg' is not embedded; the chapter links to it instead"])
    }

    @Test("A link to another post's heading becomes a link between chapters")
    func linkBetweenPosts() throws {
        let (book, _) = try Fixtures.book([
            "_posts/2014-06-16-a.md": "## Setup\n",
            "_posts/2015-01-01-b.md": "See [setup](/2014/06/16/a.html#setup) and [site](https://example.org/2014/06/16/a.html).\n",
        ])
        let chapter = try book.text("EPUB/chapter-0002.xhtml")
        #expect(chapter.contains("<a href=\"chapter-0001.xhtml#setup\">setup</a>"))
        #expect(chapter.contains("<a href=\"chapter-0001.xhtml\">site</a>"))
    }

    @Test("A link to a heading that does not exist leads to the chapter, with a warning")
    func missingFragment() throws {
        let (book, diagnostics) = try Fixtures.book([
            "_posts/2014-06-16-a.md": "Hi\n",
            "_posts/2015-01-01-b.md": "See [it](/2014/06/16/a.html#nowhere).\n",
        ])
        #expect(try book.text("EPUB/chapter-0002.xhtml").contains("<a href=\"chapter-0001.xhtml\">it</a>"))
        #expect(diagnostics.count == 1)
    }

    @Test("A link to a page outside the book becomes an absolute URL on the site")
    func linkOutside() throws {
        let (book, _) = try Fixtures.book(["_posts/2014-06-16-a.md": "[about](/about.html) and [rel](../x.html#y)\n"])
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(chapter.contains("<a href=\"https://example.org/about.html\">about</a>"))
        #expect(chapter.contains("<a href=\"https://example.org/2014/06/x.html#y\">rel</a>"))
    }

    @Test("Site paths resolve dot segments as RFC 3986 says")
    func resolve() {
        #expect(BookLinks.resolve("../b/./c.png?x#y", against: "/2014/06/16/a.html") == "/2014/06/b/c.png?x#y")
        #expect(BookLinks.resolve("/x", against: "/a/b") == "/x")
    }
}

@Suite("One-post books")
struct SinglePostTests {
    @Test("A post under _posts finds its images at the site's root")
    func siteRootOfPost() {
        let root = EPUBBook.siteRoot(URL(fileURLWithPath: "/blog/_posts/2014"))
        #expect(root.path == "/blog")
        #expect(EPUBBook.siteRoot(URL(fileURLWithPath: "/notes")).path == "/notes")
    }
}

import Foundation
import Testing
@testable import PublishEPUB

@Suite("Chapters")
struct ChapterTests {
    @Test("A script in a post is dropped with a warning at its line")
    func scriptDropped() throws {
        let (book, diagnostics) = try Fixtures.single("Intro\n\n<script>alert(1)</script>\n", path: "notes.md")
        #expect(!(try book.text("EPUB/chapter-0001.xhtml").contains("alert")))
        #expect(diagnostics == ["notes.md:3:1: warning: a <script> element is not carried into the book"])
    }

    @Test("Event attributes are dropped with a warning, the element kept")
    func eventAttributeDropped() throws {
        let (book, diagnostics) = try Fixtures.single("A <b onclick=\"steal()\">bold</b> word\n", path: "notes.md")
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<b>bold</b>"))
        #expect(diagnostics == ["notes.md:1:3: warning: the event attribute `onclick` is not carried into the book"])
    }

    @Test("Forms and iframes are dropped with their content")
    func formsDropped() throws {
        let (book, diagnostics) = try Fixtures.single("<form><input name=q></form>\n\n<iframe src=\"https://x.example\">x</iframe>\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(!chapter.contains("<form") && !chapter.contains("<iframe") && !chapter.contains("<input"))
        #expect(diagnostics.count == 2)
    }

    @Test("Characters XML forbids are removed from the text")
    func forbiddenCharacters() throws {
        let (book, _) = try Fixtures.single("bell\u{07} and form\u{0C}feed\n")
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<p>bell and formfeed</p>"))
    }

    @Test("Obsolete elements become current ones")
    func obsoleteRenamed() throws {
        let (book, _) = try Fixtures.single("<p><tt>x</tt> <font color=red>y</font></p>\n")
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<p><code>x</code> <span>y</span></p>"))
    }

    @Test("An id that is not an XML name is renamed, and a link to it follows")
    func idsMadeNames() throws {
        let (book, _) = try Fixtures.single("## 2019 review\n\n[up](#2019-review)\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(chapter.contains("<h2 id=\"id-2019-review\">"))
        #expect(chapter.contains("<a href=\"#id-2019-review\">up</a>"))
    }

    @Test("Two elements with one id keep it apart")
    func duplicateIDs() throws {
        let (book, _) = try Fixtures.single("<p id=\"a\">1</p>\n\n<p id=\"a\">2</p>\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(chapter.contains("<p id=\"a\">1</p>") && chapter.contains("<p id=\"a-2\">2</p>"))
    }

    @Test("Footnotes are marked as EPUB 3 noterefs and footnotes")
    func footnotes() throws {
        let (book, _) = try Fixtures.single("A note[^n].\n\n[^n]: The note.\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(chapter.contains("epub:type=\"noteref\"") && chapter.contains("<li id=\"fn-n\" epub:type=\"footnote\">"))
    }

    @Test("The HTML writer's void elements come out self-closed and the chapter is well-formed XML")
    func wellFormed() throws {
        let (book, _) = try Fixtures.single("a  \nb\n\n---\n\n- [x] done\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(chapter.contains("<br/>") && chapter.contains("<hr/>"))
        #expect(LibXML.wellFormednessError(Array(chapter.utf8)) == nil)
    }

    @Test("Unclosed raw HTML is closed by libxml2's HTML parser")
    func unclosedHTML() throws {
        let (book, _) = try Fixtures.single("<div><p>open\n\nafter\n")
        let chapter = try book.text("EPUB/chapter-0001.xhtml")
        #expect(LibXML.wellFormednessError(Array(chapter.utf8)) == nil)
        #expect(chapter.contains("after"))
    }

    @Test("Malformed XML is reported with the parser's reason")
    func malformedReported() {
        #expect(LibXML.wellFormednessError(Array("<a><b></a>".utf8)) != nil)
    }

    @Test("Deeply nested emphasis does not overflow the stack")
    func deepNesting() throws {
        let markdown = String(repeating: "*a ", count: 20_000) + String(repeating: "b*", count: 20_000) + "\n"
        try onThread {
            let (book, _) = try Fixtures.single(markdown)
            #expect(!book.bytes.isEmpty)
        }
    }

    private func onThread(_ body: @escaping @Sendable () throws -> Void) throws {
        nonisolated(unsafe) var failure: Error?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { try body() } catch { failure = error }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        if let failure { throw failure }
    }
}

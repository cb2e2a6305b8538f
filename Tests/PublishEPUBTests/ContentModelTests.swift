import Foundation
import Testing
@testable import PublishEPUB

@Suite("Content models")
struct ContentModelTests {
    private func chapter(_ markdown: String) throws -> String {
        let text = try Fixtures.single(markdown).book.text("EPUB/chapter-0001.xhtml")
        let start = text.range(of: "</header>\n")!.upperBound
        let end = text.range(of: "\n</section>\n</body>")!.lowerBound
        return String(text[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("A block inside a phrasing element is unwrapped, its text kept")
    func blockInPhrasing() throws {
        #expect(try chapter("<span><div>x</div></span>\n") == "<p><span>x</span></p>")
    }

    @Test("Text loose in a list gets an item of its own")
    func textInList() throws {
        #expect(try chapter("<ul>loose<li>item</li></ul>\n") == "<ul><li>loose</li><li>item</li></ul>")
    }

    @Test("A description before any term gets an empty term")
    func descriptionFirst() throws {
        #expect(try chapter("<dl><dd>d</dd></dl>\n") == "<dl><dt></dt><dd>d</dd></dl>")
    }

    @Test("Text between table rows is left out with a warning")
    func textInTable() throws {
        let (book, diagnostics) = try Fixtures.single("<table>stray<tr><td>c</td></tr></table>\n", path: "t.md")
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<table><tr><td>c</td></tr></table>"))
        #expect(diagnostics == ["t.md:1:1: warning: text inside a table but outside its cells is left out"])
    }

    @Test("What follows a <wbr> (which libxml2 does not know is void) stays a sibling")
    func wbr() throws {
        #expect(try chapter("<div>a<wbr>b</div>\n\n<table><tr><td>c</td></tr></table>\n")
            == "<div>a<wbr/>b</div>\n<table><tr><td>c</td></tr></table>")
    }

    @Test("Raw HTML that breaks HTML's content models still passes epubcheck")
    func epubcheck() throws {
        let (book, _) = try Fixtures.single("""
            <span><p>p</p></span>

            <ul>text<li>item</li></ul>

            <table>text<tr><td>cell</td></tr></table>

            <a href="/x"><div>block in link</div></a>

            <dl><dd>dd</dd><div>div</div></dl>

            <hr><br><wbr><table><caption>c</caption><tr><td>1</td></tr></table>

            <nav><ul><li>nav</li></ul></nav> <main>main</main> <ruby>漢<rt>kan</rt></ruby>

            """)
        #expect(try book.epubcheck().summary == Fixtures.clean)
    }
}

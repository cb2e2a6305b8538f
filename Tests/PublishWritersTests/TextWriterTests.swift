import PublishWriters
import Testing

@Suite("The plain-text writer")
struct TextWriterTests {
    @Test("Headings are underlined, paragraphs separated by a blank line")
    func headings() {
        #expect(text("# Title\n\nBody.\n\n## 中文标题\n\n### Small") == "Title\n=====\n\nBody.\n\n中文标题\n--------\n\nSmall\n")
    }

    @Test("Links read as text (url); a bare URL is not repeated")
    func links() {
        #expect(text("See [the spec](https://spec.commonmark.org) or <https://x.org> or <me@x.org>.")
                == "See the spec (https://spec.commonmark.org) or https://x.org or me@x.org.\n")
    }

    @Test("No markup survives: emphasis, code and inline HTML tags are gone")
    func noMarkup() {
        #expect(text("*a* **b** `c` <kbd>d</kbd>") == "a b c d\n")
    }

    @Test("Lists keep their markers and numbering, with hanging indents")
    func lists() {
        #expect(text("3. one\n4. two\n   - inner\n\nAfter", columns: 0) == "3. one\n4. two\n   - inner\n\nAfter\n")
    }

    @Test("A tight list after a paragraph is set off by a blank line")
    func listAfterParagraph() {
        #expect(text("Intro:\n- a\n- b") == "Intro:\n\n- a\n- b\n")
    }

    @Test("Quotes keep their marks on every line, blank lines included")
    func quotes() {
        #expect(text("> a\n>\n> > b") == "> a\n>\n> > b\n")
    }

    @Test("Code blocks are indented and never wrapped")
    func code() {
        let long = String(repeating: "x", count: 100)
        #expect(text("```\n\(long)\n\nz\n```", columns: 20) == "    \(long)\n\n    z\n")
    }

    @Test("Prose wraps at the column limit")
    func wrapping() {
        #expect(text("one two three four five six", columns: 10) == "one two\nthree four\nfive six\n")
    }

    @Test("Chinese wraps between characters, counting two columns each")
    func chineseWrapping() {
        #expect(text("中文排版需要注意标点", columns: 8) == "中文排版\n需要注意\n标点\n")
    }

    @Test("Closing punctuation never starts a line")
    func kinsoku() {
        let lines = text("我们写作，不断修改。然后发表。", columns: 10).split(separator: "\n")
        #expect(lines == ["我们写作，", "不断修改。", "然后发表。"])
        #expect(!lines.contains { $0.first == "，" || $0.first == "。" })
    }

    @Test("Hard line breaks start a new line")
    func hardBreak() {
        #expect(text("a\\\nb") == "a\nb\n")
    }

    @Test("Raw HTML blocks keep only their text")
    func htmlBlock() {
        #expect(text("<div class=\"note\">\n<p>Hello &amp; bye</p>\n</div>") == "Hello & bye\n")
    }

    @Test("A thematic break is a row of stars")
    func thematicBreak() {
        #expect(text("a\n\n---\n\nb") == "a\n\n* * *\n\nb\n")
    }

    @Test("Images read as their description and address")
    func images() {
        #expect(text("![A cat](cat.png) ![](dog.png)") == "A cat (cat.png) dog.png\n")
    }
}

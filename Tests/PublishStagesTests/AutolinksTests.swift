import PublishAST
import PublishReader
import PublishStages
import PublishWriters
import Testing

@Suite("Autolinks")
struct AutolinksTests {
    let stages = ["autolinks"]

    /// The HTML of `markdown` after the stage made with `options`.
    private func htmlWith(_ markdown: String, options: [YAMLMapping.Entry]) throws -> String {
        let stage = try Autolinks(options: Settings(owner: "stage `autolinks`", values: YAMLMapping(options)))
        var result = try MarkdownReader(readsFrontMatter: false).read(Array(markdown.utf8), path: "post.md")
        _ = StageList([stage]).run(&result.document, source: result.source)
        return HTMLWriter().render(result.document)
    }

    /// The range of the first link in `markdown` after the stage.
    private func linkRange(_ markdown: String) throws -> SourceRange? {
        let document = try staged(markdown, stages: stages).document
        for case .enter(let node) in document.events() {
            if case .inline(.link) = document.kind(of: node) { return document.range(of: node) }
        }
        return nil
    }

    @Test("A bare URL alone on a line becomes a link to itself")
    func bareURL() throws {
        #expect(try html("https://example.com/path\n", stages: stages)
            == "<p><a href=\"https://example.com/path\">https://example.com/path</a></p>\n")
    }

    @Test("A www. link points at http:// and the text as written")
    func wwwLink() throws {
        #expect(try html("Visit www.commonmark.org/help for more.\n", stages: stages)
            == "<p>Visit <a href=\"http://www.commonmark.org/help\">www.commonmark.org/help</a> for more.</p>\n")
    }

    @Test("http, https and ftp URLs link, the scheme in any case")
    func schemes() throws {
        #expect(try html("http://a.com https://b.com ftp://c.com HTTP://D.COM\n", stages: stages)
            == "<p><a href=\"http://a.com\">http://a.com</a> <a href=\"https://b.com\">https://b.com</a> "
            + "<a href=\"ftp://c.com\">ftp://c.com</a> <a href=\"HTTP://D.COM\">HTTP://D.COM</a></p>\n")
    }

    @Test("The scheme is every letter before the colon, so xhttp:// and irc:// do not link")
    func unknownSchemes() throws {
        #expect(try html("xhttp://a.com irc://b.com _http://c.com\n", stages: stages)
            == "<p>xhttp://a.com irc://b.com _<a href=\"http://c.com\">http://c.com</a></p>\n")
    }

    @Test("A URL needs a host character after ://")
    func hostAfterScheme() throws {
        #expect(try html("http:// http://-a.com http://.a.com\n", stages: stages)
            == "<p>http:// http://-a.com http://.a.com</p>\n")
    }

    @Test("Several links in one text split it into text, link, text")
    func severalLinks() throws {
        #expect(try html("see http://a.com and www.b.com, or c@d.org.\n", stages: stages)
            == "<p>see <a href=\"http://a.com\">http://a.com</a> and <a href=\"http://www.b.com\">www.b.com</a>, "
            + "or <a href=\"mailto:c@d.org\">c@d.org</a>.</p>\n")
    }

    @Test("Trailing punctuation and quotes stay outside the link")
    func trailingPunctuation() throws {
        #expect(try html("www.a.com. www.a.com/x?! 'http://b.com' \"http://c.com\" www.a.com/~x~\n", stages: stages)
            == "<p><a href=\"http://www.a.com\">www.a.com</a>. <a href=\"http://www.a.com/x\">www.a.com/x</a>?! "
            + "'<a href=\"http://b.com\">http://b.com</a>' &quot;<a href=\"http://c.com\">http://c.com</a>&quot; "
            + "<a href=\"http://www.a.com/~x\">www.a.com/~x</a>~</p>\n")
    }

    @Test("Dots inside the path stay in the link")
    func innerDots() throws {
        #expect(try html("Visit www.commonmark.org/a.b.\n", stages: stages)
            == "<p>Visit <a href=\"http://www.commonmark.org/a.b\">www.commonmark.org/a.b</a>.</p>\n")
    }

    @Test("Balanced parentheses stay in the link; an unmatched closing one does not")
    func parentheses() throws {
        #expect(try html("(www.g.com/q=M+(b)) www.g.com/q=M+(b))) www.g.com/q=(b))+ok\n", stages: stages)
            == "<p>(<a href=\"http://www.g.com/q=M+(b)\">www.g.com/q=M+(b)</a>) "
            + "<a href=\"http://www.g.com/q=M+(b)\">www.g.com/q=M+(b)</a>)) "
            + "<a href=\"http://www.g.com/q=(b))+ok\">www.g.com/q=(b))+ok</a></p>\n")
    }

    @Test("A trailing entity-like &name; stays outside the link, a lone ; too")
    func trailingEntity() throws {
        #expect(try html("www.g.com/search?q=c&hl; http://a.com/x;\n", stages: stages)
            == "<p><a href=\"http://www.g.com/search?q=c\">www.g.com/search?q=c</a>&amp;hl; "
            + "<a href=\"http://a.com/x\">http://a.com/x</a>;</p>\n")
    }

    @Test("A < ends the link")
    func lessThanEnds() throws {
        #expect(try html("www.commonmark.org/he<lp\n", stages: stages)
            == "<p><a href=\"http://www.commonmark.org/he\">www.commonmark.org/he</a>&lt;lp</p>\n")
    }

    @Test("An underscore in the last two domain segments stops a link, earlier ones do not")
    func underscoresInDomain() throws {
        #expect(try html("www.a_b.c.com www.a.b_c.com http://a.b._c\n", stages: stages)
            == "<p><a href=\"http://www.a_b.c.com\">www.a_b.c.com</a> www.a.b_c.com http://a.b._c</p>\n")
    }

    @Test("www. in lower case starts a link only at the start of a word")
    func wwwStartsWord() throws {
        #expect(try html("awww.a.com WWW.a.com x(www.b.com) www.\n", stages: stages)
            == "<p>awww.a.com WWW.a.com x(<a href=\"http://www.b.com\">www.b.com</a>) www.</p>\n")
    }

    @Test("www. may start a line and follow emphasis")
    func wwwAfterBreakAndEmphasis() throws {
        #expect(try html("a\nwww.b.com *c*www.d.com\n", stages: stages)
            == "<p>a\n<a href=\"http://www.b.com\">www.b.com</a> <em>c</em><a href=\"http://www.d.com\">www.d.com</a></p>\n")
    }

    @Test("www. after a link or code is inside a word and stays text")
    func wwwAfterOtherInlines() throws {
        #expect(try html("[a](/x)www.b.com `c`www.d.com\n", stages: stages)
            == "<p><a href=\"/x\">a</a>www.b.com <code>c</code>www.d.com</p>\n")
    }

    @Test("Links are found inside emphasis, strong emphasis and headings")
    func insideEmphasis() throws {
        #expect(try html("# *www.a.com* **http://b.com** _c@d.com_\n", stages: stages)
            == "<h1><em><a href=\"http://www.a.com\">www.a.com</a></em> <strong><a href=\"http://b.com\">http://b.com</a></strong> "
            + "<em><a href=\"mailto:c@d.com\">c@d.com</a></em></h1>\n")
    }

    @Test("Emails link to mailto:, with + . - _ before the @")
    func emails() throws {
        #expect(try html("a.b-c_d@a.b and hello+xyz@mail.example, not hello@mail+xyz.example\n", stages: stages)
            == "<p><a href=\"mailto:a.b-c_d@a.b\">a.b-c_d@a.b</a> and "
            + "<a href=\"mailto:hello+xyz@mail.example\">hello+xyz@mail.example</a>, not hello@mail+xyz.example</p>\n")
    }

    @Test("An email domain needs a dot and must end in a letter")
    func emailDomains() throws {
        #expect(try html("a@b a@b.c1 a@b.c- a@b.c_ a@b.c.\n", stages: stages)
            == "<p>a@b a@b.c1 a@b.c- a@b.c_ <a href=\"mailto:a@b.c\">a@b.c</a>.</p>\n")
    }

    @Test("With two @, the address starts after the first")
    func twoAts() throws {
        #expect(try html("x@y.com@z.com\n", stages: stages)
            == "<p>x@<a href=\"mailto:y.com@z.com\">y.com@z.com</a></p>\n")
    }

    @Test("A dot before a second @ counts for the address after it, as in cmark-gfm")
    func dotBeforeSecondAt() throws {
        #expect(try html("_@a.b@wHttp(a\n", stages: stages)
            == "<p>_@<a href=\"mailto:a.b@wHttp\">a.b@wHttp</a>(a</p>\n")
    }

    @Test("mailto: and xmpp: addresses link as written; xmpp: may have a resource")
    func protocols() throws {
        #expect(try html("mailto:a@b.com xmpp:c@d.com/home amailto:e@f.com\n", stages: stages)
            == "<p><a href=\"mailto:a@b.com\">mailto:a@b.com</a> <a href=\"xmpp:c@d.com/home\">xmpp:c@d.com/home</a> "
            + "amailto:<a href=\"mailto:e@f.com\">e@f.com</a></p>\n")
    }

    @Test("An @ in a URL is part of the URL, not an email")
    func atInURL() throws {
        #expect(try html("http://user@host.com/x\n", stages: stages)
            == "<p><a href=\"http://user@host.com/x\">http://user@host.com/x</a></p>\n")
    }

    @Test("Escapes and entities count as the characters they stand for, where cmark-gfm keeps them raw")
    func escapesAndEntities() throws {
        #expect(try html("x\\_y@b.com www.a.com/?a=1&amp;b=2\n", stages: stages)
            == "<p><a href=\"mailto:x_y@b.com\">x_y@b.com</a> "
            + "<a href=\"http://www.a.com/?a=1&amp;b=2\">www.a.com/?a=1&amp;b=2</a></p>\n")
    }

    @Test("Code spans, code blocks, links, images and raw HTML are left alone")
    func leftAlone() throws {
        let markdown = "`www.a.com` [www.b.com](/x) ![http://c.com](/i.png) <span title=\"d@e.com\">\n\n    www.f.com\n"
        #expect(try html(markdown, stages: stages)
            == "<p><code>www.a.com</code> <a href=\"/x\">www.b.com</a> <img src=\"/i.png\" alt=\"http://c.com\" /> "
            + "<span title=\"d@e.com\"></p>\n<pre><code>www.f.com\n</code></pre>\n")
    }

    @Test("Text inside a raw <a> element gets no link nested in it, unlike in cmark-gfm")
    func insideRawAnchor() throws {
        #expect(try html("<a href=\"/x\">http://b.com</a> http://c.com\n", stages: stages)
            == "<p><a href=\"/x\">http://b.com</a> <a href=\"http://c.com\">http://c.com</a></p>\n")
    }

    @Test("A URL ends before Chinese punctuation")
    func cjkPunctuation() throws {
        #expect(try html("见https://example.com。（www.a.com）\n", stages: stages)
            == "<p>见<a href=\"https://example.com\">https://example.com</a>。（<a href=\"http://www.a.com\">www.a.com</a>）</p>\n")
    }

    @Test("A URL ends before a fullwidth comma and Chinese text after it")
    func cjkComma() throws {
        #expect(try html("https://example.com，后面\n", stages: stages)
            == "<p><a href=\"https://example.com\">https://example.com</a>，后面</p>\n")
    }

    @Test("A URL ends before Chinese characters and the ideographic space")
    func cjkIdeographs() throws {
        #expect(try html("https://example.com/a后面 https://b.com\u{3000}后\n", stages: stages)
            == "<p><a href=\"https://example.com/a\">https://example.com/a</a>后面 "
            + "<a href=\"https://b.com\">https://b.com</a>\u{3000}后</p>\n")
    }

    @Test("Under CJK boundaries a host starting with CJK characters is no link")
    func cjkHost() throws {
        #expect(try html("https://例子.com www.例子.com\n", stages: stages) == "<p>https://例子.com www.例子.com</p>\n")
    }

    @Test("Emoji do not end a URL")
    func emojiKept() throws {
        #expect(try html("http://🍄.ga/ http://x🍄.ga/\n", stages: stages)
            == "<p><a href=\"http://%F0%9F%8D%84.ga/\">http://🍄.ga/</a> <a href=\"http://x%F0%9F%8D%84.ga/\">http://x🍄.ga/</a></p>\n")
    }

    @Test("Emails stop at Chinese text by their own rules")
    func cjkEmail() throws {
        #expect(try html("请发邮件到foo@bar.com。\n", stages: stages)
            == "<p>请发邮件到<a href=\"mailto:foo@bar.com\">foo@bar.com</a>。</p>\n")
    }

    @Test("A www. link may start right after Chinese text")
    func wwwAfterCJK() throws {
        #expect(try html("访问www.example.com。\n", stages: stages)
            == "<p>访问<a href=\"http://www.example.com\">www.example.com</a>。</p>\n")
    }

    @Test("With cjk_boundaries off a URL runs to white space, as in cmark-gfm")
    func cjkBoundariesOff() throws {
        #expect(try htmlWith("https://example.com，后面 访问www.a.com\n", options: [.init(key: "cjk_boundaries", value: .bool(false))])
            == "<p><a href=\"https://example.com%EF%BC%8C%E5%90%8E%E9%9D%A2\">https://example.com，后面</a> 访问www.a.com</p>\n")
    }

    @Test("cjk_boundaries must be true or false")
    func cjkBoundariesKind() {
        #expect(throws: Diagnostic.self) {
            try htmlWith("x\n", options: [.init(key: "cjk_boundaries", value: .string("yes"))])
        }
    }

    @Test("A link gets the source range of its text")
    func rangeOfLink() throws {
        #expect(try linkRange("* see http://a.com now\n")
            == SourceRange(startLine: 1, startColumn: 7, endLine: 1, endColumn: 18))
    }

    @Test("A link's range counts the escapes and entities before it")
    func linkRangeAfterEscapes() throws {
        #expect(try linkRange("a\\*b &amp; www.x.com\n")
            == SourceRange(startLine: 1, startColumn: 12, endLine: 1, endColumn: 20))
    }

    @Test("Without the stage URLs stay text")
    func withoutStage() throws {
        #expect(try html("http://example.com\n", stages: []) == "<p>http://example.com</p>\n")
    }

    @Test("50,000 nested block quotes around a URL, on a small stack")
    func deepQuotes() {
        let depth = 50_000
        let output = htmlOnSmallStack(String(repeating: "> ", count: depth) + "www.a.com\n", stages: ["autolinks"])
        #expect(output.contains("<p><a href=\"http://www.a.com\">www.a.com</a></p>"))
        #expect(output.components(separatedBy: "<blockquote>").count == depth + 1)
    }

    @Test("A long line of links and long domains take linear time")
    func longInput() throws {
        let count = 20_000
        let links = String(repeating: "www.a.com *x* b@c.com ", count: count)
        let domain = "http://" + String(repeating: "a_b.", count: count) + "com"
        let output = try html(links + domain + "\n", stages: stages)
        #expect(output.components(separatedBy: "<a href=").count == 2 * count + 2)
    }
}

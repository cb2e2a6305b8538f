import PublishAST
import PublishWriters
import Testing

@Suite("The HTML writer")
struct HTMLWriterTests {
    @Test("Writes CommonMark as cmark does")
    func commonMark() {
        #expect(html("# Hi *there*\n\n- a\n- b\n\n> q\n\n    code\n") ==
            "<h1>Hi <em>there</em></h1>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<blockquote>\n<p>q</p>\n</blockquote>\n<pre><code>code\n</code></pre>\n")
    }

    @Test("Escapes URLs as cmark does: percent-encoding, & and ' as entities")
    func urlEscaping() {
        #expect(html("[a](</ü x?a=1&b='2'>)") == "<p><a href=\"/%C3%BC%20x?a=1&amp;b=&#x27;2&#x27;\">a</a></p>\n")
    }

    @Test("An image's description becomes plain alt text")
    func imageAlt() {
        #expect(html("![a *b* `c`\nd](i.png \"t\")") == "<p><img src=\"i.png\" alt=\"a b c d\" title=\"t\" /></p>\n")
    }

    @Test("Raw HTML is kept by default")
    func rawKept() {
        #expect(html("<div>\n*x*\n</div>\n\na <kbd>k</kbd>") == "<div>\n*x*\n</div>\n<p>a <kbd>k</kbd></p>\n")
    }

    @Test("Raw HTML can be escaped as text")
    func rawEscaped() {
        #expect(html("<div>x</div>\n\na <b>", rawHTML: .escape) == "<p>&lt;div&gt;x&lt;/div&gt;</p>\n<p>a &lt;b&gt;</p>\n")
    }

    @Test("raw_html: known shows a tag that names no element as text, and keeps HTML's, custom and SVG elements")
    func rawKnown() {
        #expect(html("vboxmanage unregistervm <id> --delete, b <function>[:<line>]", rawHTML: .known)
                == "<p>vboxmanage unregistervm &lt;id&gt; --delete, b &lt;function&gt;[:&lt;line&gt;]</p>\n")
        #expect(html("a <kbd>k</kbd> <my-card x=1></my-card> <svg viewBox=\"0 0 1 1\"><line x1=\"0\"/></svg> <line>",
                     rawHTML: .known)
                == "<p>a <kbd>k</kbd> <my-card x=1></my-card> <svg viewBox=\"0 0 1 1\"><line x1=\"0\"/></svg> &lt;line&gt;</p>\n")
        #expect(html("<id>\nsome text\n\n<div>\nok\n</div>\n<!-- c -->\n", rawHTML: .known)
                == "<p>&lt;id&gt;\nsome text</p>\n<div>\nok\n</div>\n<!-- c -->\n")
        #expect(html("[c](javascript:void(0))", rawHTML: .known) == "<p><a href=\"javascript:void(0)\">c</a></p>\n")
    }

    @Test("With lazyImages, every image after the first loads lazily")
    func lazyImages() {
        let document = parse("![a](a.png) ![b](b.png \"t\")\n\n![c](c.png)")
        #expect(HTMLWriter(options: HTMLOptions(lazyImages: true)).render(document)
                == "<p><img src=\"a.png\" alt=\"a\" /> <img src=\"b.png\" alt=\"b\" title=\"t\" loading=\"lazy\" /></p>\n"
                + "<p><img src=\"c.png\" alt=\"c\" loading=\"lazy\" /></p>\n")
    }

    @Test("Raw HTML can be dropped, and dangerous links with it")
    func rawDropped() {
        #expect(html("<script>x</script>\n\na <b>b</b> [c](javascript:alert(1)) ![i](data:image/png;base64,AA)", rawHTML: .drop)
                == "<p>a b <a href=\"\">c</a> <img src=\"data:image/png;base64,AA\" alt=\"i\" /></p>\n")
    }

    @Test("Node attributes become HTML attributes")
    func attributes() {
        var document = parse("## Title")
        let heading = document.firstChild(of: document.root)!
        document.setAttributes(Attributes(id: "t-1", classes: ["a", "b"], pairs: [.init("data-x", "<&>")]), of: heading)
        #expect(HTMLWriter().render(document) == "<h2 id=\"t-1\" class=\"a b\" data-x=\"&lt;&amp;&gt;\">Title</h2>\n")
    }

    @Test("Tables render as cmark-gfm does, with alignment as a style")
    func table() {
        var builder = Builder()
        builder.add(.block(.table(alignments: [.left, .none, .right]))) { b, table in
            b.add(.block(.tableHead), to: table) { b, head in
                for name in ["a", "b", "c"] { b.add(.block(.tableCell), to: head) { b, cell in b.text(name, to: cell) } }
            }
            b.add(.block(.tableRow), to: table) { b, row in
                for name in ["1", "2", "3"] { b.add(.block(.tableCell), to: row) { b, cell in b.text(name, to: cell) } }
            }
        }
        #expect(HTMLWriter().render(builder.document) == """
            <table>
            <thead>
            <tr>
            <th style="text-align: left">a</th>
            <th>b</th>
            <th style="text-align: right">c</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left">1</td>
            <td>2</td>
            <td style="text-align: right">3</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test("A table with only a header has no tbody")
    func headerOnlyTable() {
        var builder = Builder()
        builder.add(.block(.table(alignments: [.none]))) { b, table in
            b.add(.block(.tableHead), to: table) { b, head in b.add(.block(.tableCell), to: head) }
        }
        #expect(HTMLWriter().render(builder.document) == "<table>\n<thead>\n<tr>\n<th></th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("Task items get disabled checkboxes, and strikethrough is del")
    func tasksAndStrikethrough() {
        var builder = Builder()
        builder.add(.block(.list(ListStyle(kind: .bullet, isTight: true)))) { b, list in
            for state in [TaskState.unchecked, .checked] {
                b.add(.block(.item(task: state)), to: list) { b, item in
                    b.add(.block(.paragraph), to: item) { b, p in
                        b.add(.inline(.strikethrough), to: p) { b, del in b.text("x", to: del) }
                    }
                }
            }
        }
        #expect(HTMLWriter().render(builder.document) == """
            <ul>
            <li><input type="checkbox" disabled="" /> <del>x</del></li>
            <li><input type="checkbox" checked="" disabled="" /> <del>x</del></li>
            </ul>

            """)
    }

    @Test("Footnotes: numbered references, an endnote section with a back-link per reference")
    func footnotes() {
        var builder = Builder()
        builder.add(.block(.paragraph)) { b, p in
            b.text("a", to: p)
            b.add(.inline(.footnoteReference(label: "n", number: 1)), to: p)
            b.add(.inline(.footnoteReference(label: "n", number: 1)), to: p)
        }
        builder.add(.block(.footnoteDefinition(label: "n", number: 1))) { b, note in
            b.add(.block(.paragraph), to: note) { b, p in b.text("Note.", to: p) }
        }
        let output = HTMLWriter().render(builder.document)
        #expect(output.contains("<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup>"))
        #expect(output.contains("id=\"fnref-n-2\""))
        #expect(output.contains("<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-n\">\n<p>Note. <a href=\"#fnref-n\""))
        #expect(output.contains("<a href=\"#fnref-n-2\""))
        #expect(output.hasSuffix("</p>\n</li>\n</ol>\n</section>\n"))
    }

    @Test("Control characters HTML forbids are dropped from text, code and attributes; tab and newline stay")
    func forbiddenControlCharacters() {
        #expect(html("a\u{8}b\u{85}c\u{7F}d\te\n") == "<p>abcd\te</p>\n")
        #expect(html("`x\u{1}y`\n") == "<p><code>xy</code></p>\n")
        #expect(html("[a](/u \"t\u{1B}itle\")\n") == "<p><a href=\"/u\" title=\"title\">a</a></p>\n")
    }
}

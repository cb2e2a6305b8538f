import Testing

@Suite("Raw HTML made valid HTML5")
struct ModernHTMLTests {
    let stages = ["modern-html"]

    @Test("align on a block becomes text-align")
    func alignOnBlock() throws {
        #expect(try html("<div align=\"center\">\nx\n</div>\n", stages: stages)
            == "<div style=\"text-align: center\">\nx\n</div>\n")
    }

    @Test("align joins an existing style, keeping it")
    func alignWithStyle() throws {
        #expect(try html("<p align=right style='color: red'>x</p>\n", stages: stages)
            == "<p style=\"text-align: right; color: red\">x</p>\n")
    }

    @Test("align on an image floats it or aligns it vertically")
    func alignOnImage() throws {
        #expect(try html("a <img src=\"x.png\" align=\"left\"> b <img src=y.png align=middle>\n", stages: stages)
            == "<p>a <img src=\"x.png\" style=\"float: left\"> b <img src=\"y.png\" style=\"vertical-align: middle\"></p>\n")
    }

    @Test("align=middle on an embed is vertical-align, on a cell text-align: center; a table is centred by its margins")
    func alignMiddle() throws {
        #expect(try html("<embed src=\"a.swf\" align=\"middle\">\n", stages: stages)
            == "<embed src=\"a.swf\" style=\"vertical-align: middle\">\n")
        #expect(try html("<table align=center><tr><td align=middle>x</td></tr></table>\n", stages: stages)
            == "<table style=\"margin-left: auto; margin-right: auto\"><tr><td style=\"text-align: center\">x</td></tr></table>\n")
        #expect(try html("<div align=\"bogus\">\nx\n</div>\n", stages: stages) == "<div>\nx\n</div>\n")
    }

    @Test("Old embed attributes HTML5 has no use for leave an iframe; an image's border becomes a style")
    func obsoleteAttributes() throws {
        #expect(try html("<iframe src=\"https://v.example/e\" gesture=\"media\" scrolling=\"no\" allowtransparency marginwidth=0></iframe>\n",
                         stages: stages)
            == "<iframe src=\"https://v.example/e\"></iframe>\n")
        #expect(try html("<img src=\"a.png\" border=\"0\" alt=\"\">\n", stages: stages)
            == "<img src=\"a.png\" alt=\"\" style=\"border: 0\">\n")
    }

    @Test("center becomes a centred div, both tags")
    func center() throws {
        #expect(try html("<center>\nhi\n</center>\n", stages: stages)
            == "<div style=\"text-align: center\">\nhi\n</div>\n")
    }

    @Test("An anchor's name becomes its id")
    func anchorName() throws {
        #expect(try html("<a name=\"top\"></a>\n", stages: stages) == "<p><a id=\"top\"></a></p>\n")
    }

    @Test("frameborder=0 becomes a style")
    func frameborder() throws {
        #expect(try html("<iframe src=\"https://example.org/e\" frameborder=\"0\" allowfullscreen></iframe>\n", stages: stages)
            == "<iframe src=\"https://example.org/e\" allowfullscreen style=\"border: 0\"></iframe>\n")
    }

    @Test("Tags that need nothing, comments and text are kept byte for byte")
    func untouched() throws {
        let input = "<div class='a' data-x=1>\n<!-- <center> -->\n3 < 4 and <br/>\n</div>\n"
        #expect(try html(input, stages: stages) == input)
    }

    @Test("Code is never touched")
    func codeUntouched() throws {
        #expect(try html("`<center>`\n\n    <div align=center>\n", stages: stages)
            == "<p><code>&lt;center&gt;</code></p>\n<pre><code>&lt;div align=center&gt;\n</code></pre>\n")
    }
}

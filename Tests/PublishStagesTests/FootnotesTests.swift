import Testing

@Suite("Footnotes")
struct FootnotesTests {
    let stages = ["footnotes"]

    @Test("A reference becomes a numbered superscript and its definition a note at the end")
    func basicNote() throws {
        #expect(try html("Text[^1].\n\n[^1]: The note.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>The note. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Several references to one note share its number")
    func sharedNumber() throws {
        #expect(try html("A[^n] and B[^n].\n\n[^n]: Shared.\n", stages: stages)
                == "<p>A<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\" data-footnote-ref>1</a></sup> and B<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n-2\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-n\">\n<p>Shared. <a href=\"#fnref-n\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a> <a href=\"#fnref-n-2\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1-2\" aria-label=\"Back to reference 1-2\">↩<sup class=\"footnote-ref\">2</sup></a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Notes are numbered in order of first reference, not of definition")
    func numberedByReference() throws {
        #expect(try html("First[^b] then[^a].\n\n[^a]: Alpha.\n\n[^b]: Beta.\n", stages: stages)
                == "<p>First<sup class=\"footnote-ref\"><a href=\"#fn-b\" id=\"fnref-b\" data-footnote-ref>1</a></sup> then<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>2</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-b\">\n<p>Beta. <a href=\"#fnref-b\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n<li id=\"fn-a\">\n<p>Alpha. <a href=\"#fnref-a\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"2\" aria-label=\"Back to reference 2\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A definition nothing refers to is dropped")
    func unusedDropped() throws {
        #expect(try html("Text[^1].\n\n[^1]: Used.\n\n[^2]: Unused.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Used. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A reference with no definition stays text")
    func undefinedStaysText() throws {
        #expect(try html("Text[^nope].\n", stages: stages)
                == "<p>Text[^nope].</p>\n")
    }

    @Test("Labels match without regard to case")
    func caseInsensitiveLabels() throws {
        #expect(try html("Text[^Note].\n\n[^NOTE]: Found.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-NOTE\" id=\"fnref-NOTE\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-NOTE\">\n<p>Found. <a href=\"#fnref-NOTE\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("The first of two definitions of a label wins")
    func firstDefinitionWins() throws {
        #expect(try html("Text[^1].\n\n[^1]: First.\n\n[^1]: Second.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>First. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A definition libcmark took for a link reference definition is recovered")
    func consumedDefinition() throws {
        #expect(try html("Text[^1].\n\n[^1]: https://example.com \"t\"\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>https://example.com &quot;t&quot; <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A definition line interrupts a paragraph")
    func interruptsParagraph() throws {
        #expect(try html("Text[^1]\n[^1]: Interrupts the paragraph.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Interrupts the paragraph. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Indented continuation paragraphs and code belong to the definition")
    func indentedContinuation() throws {
        #expect(try html("Text[^1].\n\n[^1]: One.\n\n        code\n\n    Two.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>One.</p>\n<pre><code>code\n</code></pre>\n<p>Two. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("After a bare label line the indented lines are the definition's blocks")
    func bareLabelLine() throws {
        #expect(try html("Text[^1].\n\n[^1]:\n    > Quoted.\n\n        code\n\n    After.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<blockquote>\n<p>Quoted.</p>\n</blockquote>\n<pre><code>code\n</code></pre>\n<p>After. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A definition in a block quote moves out of it")
    func definitionInQuote() throws {
        #expect(try html("> Quoted[^1].\n>\n> [^1]: In a quote.\n", stages: stages)
                == "<blockquote>\n<p>Quoted<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n</blockquote>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>In a quote. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A reference in a heading")
    func referenceInHeading() throws {
        #expect(try html("# Title[^1]\n\n[^1]: About the title.\n", stages: stages)
                == "<h1>Title<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></h1>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>About the title. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("References inside emphasis; a note with emphasis and a link")
    func inlineMarkup() throws {
        #expect(try html("*Emphasis[^1]*\n\n[^1]: Has *emphasis* and [a link](/x).\n", stages: stages)
                == "<p><em>Emphasis<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup></em></p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Has <em>emphasis</em> and <a href=\"/x\">a link</a>. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Chinese labels and text")
    func chinese() throws {
        #expect(try html("中文[^注]。\n\n[^注]: 中文的脚注。\n", stages: stages)
                == "<p>中文<sup class=\"footnote-ref\"><a href=\"#fn-%E6%B3%A8\" id=\"fnref-%E6%B3%A8\" data-footnote-ref>1</a></sup>。</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-%E6%B3%A8\">\n<p>中文的脚注。 <a href=\"#fnref-%E6%B3%A8\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A reference in a code span is code")
    func codeSpan() throws {
        #expect(try html("`[^1]` is code[^1].\n\n[^1]: Note.\n", stages: stages)
                == "<p><code>[^1]</code> is code<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Note. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("An escaped bracket is not a reference")
    func escapedBracket() throws {
        #expect(try html("\\[^1] is text[^1].\n\n[^1]: Note.\n", stages: stages)
                == "<p>[^1] is text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Note. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("[^1](/x) is a link, as in cmark-gfm")
    func inlineLinkStays() throws {
        #expect(try html("A [^1](/x) link[^1].\n\n[^1]: note\n", stages: stages)
                == "<p>A <a href=\"/x\">^1</a> link<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>note <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Two adjacent references whose definitions libcmark consumed")
    func adjacentReferences() throws {
        #expect(try html("Both[^1][^2].\n\n[^1]: one\n[^2]: two\n", stages: stages)
                == "<p>Both<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup><sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" data-footnote-ref>2</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>one <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n<li id=\"fn-2\">\n<p>two <a href=\"#fnref-2\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"2\" aria-label=\"Back to reference 2\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("An unindented line continues the definition's paragraph")
    func lazyContinuation() throws {
        #expect(try html("Text[^1].\n\n[^1]: Line one\ncontinued.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Line one\ncontinued. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A reference inside a note is numbered where the note was written")
    func referenceInsideNote() throws {
        #expect(try html("[^a]: See[^b].\n\n[^b]: Bee.\n\nText[^a].\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>2</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-b\">\n<p>Bee. <a href=\"#fnref-b\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n<li id=\"fn-a\">\n<p>See<sup class=\"footnote-ref\"><a href=\"#fn-b\" id=\"fnref-b\" data-footnote-ref>1</a></sup>. <a href=\"#fnref-a\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"2\" aria-label=\"Back to reference 2\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A definition in a list item moves out of it")
    func definitionInItem() throws {
        #expect(try html("- Item[^1].\n\n  [^1]: In an item.\n", stages: stages)
                == "<ul>\n<li>\n<p>Item<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n</li>\n</ul>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>In an item. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("Emphasis and code in a consumed definition are read")
    func consumedMarkup() throws {
        #expect(try html("中文[^注]。\n\n[^注]: 中文脚注，*强调*，`代码`。\n", stages: stages)
                == "<p>中文<sup class=\"footnote-ref\"><a href=\"#fn-%E6%B3%A8\" id=\"fnref-%E6%B3%A8\" data-footnote-ref>1</a></sup>。</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-%E6%B3%A8\">\n<p>中文脚注，<em>强调</em>，<code>代码</code>。 <a href=\"#fnref-%E6%B3%A8\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A line after a consumed definition continues it; its escaped bracket stays text")
    func consumedLazy() throws {
        #expect(try html("Text[^1].\n\n[^1]: https://example.com\nmore[^2], not \\[^2].\n\n[^2]: Two words.\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>https://example.com\nmore<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\" data-footnote-ref>2</a></sup>, not [^2]. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n<li id=\"fn-2\">\n<p>Two words. <a href=\"#fnref-2\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"2\" aria-label=\"Back to reference 2\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("An inline link with a note's label stays a link when the note was consumed")
    func consumedLinkStays() throws {
        #expect(try html("A [^1](/x) link[^1].\n\n[^1]: note\n", stages: stages)
                == "<p>A <a href=\"/x\">^1</a> link<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>note <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("An escaped reference in consumed text stays text")
    func consumedEscape() throws {
        #expect(try html("Text[^1].\n\n[^1]: \\[^1]\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>[^1] <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A link reference definition line right after a consumed note is part of the note")
    func lazyLinkDefinitionLine() throws {
        #expect(try html("Text[^1].\n\n[^1]: word\n[x]: /y\n", stages: stages)
                == "<p>Text<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>word\n[x]: /y <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n")
    }

    @Test("A reference to no definition and a second definition are warned about, with their lines")
    func warnings() throws {
        let warnings = try staged("Text[^nope][^1].\n\n[^1]: First.\n\n[^1]: Second.\n", stages: stages).warnings
        #expect(warnings.map(\.description) == [
            "post.md:5:1: warning: footnote [^1] is defined twice; the first definition is used",
            "post.md:1:5: warning: there is no footnote definition for this reference; it stays text",
        ])
    }

    @Test("With no definitions in the post, bracketed carets are not warned about")
    func noWarningsWithoutNotes() throws {
        #expect(try staged("Match [^a-z] in a pattern.\n", stages: stages).warnings.isEmpty)
    }

    @Test("Without the stage a reference is text and a definition a paragraph")
    func withoutStage() throws {
        #expect(try html("Text[^1].\n\n[^1]: A note.\n", stages: []) == "<p>Text[^1].</p>\n<p>[^1]: A note.</p>\n")
    }

    @Test("10,000 references to one note all get its number")
    func manyReferences() throws {
        let output = try html(String(repeating: "a[^1] ", count: 10_000) + "\n\n[^1]: Note.\n", stages: stages)
        #expect(output.components(separatedBy: "data-footnote-ref>1</a>").count == 10_001)
        #expect(output.contains("id=\"fnref-1-10000\""))
        #expect(output.hasSuffix("Back to reference 1-10000\">↩<sup class=\"footnote-ref\">10000</sup></a></p>\n</li>\n</ol>\n</section>\n"))
    }

    @Test("1,000 notes, each referenced once, keep their order")
    func manyNotes() throws {
        let references = (1...1_000).map { "x[^n\($0)]" }.joined(separator: " ")
        let definitions = (1...1_000).reversed().map { "[^n\($0)]: Note \($0)." }.joined(separator: "\n")
        let output = try html(references + "\n\n" + definitions + "\n", stages: stages)
        #expect(output.contains("<li id=\"fn-n1000\">\n<p>Note 1000. <a href=\"#fnref-n1000\""))
        #expect(output.components(separatedBy: "<li id=").count == 1_001)
    }

    @Test("A reference and a definition under 50,000 nested block quotes")
    func deepQuotes() {
        let depth = 50_000
        let quotes = String(repeating: "> ", count: depth)
        let output = htmlOnSmallStack(quotes + "Deep[^1].\n" + quotes + "\n" + quotes + "[^1]: Note.\n", stages: ["footnotes"])
        #expect(output.components(separatedBy: "<blockquote>").count == depth + 1)
        #expect(output.contains("<p>Deep<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>.</p>"))
        #expect(output.hasSuffix("<li id=\"fn-1\">\n<p>Note. <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\">↩</a></p>\n</li>\n</ol>\n</section>\n"))
    }

    @Test("A reference inside 50,000 nested emphasis runs")
    func deepEmphasis() {
        let depth = 50_000
        let markdown = String(repeating: "*a **a ", count: depth) + "b[^1]" + String(repeating: " a** a*", count: depth)
        let output = htmlOnSmallStack(markdown + "\n\n[^1]: Note.\n", stages: ["footnotes"])
        #expect(output.contains("b<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> a</strong>"))
        #expect(output.hasSuffix("</li>\n</ol>\n</section>\n"))
    }
}

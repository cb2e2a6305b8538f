import Testing

@Suite("Strikethrough")
struct StrikethroughTests {
    let stages = ["strikethrough"]

    @Test("Two tildes on each side strike text through")
    func doubleTilde() throws {
        #expect(try html("~~Hi~~ Hello, world!\n", stages: stages) == "<p><del>Hi</del> Hello, world!</p>\n")
    }

    @Test("One tilde on each side strikes text through")
    func singleTilde() throws {
        #expect(try html("A proper ~strikethrough~.\n", stages: stages) == "<p>A proper <del>strikethrough</del>.</p>\n")
    }

    @Test("Three or more tildes never strike through")
    func threeTildes() throws {
        #expect(try html("a ~~~three~~~ ~~~~four~~~~\n", stages: stages) == "<p>a ~~~three~~~ ~~~~four~~~~</p>\n")
    }

    @Test("An opener closes only with a run of its own length")
    func mismatchedLengths() throws {
        #expect(try html("No ~mismatch~~\n", stages: stages) == "<p>No ~mismatch~~</p>\n")
    }

    @Test("Runs flank as emphasis runs do: a tilde before a space does not open")
    func flanking() throws {
        #expect(try html("This ~is ~ legit~ isn't ~ legit.\n", stages: stages)
                == "<p>This <del>is ~ legit</del> isn't ~ legit.</p>\n")
        #expect(try html("~~ a~~\n", stages: stages) == "<p>~~ a~~</p>\n")
    }

    @Test("Tildes inside a word strike through")
    func insideWord() throws {
        #expect(try html("x~~y~~z\n", stages: stages) == "<p>x<del>y</del>z</p>\n")
    }

    @Test("The rule of three of emphasis applies to runs that both open and close")
    func ruleOfThree() throws {
        #expect(try html("~a~~b~\n", stages: stages) == "<p><del>a~~b</del></p>\n")
    }

    @Test("A strikethrough does not cross paragraphs")
    func notAcrossParagraphs() throws {
        #expect(try html("This ~~has a\n\nnew paragraph~~.\n", stages: stages)
                == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
    }

    @Test("A strikethrough spans emphasis, code and a soft break")
    func spansInlines() throws {
        #expect(try html("~~**a** `b`\nc~~\n", stages: stages)
                == "<p><del><strong>a</strong> <code>b</code>\nc</del></p>\n")
    }

    @Test("Tildes in a code span or code block are code")
    func notInCode() throws {
        #expect(try html("~~`a~~`~~\n", stages: stages) == "<p><del><code>a~~</code></del></p>\n")
        #expect(try html("```\n~~a~~\n```\n", stages: stages) == "<pre><code>~~a~~\n</code></pre>\n")
    }

    @Test("Tildes inside a link's text strike through there, not across its edge")
    func insideLinks() throws {
        #expect(try html("[~~a~~](/u) ~~b [c~~](/v)\n", stages: stages)
                == "<p><a href=\"/u\"><del>a</del></a> ~~b <a href=\"/v\">c~~</a></p>\n")
    }

    @Test("The text of an autolink is not parsed")
    func notInAutolinks() throws {
        #expect(try html("<http://a.b/~~c~~>\n", stages: stages)
                == "<p><a href=\"http://a.b/~~c~~\">http://a.b/~~c~~</a></p>\n")
    }

    @Test("A backslash-escaped or entity tilde is no delimiter")
    func escapedTildes() throws {
        #expect(try html("\\~~a~~ ~~b\\~~ &#126;~c~~\n", stages: stages) == "<p>~~a~~ ~~b~~ ~~c~~</p>\n")
    }

    @Test("An entity before a closer does not throw the source lining up")
    func entityBeforeCloser() throws {
        #expect(try html("~~a &amp;~~ b~~\n", stages: stages) == "<p><del>a &amp;</del> b~~</p>\n")
    }

    @Test("Escapes on an indented continuation line in a quote are found")
    func escapesOnContinuationLine() throws {
        #expect(try html("> a\n>   ~~b~~ \\~~c~~\n", stages: stages)
                == "<blockquote>\n<p>a\n<del>b</del> ~~c~~</p>\n</blockquote>\n")
    }

    @Test("An escape at the start of a line cmark misplaces by a column is still found")
    func escapeOnMisplacedLine() throws {
        #expect(try html(" !\n\\~~(u)~* b\n", stages: stages) == "<p>!\n~<del>(u)</del>* b</p>\n")
    }

    @Test("Text that cmark places past the end of its line is still read")
    func textPlacedPastLineEnd() throws {
        #expect(try html("`b\n~~` ~<x>[~\n", stages: stages) == "<p><code>b ~~</code> <del><x>[</del></p>\n")
    }

    @Test("Strikethrough works in headings")
    func inHeadings() throws {
        #expect(try html("# a ~~b~~\n", stages: stages) == "<h1>a <del>b</del></h1>\n")
    }

    @Test("Pairs nest")
    func nesting() throws {
        #expect(try html("~~a ~b~ c~~\n", stages: stages) == "<p><del>a <del>b</del> c</del></p>\n")
    }

    @Test("Without the stage tildes stay text")
    func withoutStage() throws {
        #expect(try html("~~a~~\n", stages: []) == "<p>~~a~~</p>\n")
    }

    @Test("Strikethrough in 50,000 nested block quotes does not overflow the stack")
    func deepQuotes() {
        let depth = 50_000
        let output = htmlOnSmallStack(String(repeating: ">", count: depth) + " ~~x~~\n", stages: ["strikethrough"])
        #expect(output.contains("<p><del>x</del></p>"))
        #expect(output.components(separatedBy: "<blockquote>").count == depth + 1)
    }

    @Test("Thousands of runs on one line pair as cmark-gfm pairs them")
    func manyRuns() throws {
        let count = 20_000
        let output = try html(String(repeating: "~a~~b ", count: count) + "\n", stages: stages)
        #expect(output == "<p>" + String(repeating: "~a<del>b ~a</del>b ", count: count / 2).dropLast() + "</p>\n")
    }
}

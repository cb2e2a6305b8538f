import Testing

@Suite("Task lists")
struct TaskListsTests {
    let stages = ["task-lists"]

    @Test("`[ ]` makes an unchecked task and `[x]` a checked one")
    func uncheckedAndChecked() throws {
        #expect(try html("- [ ] foo\n- [x] bar\n", stages: stages) == """
            <ul>
            <li><input type="checkbox" disabled="" /> foo</li>
            <li><input type="checkbox" checked="" disabled="" /> bar</li>
            </ul>

            """)
    }

    @Test("A capital X checks too, in an ordered list")
    func capitalX() throws {
        #expect(try html("1. [X] a\n", stages: stages)
                == "<ol>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> a</li>\n</ol>\n")
    }

    @Test("Nested lists have their own tasks")
    func nested() throws {
        #expect(try html("- [x] foo\n  - [ ] bar\n", stages: stages) == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> foo
            <ul>
            <li><input type="checkbox" disabled="" /> bar</li>
            </ul>
            </li>
            </ul>

            """)
    }

    @Test("A tab after the marker works like a space")
    func tabAfterMarker() throws {
        #expect(try html("- [x]\tfoo\n", stages: stages)
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> foo</li>\n</ul>\n")
    }

    @Test("No task without a blank after the marker, or with another character in it")
    func notMarkers() throws {
        #expect(try html("- [x]foo\n- [@] bar\n- [x]\n", stages: stages)
                == "<ul>\n<li>[x]foo</li>\n<li>[@] bar</li>\n<li>[x]</li>\n</ul>\n")
    }

    @Test("An escaped bracket is no marker")
    func escapedBracket() throws {
        #expect(try html("- \\[x] foo\n", stages: stages) == "<ul>\n<li>[x] foo</li>\n</ul>\n")
    }

    @Test("The marker must be on the item's first line")
    func markerOnFirstLine() throws {
        #expect(try html("-\n  [x] foo\n", stages: stages) == "<ul>\n<li>[x] foo</li>\n</ul>\n")
    }

    @Test("A paragraph is not a task")
    func paragraphNotTask() throws {
        #expect(try html("[x] foo\n", stages: stages) == "<p>[x] foo</p>\n")
    }

    @Test("A marker alone on its line leaves the next line as the text")
    func markerAloneOnLine() throws {
        #expect(try html("- [x] \n  foo\n", stages: stages)
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> foo</li>\n</ul>\n")
    }

    @Test("A marker with only blanks after it makes an empty task")
    func emptyTask() throws {
        #expect(try html("- [x]  \n", stages: stages)
                == "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> </li>\n</ul>\n")
    }

    @Test("A marker that a reference definition made a link is still a marker")
    func markerMadeLink() throws {
        #expect(try html("[x]: /u\n\n- [x] foo\n- [x]y\n", stages: stages) == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> foo</li>
            <li><a href="/u">x</a>y</li>
            </ul>

            """)
    }

    @Test("Inlines after the marker stay")
    func inlinesAfterMarker() throws {
        #expect(try html("- [ ] *a* b\n", stages: stages)
                == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> <em>a</em> b</li>\n</ul>\n")
    }

    @Test("In a loose list the checkbox comes before the paragraph, as cmark-gfm writes it")
    func looseList() throws {
        #expect(try html("- [ ] a\n\n- [x] b\n", stages: stages) == """
            <ul>
            <li><input type="checkbox" disabled="" /> 
            <p>a</p>
            </li>
            <li><input type="checkbox" checked="" disabled="" /> 
            <p>b</p>
            </li>
            </ul>

            """)
    }

    @Test("Only the marker decides the state, not a `[x]` later in the text")
    func laterBracketsIgnored() throws {
        #expect(try html("- [ ] see [x]\n", stages: stages)
                == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> see [x]</li>\n</ul>\n")
    }

    @Test("Task items in 50,000 nested block quotes do not overflow the stack")
    func deepQuotes() {
        let depth = 50_000
        let output = htmlOnSmallStack(String(repeating: ">", count: depth) + " - [x] a\n", stages: ["task-lists"])
        #expect(output.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> a</li>"))
    }
}

import PublishAST
import PublishWriters
import Testing

@Suite("Tables")
struct TablesTests {
    let stages = ["tables"]

    @Test("A header row, a delimiter row and body rows make a table")
    func basic() throws {
        #expect(try html("| a | b |\n| - | - |\n| c | d |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Colons in the delimiter row align the columns")
    func alignments() throws {
        #expect(try html("| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">l</th>\n<th style=\"text-align: center\">c</th>\n<th style=\"text-align: right\">r</th>\n<th>n</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\">1</td>\n<td style=\"text-align: center\">2</td>\n<td style=\"text-align: right\">3</td>\n<td>4</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Pipes at the ends of rows are optional")
    func noOuterPipes() throws {
        #expect(try html("a | b\n--- | ---\nc | d\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A one-column table needs a pipe in its delimiter row")
    func oneColumn() throws {
        #expect(try html("| a |\n--- |\n| b |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A header with more cells than the delimiter row is no table")
    func headerMismatch() throws {
        #expect(try html("| a | b | c |\n| - | - |\n| d | e | f |\n", stages: stages) ==
                "<p>| a | b | c |\n| - | - |\n| d | e | f |</p>\n")
    }

    @Test("A table may have no body rows")
    func headOnly() throws {
        #expect(try html("| a | b |\n| - | - |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("Extra cells are dropped and missing cells are empty")
    func raggedRows() throws {
        #expect(try html("| a | b |\n| - | - |\n| c |\n| d | e | f |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td></td>\n</tr>\n<tr>\n<td>d</td>\n<td>e</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Two pipes together make an empty cell")
    func sequentialCells() throws {
        #expect(try html("| a | b | c |\n| - | - | - |\n| d || e |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n<th>c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>d</td>\n<td></td>\n<td>e</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("An escaped pipe is text in a cell, in code spans too")
    func escapedPipes() throws {
        #expect(try html("| a | b |\n| - | - |\n| c \\| d | `e \\| f` |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c | d</td>\n<td><code>e | f</code></td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A pipe after an escaped backslash separates nothing and shows alone")
    func pipeAfterBackslash() throws {
        #expect(try html("| a \\\\| b | c |\n| - | - |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a | b</th>\n<th>c</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("A pipe written as an entity separates nothing")
    func entityPipe() throws {
        #expect(try html("| a &#124; b &vert; c | d |\n| - | - |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a | b | c</th>\n<th>d</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("A bare pipe in backticks separates cells, as it does in cmark-gfm")
    func pipeInBackticks() throws {
        #expect(try html("| a | b |\n| - | - |\n| `c | d` |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>`c</td>\n<td>d`</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Emphasis, code and links inside cells are kept")
    func inlineMarkup() throws {
        #expect(try html("| *a* | `b` |\n| - | - |\n| [c](/u) | **d** |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th><em>a</em></th>\n<th><code>b</code></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"/u\">c</a></td>\n<td><strong>d</strong></td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Emphasis across a pipe falls apart into its delimiters")
    func emphasisAcrossPipe() throws {
        #expect(try html("| a | b |\n| - | - |\n| *c | d* |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>*c</td>\n<td>d*</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A link across a pipe falls apart into its brackets")
    func linkAcrossPipe() throws {
        #expect(try html("| a | b |\n| - | - |\n| [c | d](/u) |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>[c</td>\n<td>d](/u)</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A reference link in a cell uses its definition")
    func referenceLink() throws {
        #expect(try html("| [a] |\n| - |\n| [b][a] |\n\n[a]: /url\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th><a href=\"/url\">a</a></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"/url\">b</a></td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Paragraph lines right before the header row stay a paragraph")
    func paragraphBefore() throws {
        #expect(try html("123\n456\n| a | b |\n| - | - |\n| c | d |\n", stages: stages) ==
                "<p>123\n456</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A blank line ends the table")
    func blankLineEnds() throws {
        #expect(try html("| a |\n| - |\n| b |\n\nc\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n<p>c</p>\n")
    }

    @Test("A block quote ends the table")
    func blockQuoteEnds() throws {
        #expect(try html("| a |\n| - |\n| b |\n> c\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>c</p>\n</blockquote>\n")
    }

    @Test("A line of only a pipe ends the table and starts a paragraph")
    func lonePipeEnds() throws {
        #expect(try html("| a |\n| - |\n|\nb\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<p>|\nb</p>\n")
    }

    @Test("The paragraph after a table may hold another table")
    func secondTable() throws {
        #expect(try html("| a |\n| - |\n|\n| b |\n| - |\n| c |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<p>|</p>\n<table>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Dashes under a table are a thematic break, not a heading")
    func dashesUnderTable() throws {
        #expect(try html("| a |\n| - |\n| b |\n---\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n<hr />\n")
    }

    @Test("Equals signs under a table are one more row")
    func equalsUnderTable() throws {
        #expect(try html("| a |\n| - |\n===\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>===</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A single dash under a table is an empty list")
    func dashUnderTable() throws {
        #expect(try html("| a |\n| - |\n-\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<ul>\n<li></li>\n</ul>\n")
    }

    @Test("A table in a list item")
    func inListItem() throws {
        #expect(try html("- | a | b |\n  | - | - |\n  | c | d |\n", stages: stages) ==
                "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n")
    }

    @Test("A table in a block quote")
    func inBlockQuote() throws {
        #expect(try html("> | a | b |\n> | - | - |\n> | `c\\|` | d |\n", stages: stages) ==
                "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>c|</code></td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n")
    }

    @Test("Chinese and Japanese text in cells")
    func eastAsianText() throws {
        #expect(try html("| 名前 | 説明 |\n| --- | :---: |\n| 中文 | 表格里的**文字** |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>名前</th>\n<th style=\"text-align: center\">説明</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>中文</td>\n<td style=\"text-align: center\">表格里的<strong>文字</strong></td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A backslash at the end of a row is text and the next rows are read right")
    func backslashAtRowEnd() throws {
        #expect(try html("| a | b |\n| - | - |\n| c | d \\\n| *e* | f |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d \\</td>\n</tr>\n<tr>\n<td><em>e</em></td>\n<td>f</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A code span left open across rows is backticks in two rows")
    func codeAcrossRows() throws {
        #expect(try html("| a | b |\n| - | - |\n| `c\n| d` | e |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>`c</td>\n<td></td>\n</tr>\n<tr>\n<td>d`</td>\n<td>e</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("Indented rows and indented tables are read")
    func indentedRows() throws {
        #expect(try html(" | a | b |\n | - | - |\n   | c | d |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>c</td>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test("A setext underline under a delimiter row makes no table")
    func setextHeading() throws {
        #expect(try html("| a |\n---\n", stages: stages) ==
                "<h2>| a |</h2>\n")
    }

    @Test("Without the stage a table stays a paragraph")
    func withoutStage() throws {
        #expect(try html("| a |\n| - |\n", stages: []) == "<p>| a |\n| - |</p>\n")
    }

    @Test("Cells span the source between their pipes; filled-in cells have no range")
    func cellRanges() throws {
        let document = try staged("| a | bc |\n| - | - |\n|  d |\n", stages: stages).document
        var ranges: [String] = []
        for case .enter(let node) in document.events() where document.kind(of: node) == .block(.tableCell) {
            ranges.append("\(document.range(of: node))")
        }
        #expect(ranges == ["1:2-1:4", "1:6-1:9", "3:2-3:5", "0:0-0:0"])
    }

    @Test("A lazy line after a table in a block quote starts a paragraph after the quote")
    func lazyLineLeavesQuote() throws {
        let result = try staged("> | a |\n> | - |\n| b |\n", stages: stages)
        #expect(HTMLWriter().render(result.document) ==
                "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n</blockquote>\n<p>| b |</p>\n")
        #expect(result.warnings.isEmpty)
    }

    @Test("A lazy line after a table in a list item splits the list around its paragraph")
    func lazyLineSplitsList() throws {
        #expect(try html("- | a |\n  | - |\n| b |\n- c\n", stages: stages) ==
                "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n</li>\n</ul>\n"
                + "<p>| b |</p>\n<ul>\n<li>c</li>\n</ul>\n")
    }

    @Test("A lazy line that would swallow the next item stays in the list, with a warning")
    func lazyLineBeforeOrderedItemWarns() throws {
        let result = try staged("3. | a |\n   | - |\n   | x |\n| b |\n4. c\n", stages: stages)
        #expect(HTMLWriter().render(result.document) ==
                "<ol start=\"3\">\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n"
                + "</tr>\n</tbody>\n</table>\n| b |</li>\n<li>c</li>\n</ol>\n")
        #expect(result.warnings.map(\.description) == [
            "post.md:4:1: warning: this line ends the table: GitHub reads it as a line outside the block quote "
                + "or list item the table is in; a blank line before it keeps them apart",
        ])
    }

    @Test("A list item holding a table of only a header row is loose when more follows, as in cmark-gfm")
    func headerOnlyTableLoosensList() throws {
        #expect(try html("- | a |\n  | - |\n- b\n", stages: stages) ==
                "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
    }

    @Test("A hard break before the header row leaves its backslash in the paragraph")
    func backslashBeforeHeader() throws {
        #expect(try html("a\\\n| b |\n| - |\n", stages: stages) ==
                "<p>a\\</p>\n<table>\n<thead>\n<tr>\n<th>b</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("Emphasis whose delimiter run was partly used is unwrapped to its own delimiters")
    func partlyUsedDelimiterRun() throws {
        #expect(try html("| ***a | b* |\n| - | - |\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>***a</th>\n<th>b*</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("Rows indented as code end the table and make a code block")
    func indentedRowsMakeCode() throws {
        #expect(try html("| a |\n| - |\n    code\n\tmore\ntext\n", stages: stages) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<pre><code>code\nmore\n</code></pre>\n<p>text</p>\n")
    }

    @Test("An ordered item not numbered 1 ends the table but stays text, with a warning")
    func orderedItemWarns() throws {
        let result = try staged("| a |\n| - |\n2. x\n", stages: stages)
        #expect(HTMLWriter().render(result.document) ==
                "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<p>2. x</p>\n")
        #expect(result.warnings.map(\.description) == [
            "post.md:3:1: warning: this line ends the table: GitHub reads it as a list item; "
                + "a blank line before it keeps them apart",
        ])
    }

    @Test("A code span from the paragraph into the header row is backticks on both sides")
    func codeSpanIntoHeader() throws {
        #expect(try html("a `b\n| c` |\n| - |\n", stages: stages) ==
                "<p>a `b</p>\n<table>\n<thead>\n<tr>\n<th>c`</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test("A well-formed table gives no warning")
    func noWarning() throws {
        #expect(try staged("| a | b |\n| - | - |\n| c\\ | d |\n", stages: stages).warnings.isEmpty)
    }

    @Test("50,000 nested block quotes holding a table")
    func deepQuotes() {
        let prefix = String(repeating: ">", count: 50_000) + " "
        let markdown = prefix + "| a |\n" + prefix + "| - |\n" + prefix + "| b |\n"
        let output = htmlOnSmallStack(markdown, stages: ["tables"])
        #expect(output.contains("<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>"))
        #expect(output.components(separatedBy: "<blockquote>").count == 50_001)
    }

    @Test("50,000 nested emphases across a pipe fall apart into their delimiters")
    func deepEmphasisAcrossPipe() {
        let depth = 50_000
        let markdown = "| a | b |\n| - | - |\n| " + String(repeating: "*", count: depth) + "c | d"
            + String(repeating: "*", count: depth) + " |\n"
        let output = htmlOnSmallStack(markdown, stages: ["tables"])
        #expect(output.hasSuffix("<tr>\n<td>" + String(repeating: "*", count: depth) + "c</td>\n<td>d"
                                 + String(repeating: "*", count: depth) + "</td>\n</tr>\n</tbody>\n</table>\n"))
    }

    @Test("Short rows under a wide header are padded only up to cmark-gfm's cap: the rest is a paragraph")
    func paddingCap() throws {
        let columns = 4_000, rows = 2_000
        let header = "|" + Array(repeating: "h", count: columns).joined(separator: "|") + "|\n"
        let delimiter = "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|\n"
        let output = try html(header + delimiter + String(repeating: "x\n", count: rows), stages: stages)
        // Each row adds 3,999 empty cells; rows are read while the cells made so far are at most 0x80000.
        let kept = 0x80000 / (columns - 1) + 1
        #expect(output.components(separatedBy: "<tr>").count - 1 == 1 + kept)
        #expect(output.hasSuffix("</table>\n<p>" + Array(repeating: "x", count: rows - kept).joined(separator: "\n") + "</p>\n"))
        #expect(output.utf8.count < 6_000_000)
    }
}
